"""``rule:seeming-subject`` and ``rule:seeming-predicate``: a verb of perception linking its subject to
how it strikes one (``suggest.seeming``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.seeming import PREDICATE_SOURCE, SEEMING_SOURCES, SUBJECT_SOURCE
from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, set(SEEMING_SOURCES), gated=gated)


@pytest.mark.parametrize("text, subject, predicate, cue", [
    ("The ferry timetable looks rather shaky.", "The ferry timetable", "rather shaky", "looks"),
    ("The new levy sounds fair to most traders.", "The new levy", "fair", "sounds"),
    ("The delay could make the board look foolish.", "the board", "foolish", "look"),
    # a ``like`` phrase: the ``like`` is the cue's
    ("The regatta looks like a walkover.", "The regatta", "a walkover", "looks like"),
])
def test_the_subject_and_what_it_seems_are_two_pieces_without_a_speaker(nlp_model, text, subject, predicate, cue):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False)
    assert shape_found(nlp_model, text, {SUBJECT_SOURCE}) == [(subject, cue, None)]
    assert shape_found(nlp_model, text, {PREDICATE_SOURCE}) == [(predicate, cue, None)]


def test_it_sounds_like_gives_the_clause_alone(nlp_model):
    assert found(nlp_model, "It sounds like the board has given up.") == [("like the board has given up", "sounds", None)]


@pytest.mark.parametrize("text", [
    "The captain looked at the map.",  # a place: nothing seems
    "She looks to win the race.",  # an aim
    "The mayor looked around the room.",
])
def test_a_look_at_something_or_an_aim_is_no_report(nlp_model, text):
    assert found(nlp_model, text, gated=False) == []
