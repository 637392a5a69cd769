"""A quote's run on to its sentence's end is offered even where a suggested quote of its own lies in
the words it adds (``extents.OVER_SUGGESTED``); the other kinds still give way to such a quote."""

from __future__ import annotations

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.extents import (
    AFTER_COMMA, CLAUSE, EXTENT_MIN_SCORE, EXTENT_SOURCES, OVER_SUGGESTED, SENTENCE_END, SENTENCE_END_COMMA,
    chosen_extents,
)

pytestmark = pytest.mark.model

TEAM = "The coach said the team played well in the first half of the match, but the referee disagreed with him."


def _chars(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _cut_to(doc, words: str):
    """The pre-labeled quote cut to ``words`` (as a rule that stopped early would)."""
    quote = doc.char_span(*_chars(doc.text, words))
    old = next(q for q in doc.spans["quotes"] if q.start <= quote.start < q.end)
    quote._.quote_type = old._.quote_type
    doc.spans["quotes"] = [quote if q == old else q for q in doc.spans["quotes"]]


def test_the_sentence_end_is_offered_over_a_report_suggested_in_its_tail(nlp_model):
    doc = nlp_model(TEAM)
    assert [q.text for q in doc.spans["quotes"]] == ["the team played well in the first half of the match"]
    tail = _chars(TEAM, "the referee disagreed with him")  # as if a quote of its own were suggested there
    (chosen, _score), = chosen_extents(doc, Lexicon(), set(EXTENT_SOURCES), EXTENT_MIN_SCORE, [tail])
    assert chosen.source == SENTENCE_END_COMMA and OVER_SUGGESTED == {SENTENCE_END, SENTENCE_END_COMMA}
    assert chosen.span.text == "the team played well in the first half of the match, but the referee disagreed with him"


def test_a_cut_still_gives_way_to_a_quote_suggested_over_it(nlp_model):
    doc = nlp_model(TEAM)
    _cut_to(doc, "the team played well in the first half of the match, but the referee disagreed with him")
    first = _chars(TEAM, "the team played well")
    every = chosen_extents(doc, Lexicon(), set(EXTENT_SOURCES), 0.0, [])
    assert [e.source for e, _ in every] == [CLAUSE]
    (kept, _score), = chosen_extents(doc, Lexicon(), set(EXTENT_SOURCES), 0.0, [first])
    assert kept.source == AFTER_COMMA and kept.span.text == "the referee disagreed with him"
