"""A report inside another report's words is part of what the outer speaker said, not an
attribution of its own (our own sentences)."""

import pytest

from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.nested import outermost
from tests.nlp.hand_docs import hand_doc

_PARSE = """
    Ruiz       PROPN NNP nsubj      1
    said       VERB  VBD ROOT       1 say
    the        DET   DT  det        3
    mayor      NOUN  NN  nsubj      4
    hopes      VERB  VBZ ccomp      1 hope
    the        DET   DT  det        6
    levy       NOUN  NN  nsubj      8
    will       AUX   MD  aux        8
    pass       VERB  VB  ccomp      4
    .          PUNCT .   punct      1
"""


def _quotes():
    doc = hand_doc("Ruiz said the mayor hopes the levy will pass.", _PARSE)
    outer = FoundQuote(doc[2:9], "indirect", doc[1:2])
    inner = FoundQuote(doc[5:9], "indirect", doc[4:5])
    return doc, outer, inner


def test_a_report_inside_another_is_dropped():
    _, outer, inner = _quotes()
    assert outermost([outer, inner]) == [outer]


def test_a_direct_quote_inside_a_report_is_kept():
    _, outer, inner = _quotes()
    direct = FoundQuote(inner.span, "direct", inner.cue)
    assert outermost([outer, direct]) == [outer, direct]


def test_two_pieces_of_one_quote_are_kept():
    doc, outer, _ = _quotes()
    before = FoundQuote(doc[0:1], "indirect", doc[1:2])
    assert outermost([before, outer]) == [before, outer]


@pytest.mark.parametrize("text, content", [
    ("Ruiz said the board, which Okafor criticized last spring, would meet again in June.",
     "the board, which Okafor criticized last spring, would meet again in June"),
    ("Ruiz said the mayor hopes that the levy will pass.", "the mayor hopes that the levy will pass"),
])
def test_the_whole_pipeline_keeps_the_outer_report(rule_quotes_in, text, content):
    assert [(q.text, q.speaker) for q in rule_quotes_in(text)] == [(content, "Ruiz")]
