"""A belief denied is still a belief held (``the mayor does not believe the levy will pass``): the
reported-clause rule reads a negated verb of thinking, never a negated verb of saying (``did not
say that``: nothing was said)."""

import pytest

from annotator.nlp.quotes import reported
from tests.nlp.hand_docs import hand_doc
from tests.nlp.quotes.helpers import found_at


def _denied(verb: str, lemma: str) -> str:
    return f"""
    The      DET   DT  det    1
    mayor    NOUN  NN  nsubj  4
    does     AUX   VBZ aux    4 do
    not      PART  RB  neg    4
    {verb}   VERB  VB  ROOT   4 {lemma}
    the      DET   DT  det    6
    levy     NOUN  NN  nsubj  8
    will     AUX   MD  aux    8
    pass     VERB  VB  ccomp  4
    .        PUNCT .   punct  4
"""


@pytest.mark.parametrize("verb, found", [
    ("believe", [("indirect", "the levy will pass", "believe")]),
    ("think", [("indirect", "the levy will pass", "think")]),
    ("say", []),
])
def test_a_negated_belief_is_reported_and_a_negated_saying_is_not(verb, found):
    doc = hand_doc(f"The mayor does not {verb} the levy will pass.", _denied(verb, verb))
    assert found_at(reported.at, doc) == found
