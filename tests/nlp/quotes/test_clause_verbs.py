"""Verbs of saying and of working a conclusion out beyond the speech and cognition verbs (session 22):
with a finite clause they report it, as ``said that`` does."""

import pytest

from annotator.nlp.cue_words import CLAUSE_CUE_VERBS, cue_verb_class
from annotator.nlp.quotes import reported
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


@pytest.mark.parametrize(("lemma", "kind"), [("clarify", "communication"), ("hint", "communication"),
                                             ("rule", "communication"), ("determine", "cognition"),
                                             ("surmise", "cognition")])
def test_new_clause_verbs_have_a_class_and_report_a_clause(lemma, kind):
    assert cue_verb_class(lemma) == kind
    assert lemma in CLAUSE_CUE_VERBS


def test_clause_of_ruled_is_what_the_court_held():
    doc = hand_doc("The appeals court ruled that the recount must go on.", """
        The      DET   DT   det    2
        appeals  NOUN  NNS  compound 2 appeal
        court    NOUN  NN   nsubj  3
        ruled    VERB  VBD  ROOT   3 rule
        that     SCONJ IN   mark   8
        the      DET   DT   det    6
        recount  NOUN  NN   nsubj  8
        must     AUX   MD   aux    8
        go       VERB  VB   ccomp  3
        on       ADP   RP   prt    8
        .        PUNCT .    punct  3
    """)
    assert found_at(reported.at, doc) == [("indirect", "the recount must go on", "ruled")]


def test_clause_of_hinted_is_what_was_hinted():
    doc = hand_doc("The governor hinted she would sign the bill.", """
        The      DET   DT   det    1
        governor NOUN  NN   nsubj  2
        hinted   VERB  VBD  ROOT   2 hint
        she      PRON  PRP  nsubj  5
        would    AUX   MD   aux    5
        sign     VERB  VB   ccomp  2
        the      DET   DT   det    7
        bill     NOUN  NN   dobj   5
        .        PUNCT .    punct  2
    """)
    assert found_at(reported.at, doc) == [("indirect", "she would sign the bill", "hinted")]
