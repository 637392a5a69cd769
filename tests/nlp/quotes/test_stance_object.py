"""The stance rule on hand-built parses: ``the union endorsed Okafor``, ``she supports the ban``."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import object_of_cue, stance_object
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_ENDORSED = """
    The      DET   DT  det    1
    union    NOUN  NN  nsubj  2
    endorsed VERB  VBD ROOT   2 endorse
    Okafor   PROPN NNP dobj   2
    .        PUNCT .   punct  2
"""


def test_a_stance_on_a_name_alone_is_the_stance_held():
    doc = hand_doc("The union endorsed Okafor.", _ENDORSED, ents=((3, 4, "PERSON"),))
    assert found_at(stance_object.at, doc) == [("indirect", "Okafor", "endorsed")]
    # the object rule reads a name alone as whom an act was for, and leaves it
    assert found_at(object_of_cue.at, doc, Lexicon(object_verbs=["endorse"])) == []


def test_stance_object_goes_on_with_its_over_phrase():
    doc = hand_doc("Most farmers prefer the levy over a tariff.", """
        Most    ADJ   JJS amod   1
        farmers NOUN  NNS nsubj  2 farmer
        prefer  VERB  VBP ROOT   2
        the     DET   DT  det    4
        levy    NOUN  NN  dobj   2
        over    ADP   IN  prep   4
        a       DET   DT  det    7
        tariff  NOUN  NN  pobj   5
        .       PUNCT .   punct  2
    """)
    assert found_at(stance_object.at, doc) == [("indirect", "the levy over a tariff", "prefer")]


def test_stance_inside_a_relative_clause_is_not_reported():
    doc = hand_doc("Voters who support the ban stayed home.", """
        Voters  NOUN  NNS nsubj  5
        who     PRON  WP  nsubj  2
        support VERB  VBP relcl  0
        the     DET   DT  det    4
        ban     NOUN  NN  dobj   2
        stayed  VERB  VBD ROOT   5 stay
        home    ADV   RB  advmod 5
        .       PUNCT .   punct  5
    """)
    assert found_at(stance_object.at, doc) == []


def test_stance_of_a_thing_or_a_negated_stance_is_not_reported():
    thing = hand_doc("The research supports the ban.", """
        The      DET   DT  det    1
        research NOUN  NN  nsubj  2
        supports VERB  VBZ ROOT   2 support
        the      DET   DT  det    4
        ban      NOUN  NN  dobj   2
        .        PUNCT .   punct  2
    """)
    assert found_at(stance_object.at, thing) == []
    negated = hand_doc("She does not support the ban.", """
        She     PRON  PRP nsubj  3
        does    AUX   VBZ aux    3 do
        not     PART  RB  neg    3
        support VERB  VB  ROOT   3
        the     DET   DT  det    5
        ban     NOUN  NN  dobj   3
        .       PUNCT .   punct  3
    """)
    assert found_at(stance_object.at, negated) == []


def test_stance_verbs_come_from_the_lexicon():
    doc = hand_doc("The union endorsed Okafor.", _ENDORSED, ents=((3, 4, "PERSON"),))
    assert found_at(stance_object.at, doc, Lexicon(stance_verbs=["oppose"])) == []


def test_the_cue_classes_come_from_the_component_config():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("annotator_quotes", config={
        "stance_cue_verbs": ["rue"], "intention_cue_verbs": ["yearn"], "regard_cue_verbs": ["deem"],
        "evidence_cue_verbs": ["prove"], "prepositional_cue_adjectives": {"fond": ["of"]}})
    lexicon = nlp.get_pipe("annotator_quotes").lexicon
    assert (lexicon.stance_verbs, lexicon.intention_verbs) == ({"rue"}, {"yearn"})
    assert (lexicon.regard_verbs, lexicon.evidence_verbs) == ({"deem"}, {"prove"})
    # spaCy merges a dict setting into the default one: an entry is added beside the others.
    assert lexicon.adjective_prepositions["fond"] == {"of"} and "critical" in lexicon.adjective_prepositions


def test_a_verb_of_favouring_takes_a_stance_on_its_object():
    doc = hand_doc("Most voters favor a recount.", """
        Most    ADJ   JJS amod   1
        voters  NOUN  NNS nsubj  2 voter
        favor   VERB  VBP ROOT   2
        a       DET   DT  det    4
        recount NOUN  NN  dobj   2
        .       PUNCT .   punct  2
    """)
    assert found_at(stance_object.held_at, doc) == [("indirect", "a recount", "favor")]
