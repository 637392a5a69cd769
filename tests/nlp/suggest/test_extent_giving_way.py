"""A run on to the sentence's end at a comma gives way to a clause the component promotes in the words
it adds, as it gives way to a rule's pre-label there (``extents.giving_way``, session 38); the plain
sentence end is still offered, and a promoted noun's phrase does not stop the comma kind."""

from __future__ import annotations

import pytest

from annotator.nlp.convert import DocSuggestion
from annotator.nlp.suggest.extents import DASH, SENTENCE_END, SENTENCE_END_COMMA, giving_way

pytestmark = pytest.mark.model

TEXT = "The coach said the team played well in the first half, but the referee warned that the pitch was poor."
RUN_ON = "the team played well in the first half, but the referee warned that the pitch was poor"


def _chars(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _extent(words: str, source: str) -> DocSuggestion:
    replaced = _chars("the team played well in the first half")
    return DocSuggestion(*_chars(words), "indirect", None, None, None, None, 0.177, source, *replaced)


@pytest.fixture
def doc(nlp_model):
    return nlp_model(TEXT)


def test_the_comma_run_on_gives_way_to_a_promoted_clause_in_its_tail(doc):
    assert giving_way([_extent(RUN_ON, SENTENCE_END_COMMA)], [doc.char_span(*_chars("the pitch was poor"))]) == []


def test_the_plain_run_on_and_other_kinds_stay(doc):
    kept = [_extent(RUN_ON, SENTENCE_END), _extent("the team played well", DASH)]
    assert giving_way(kept, [doc.char_span(*_chars("the pitch was poor"))]) == kept


def test_a_promoted_noun_phrase_or_nothing_promoted_leaves_the_comma_run_on(doc):
    comma = [_extent(RUN_ON, SENTENCE_END_COMMA)]
    assert giving_way(comma, []) == comma
    assert giving_way(comma, [doc.char_span(*_chars("the pitch"))]) == comma
