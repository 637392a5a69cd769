"""The evidence rule on hand-built parses: ``the poll showed Reyes leading the field``."""

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import evidence
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at

_SHOWED = """
    The     DET   DT  det    1
    poll    NOUN  NN  nsubj  2
    showed  VERB  VBD ROOT   2 show
    Reyes   PROPN NNP nsubj  4
    leading VERB  VBG ccomp  2 lead
    the     DET   DT  det    6
    field   NOUN  NN  dobj   4
    .       PUNCT .   punct  2
"""


def test_a_clause_without_tense_is_what_a_poll_showed():
    doc = hand_doc("The poll showed Reyes leading the field.", _SHOWED)
    assert found_at(evidence.at, doc) == [("indirect", "Reyes leading the field", "showed")]


def test_a_clause_with_a_tense_is_left_to_the_reported_clause_rule():
    doc = hand_doc("The poll showed Reyes led the field.", """
        The    DET   DT  det    1
        poll   NOUN  NN  nsubj  2
        showed VERB  VBD ROOT   2 show
        Reyes  PROPN NNP nsubj  4
        led    VERB  VBD ccomp  2 lead
        the    DET   DT  det    6
        field  NOUN  NN  dobj   4
        .      PUNCT .   punct  2
    """)
    assert found_at(evidence.at, doc) == []


def test_a_pronoun_subject_or_a_negated_finding_is_left_alone():
    pronoun = hand_doc("It showed Reyes leading the field.", """
        It      PRON  PRP nsubj  1
        showed  VERB  VBD ROOT   1 show
        Reyes   PROPN NNP nsubj  3
        leading VERB  VBG ccomp  1 lead
        the     DET   DT  det    5
        field   NOUN  NN  dobj   3
        .       PUNCT .   punct  1
    """)
    assert found_at(evidence.at, pronoun) == []
    negated = hand_doc("The poll did not show Reyes leading.", """
        The     DET   DT  det    1
        poll    NOUN  NN  nsubj  4
        did     AUX   VBD aux    4 do
        not     PART  RB  neg    4
        show    VERB  VB  ROOT   4
        Reyes   PROPN NNP nsubj  6
        leading VERB  VBG ccomp  4 lead
        .       PUNCT .   punct  4
    """)
    assert found_at(evidence.at, negated) == []


def test_evidence_verbs_come_from_the_lexicon():
    doc = hand_doc("The poll showed Reyes leading the field.", _SHOWED)
    assert found_at(evidence.at, doc, Lexicon(evidence_verbs=["find"])) == []
