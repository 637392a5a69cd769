"""Where an object, a preposition's object or an intention is the speaker's own, on hand-built
parses: a gerund after ``by``, an infinitive of an act done (``went on to praise``), a verb
coordinated with its sentence's verb or a participle after it; and where it is not."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import intention, object_of_cue, prepositional_object
from annotator.nlp.quotes.own_clause import own_clause
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def _gerund(preposition: str) -> str:
    return f"""
        The          DET   DT  det    1
        mayor        NOUN  NN  nsubj  2
        opened       VERB  VBD ROOT   2 open
        the          DET   DT  det    4
        debate       NOUN  NN  dobj   2
        {preposition} ADP  IN  prep   2
        criticizing  VERB  VBG pcomp  5 criticize
        the          DET   DT  det    8
        budget       NOUN  NN  dobj   6
        .            PUNCT .   punct  2
    """


def test_a_gerund_after_by_is_an_act_of_the_sentences_subject():
    doc = hand_doc("The mayor opened the debate by criticizing the budget.", _gerund("by"))
    assert found_at(object_of_cue.at, doc) == [("indirect", "the budget", "criticizing")]


def test_a_gerund_after_without_is_an_act_not_done():
    doc = hand_doc("The mayor opened the debate without criticizing the budget.", _gerund("without"))
    assert found_at(object_of_cue.at, doc) == []


def test_a_gerund_after_by_takes_a_prepositional_object_too():
    doc = hand_doc("The senator closed by talking about the deficit.", """
        The      DET   DT  det    1
        senator  NOUN  NN  nsubj  2
        closed   VERB  VBD ROOT   2 close
        by       ADP   IN  prep   2
        talking  VERB  VBG pcomp  3 talk
        about    ADP   IN  prep   4
        the      DET   DT  det    7
        deficit  NOUN  NN  pobj   5
        .        PUNCT .   punct  2
    """)
    assert found_at(prepositional_object.at, doc) == [("indirect", "the deficit", "talking about")]


def _infinitive(head: str, tag: str, lemma: str) -> str:
    return f"""
        The      DET   DT  det    1
        senator  NOUN  NN  nsubj  2
        {head}   VERB  {tag} ROOT 2 {lemma}
        to       PART  TO  aux    4
        praise   VERB  VB  xcomp  2
        the      DET   DT  det    7
        new      ADJ   JJ  amod   7
        treaty   NOUN  NN  dobj   4
        .        PUNCT .   punct  2
    """


def test_the_infinitive_of_an_aspectual_verb_is_an_act_done():
    doc = hand_doc("The senator began to praise the new treaty.", _infinitive("began", "VBD", "begin"))
    assert found_at(object_of_cue.at, doc) == [("indirect", "the new treaty", "praise")]


def test_the_infinitive_of_a_refusal_is_an_act_not_done():
    doc = hand_doc("The senator refused to praise the new treaty.", _infinitive("refused", "VBD", "refuse"))
    assert found_at(object_of_cue.at, doc) == []


def test_an_intention_coordinated_with_the_sentences_verb_is_the_subjects():
    doc = hand_doc("The governor signed the bill and plans to run again.", """
        The      DET   DT  det    1
        governor NOUN  NN  nsubj  2
        signed   VERB  VBD ROOT   2 sign
        the      DET   DT  det    4
        bill     NOUN  NN  dobj   2
        and      CCONJ CC  cc     2
        plans    VERB  VBZ conj   2 plan
        to       PART  TO  aux    8
        run      VERB  VB  xcomp  6
        again    ADV   RB  advmod 8
        .        PUNCT .   punct  2
    """)
    assert found_at(intention.at, doc) == [("indirect", "to run again", "plans")]


def test_a_coordinated_clause_with_its_own_subject_is_a_sentence_of_its_own():
    doc = hand_doc("The governor signed the bill, and she plans to run again.", """
        The      DET   DT  det    1
        governor NOUN  NN  nsubj  2
        signed   VERB  VBD ROOT   2 sign
        the      DET   DT  det    4
        bill     NOUN  NN  dobj   2
        ,        PUNCT ,   punct  2
        and      CCONJ CC  cc     2
        she      PRON  PRP nsubj  8
        plans    VERB  VBZ conj   2 plan
        to       PART  TO  aux    10
        run      VERB  VB  xcomp  8
        again    ADV   RB  advmod 10
        .        PUNCT .   punct  2
    """)
    assert found_at(intention.at, doc) == [("indirect", "to run again", "plans")]


def _participle(subject_rows: str) -> str:
    return f"""
        The      DET   DT  det    1
        senator  NOUN  NN  nsubj  2
        toured   VERB  VBD ROOT   2 tour
        the      DET   DT  det    4
        state    NOUN  NN  dobj   2
        ,        PUNCT ,   punct  2
        {subject_rows}
    """


def test_a_participle_after_the_sentence_carries_its_subjects_intention():
    doc = hand_doc("The senator toured the state, hoping to win farmers.", _participle("""
        hoping   VERB  VBG advcl  2 hope
        to       PART  TO  aux    8
        win      VERB  VB  xcomp  6
        farmers  NOUN  NNS dobj   8 farmer
        .        PUNCT .   punct  2
    """))
    assert found_at(intention.at, doc) == [("indirect", "to win farmers", "hoping")]


def test_an_adverbial_clause_with_a_subject_of_its_own_is_not_the_sentences_but_its_subjects():
    # not the senator's own clause; since session 36 the intention is its own subject's (the aides':
    # ``intention.adverbial_clause``)
    doc = hand_doc("The senator toured the state as aides planned to leave.", """
        The      DET   DT  det    1
        senator  NOUN  NN  nsubj  2
        toured   VERB  VBD ROOT   2 tour
        the      DET   DT  det    4
        state    NOUN  NN  dobj   2
        as       SCONJ IN  mark   7
        aides    NOUN  NNS nsubj  7 aide
        planned  VERB  VBD advcl  2 plan
        to       PART  TO  aux    9
        leave    VERB  VB  xcomp  7
        .        PUNCT .   punct  2
    """)
    assert not own_clause(doc[7], Lexicon(), gerunds=False)
    assert found_at(intention.at, doc) == [("indirect", "to leave", "planned")]


def test_a_vote_is_a_stance_on_what_it_is_for_or_against():
    doc = hand_doc("Most senators voted against the measure.", """
        Most      ADJ   JJS amod   1
        senators  NOUN  NNS nsubj  2 senator
        voted     VERB  VBD ROOT   2 vote
        against   ADP   IN  prep   2
        the       DET   DT  det    5
        measure   NOUN  NN  pobj   3
        .         PUNCT .   punct  2
    """)
    assert found_at(prepositional_object.at, doc) == [("indirect", "the measure", "voted against")]
    # the class is configurable: without it the vote is no report
    assert found_at(prepositional_object.at, doc, Lexicon(prepositional_verbs={"call": ["for"]})) == []


def test_a_published_plan_is_what_was_put_out():
    doc = hand_doc("The campaign published a plan to cut taxes.", """
        The      DET   DT  det    1
        campaign NOUN  NN  nsubj  2
        published VERB VBD ROOT   2 publish
        a        DET   DT  det    4
        plan     NOUN  NN  dobj   2
        to       PART  TO  aux    6
        cut      VERB  VB  acl    4
        taxes    NOUN  NNS dobj   6 tax
        .        PUNCT .   punct  2
    """)
    assert found_at(object_of_cue.at, doc) == [("indirect", "a plan to cut taxes", "published")]


def test_speaking_out_against_a_law_is_what_the_words_are_about():
    doc = hand_doc("The senator spoke out against the new law.", """
        The     DET   DT  det    1
        senator NOUN  NN  nsubj  2
        spoke   VERB  VBD ROOT   2 speak
        out     ADP   RP  prt    2
        against ADP   IN  prep   2
        the     DET   DT  det    7
        new     ADJ   JJ  amod   7
        law     NOUN  NN  pobj   4
        .       PUNCT .   punct  2
    """)
    assert found_at(prepositional_object.at, doc) == [("indirect", "the new law", "spoke out against")]
