"""``rule:adjective-infinitive``: a linking verb, an adjective of will or feeling and its infinitive
(``suggest.adjective_infinitive``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.adjective_infinitive import ADJECTIVE_INFINITIVE_SOURCE
from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, {ADJECTIVE_INFINITIVE_SOURCE}, gated=gated)


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The union is eager to reopen talks with the port authority.", "to reopen talks with the port authority",
     "is eager", "The union"),
    ("The ferry company was reluctant to cut the winter timetable.", "to cut the winter timetable",
     "was reluctant", "The ferry company"),
    ("Councillor Ames is willing to back a smaller levy.", "to back a smaller levy", "is willing", "Councillor Ames"),
])
def test_the_infinitive_of_an_adjective_of_will_is_held_by_the_subject(nlp_model, text, content, cue, speaker):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == [(content, cue, speaker)]


@pytest.mark.parametrize("text", [
    "The union is not eager to reopen talks.",  # negated
    "The harbour is ready to open in May.",  # a thing cannot hold a stance
    "I am willing to wait for the vote.",  # the writer's own
    "The union is eager for talks.",  # no infinitive
    "The fare rise is likely to pass.",  # not an adjective of will or feeling
])
def test_no_candidate_without_a_speaking_subject_or_an_infinitive(nlp_model, text):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == []
