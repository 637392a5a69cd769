"""The adjective-object rule on hand-built parses: ``the senator is critical of the deal``."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import adjective_object
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_CRITICAL = """
    The      DET   DT  det    1
    senator  NOUN  NN  nsubj  2
    is       AUX   VBZ ROOT   2 be
    critical ADJ   JJ  acomp  2
    of       ADP   IN  prep   3
    the      DET   DT  det    6
    deal     NOUN  NN  pobj   4
    .        PUNCT .   punct  2
"""


def test_what_an_adjective_of_judgement_judges_is_the_content():
    doc = hand_doc("The senator is critical of the deal.", _CRITICAL)
    assert found_at(adjective_object.at, doc) == [("indirect", "the deal", "is critical of")]


def test_only_the_adjectives_own_prepositions_count():
    doc = hand_doc("The senator is critical in the debate.", _CRITICAL.replace("of       ADP", "in       ADP")
                   .replace("deal     NOUN", "debate   NOUN"))
    assert found_at(adjective_object.at, doc) == []


def test_a_thing_judging_or_a_negated_judgement_is_no_attribution():
    thing = hand_doc("The report is critical of the deal.", _CRITICAL.replace("senator", "report "))
    assert found_at(adjective_object.at, thing) == []
    doc = hand_doc("The senator is not critical of the deal.", """
        The      DET   DT  det    1
        senator  NOUN  NN  nsubj  2
        is       AUX   VBZ ROOT   2 be
        not      PART  RB  neg    2
        critical ADJ   JJ  acomp  2
        of       ADP   IN  prep   4
        the      DET   DT  det    7
        deal     NOUN  NN  pobj   5
        .        PUNCT .   punct  2
    """)
    assert found_at(adjective_object.at, doc) == []


def test_adjectives_and_their_prepositions_come_from_the_lexicon():
    doc = hand_doc("The senator is critical of the deal.", _CRITICAL)
    assert found_at(adjective_object.at, doc, Lexicon(adjective_prepositions={"wary": ["of"]})) == []
