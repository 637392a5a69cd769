"""The rules' own word lists (verbs of asking, of leaving unsaid, of an act done, the prepositions
of an act, the linking verbs, the prepositions that go on with an object, the verbs of evidence
read only with a clause, the prepositions of a noun's source) are the lexicon's: configured in the
quotes component like the cue verbs, and what a rule finds follows them."""

import spacy

from annotator.nlp import quotes  # noqa: F401  (registers the quotes component)
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import adjective_cue, evidence, noun_cue, object_of_cue, reported
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at, found_by

ASKED = hand_doc("The editor asked the minister if the plan was final.", """
    The      DET   DT  det    1
    editor   NOUN  NN  nsubj  2
    asked    VERB  VBD ROOT   2 ask
    the      DET   DT  det    4
    minister NOUN  NN  dobj   2
    if       SCONJ IN  mark   8
    the      DET   DT  det    7
    plan     NOUN  NN  nsubj  8
    was      AUX   VBD advcl  2 be
    final    ADJ   JJ  acomp  8
    .        PUNCT .   punct  2
""")


def test_configured_verbs_of_asking_decide_which_if_clause_was_asked():
    assert found_at(reported.at, ASKED) == [("indirect", "if the plan was final", "asked")]
    assert found_at(reported.at, ASKED, Lexicon(question_verbs=["query"])) == []


UNSAID = hand_doc("The mayor never mentioned Ode.", """
    The       DET   DT  det    1
    mayor     NOUN  NN  nsubj  3
    never     ADV   RB  neg    3
    mentioned VERB  VBD ROOT   3 mention
    Ode       PROPN NNP dobj   3
    .         PUNCT .   punct  3
""")


def test_configured_verbs_of_leaving_unsaid_report_a_name_alone_even_outside_the_object_verbs():
    assert found_at(object_of_cue.at, UNSAID) == [("indirect", "Ode", "mentioned")]
    assert found_at(object_of_cue.at, UNSAID, Lexicon(object_verbs=())) == [("indirect", "Ode", "mentioned")]
    assert found_at(object_of_cue.at, UNSAID, Lexicon(unsaid_verbs=())) == []


RESUMED = hand_doc("The senator resumed attacking the treaty.", """
    The       DET   DT  det    1
    senator   NOUN  NN  nsubj  2
    resumed   VERB  VBD ROOT   2 resume
    attacking VERB  VBG xcomp  2 attack
    the       DET   DT  det    5
    treaty    NOUN  NN  dobj   3
    .         PUNCT .   punct  2
""")
WENT_ON = hand_doc("The senator went on to attack the treaty.", """
    The      DET   DT  det    1
    senator  NOUN  NN  nsubj  2
    went     VERB  VBD ROOT   2 go
    on       ADP   RP  prt    2
    to       PART  TO  aux    5
    attack   VERB  VB  xcomp  2
    the      DET   DT  det    7
    treaty   NOUN  NN  dobj   5
    .        PUNCT .   punct  2
""")


def test_configured_verbs_of_an_act_done_decide_whose_infinitive_is_said():
    assert found_at(object_of_cue.at, WENT_ON) == [("indirect", "the treaty", "attack")]
    assert found_at(object_of_cue.at, WENT_ON, Lexicon(act_done_verbs=["begin"])) == []
    assert found_at(object_of_cue.at, RESUMED) == []
    assert found_at(object_of_cue.at, RESUMED, Lexicon(act_done_verbs=["resume"])) == [
        ("indirect", "the treaty", "attacking")]


CLOSED_BY = hand_doc("The mayor closed the session by criticizing the budget.", """
    The         DET   DT  det    1
    mayor       NOUN  NN  nsubj  2
    closed      VERB  VBD ROOT   2 close
    the         DET   DT  det    4
    session     NOUN  NN  dobj   2
    by          ADP   IN  prep   2
    criticizing VERB  VBG pcomp  5 criticize
    the         DET   DT  det    8
    budget      NOUN  NN  dobj   6
    .           PUNCT .   punct  2
""")


def test_configured_prepositions_of_an_act_decide_whose_gerund_is_the_speakers():
    assert found_at(object_of_cue.at, CLOSED_BY) == [("indirect", "the budget", "criticizing")]
    assert found_at(object_of_cue.at, CLOSED_BY, Lexicon(act_prepositions=["after"])) == []


REMAINS = hand_doc("The senator remains confident that the bill will pass.", """
    The       DET   DT  det    1
    senator   NOUN  NN  nsubj  2
    remains   VERB  VBZ ROOT   2 remain
    confident ADJ   JJ  acomp  2
    that      SCONJ IN  mark   8
    the       DET   DT  det    6
    bill      NOUN  NN  nsubj  8
    will      AUX   MD  aux    8
    pass      VERB  VB  ccomp  3
    .         PUNCT .   punct  2
""")


def test_configured_linking_verbs_decide_which_verb_carries_a_cue_adjective():
    assert found_at(adjective_cue.at, REMAINS) == [("indirect", "the bill will pass", "remains confident")]
    assert found_at(adjective_cue.at, REMAINS, Lexicon(linking_verbs=["be"])) == []


OVER = hand_doc("The mayor criticized the plan over its cost.", """
    The        DET   DT   det   1
    mayor      NOUN  NN   nsubj 2
    criticized VERB  VBD  ROOT  2 criticize
    the        DET   DT   det   4
    plan       NOUN  NN   dobj  2
    over       ADP   IN   prep  2
    its        PRON  PRP$ poss  7
    cost       NOUN  NN   pobj  5
    .          PUNCT .    punct 2
""")


def test_configured_continuing_prepositions_decide_what_goes_on_with_the_object():
    assert found_at(object_of_cue.at, OVER) == [("indirect", "the plan", "criticized")]
    more = Lexicon(continuing_prepositions=["as", "for", "of", "over"])
    assert found_at(object_of_cue.at, OVER, more) == [("indirect", "the plan over its cost", "criticized")]


FOUND_GAP = hand_doc("The survey found a wide gap.", """
    The    DET   DT  det   1
    survey NOUN  NN  nsubj 2
    found  VERB  VBD ROOT  2 find
    a      DET   DT  det   5
    wide   ADJ   JJ  amod  5
    gap    NOUN  NN  dobj  2
    .      PUNCT .   punct 2
""")


def test_configured_clause_only_evidence_verbs_decide_whether_an_object_is_a_finding():
    assert found_at(evidence.at, FOUND_GAP) == []
    assert found_at(evidence.at, FOUND_GAP, Lexicon(clause_only_evidence_verbs=["confirm"])) == [
        ("indirect", "a wide gap", "found")]


DEMAND_FROM = hand_doc("It is a demand from the union that the bill include tax breaks.", """
    It      PRON  PRP nsubj    1
    is      AUX   VBZ ROOT     1 be
    a       DET   DT  det      3
    demand  NOUN  NN  attr     1
    from    ADP   IN  prep     3
    the     DET   DT  det      6
    union   NOUN  NN  pobj     4
    that    SCONJ IN  mark     10
    the     DET   DT  det      9
    bill    NOUN  NN  nsubj    10
    include VERB  VBP acl      3
    tax     NOUN  NN  compound 12
    breaks  NOUN  NNS dobj     10
    .       PUNCT .   punct    1
""")


def test_configured_source_prepositions_decide_whose_a_cue_noun_is():
    # a noun cue is kept only when the speaker rules can name its source
    assert found_by(noun_cue.find, DEMAND_FROM) == [("indirect", "the bill include tax breaks", "demand")]
    assert found_by(noun_cue.find, DEMAND_FROM, Lexicon(source_prepositions=["by"])) == []


def test_the_rules_word_lists_come_from_the_component_config():
    nlp = spacy.blank("en")
    nlp.add_pipe("annotator_quotes", config={
        "question_cue_verbs": ["Query"], "unsaid_object_verbs": ["omit"], "act_done_verbs": ["resume"],
        "act_prepositions": ["after"], "linking_verbs": ["stay"], "continuing_prepositions": ["over"],
        "clause_only_evidence_verbs": ["find"], "source_prepositions": ["via"]})
    lexicon = nlp.get_pipe("annotator_quotes").lexicon
    assert (lexicon.question_verbs, lexicon.unsaid_verbs, lexicon.act_done_verbs) == ({"query"}, {"omit"}, {"resume"})
    assert (lexicon.act_prepositions, lexicon.linking_verbs) == ({"after"}, {"stay"})
    assert (lexicon.continuing_prepositions, lexicon.clause_only_evidence_verbs, lexicon.source_prepositions) == (
        {"over"}, {"find"}, {"via"})
    assert Lexicon().question_verbs >= {"ask", "query"} and Lexicon().linking_verbs >= {"be", "remain"}
