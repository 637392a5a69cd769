"""``rule:felt-reaction``: a feeling caused in someone, the cause the content and the one who feels the
speaker, where the pre-label rule refuses it (``suggest.felt_reaction``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.felt_reaction import FELT_REACTION_SOURCE
from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, {FELT_REACTION_SOURCE}, gated=gated)


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The new toll rankled the ferry pilots.", "The new toll", "rankled", "the ferry pilots"),
    ("The figures surprised some of the traders.", "The figures", "surprised", "some of the traders"),
    # in a relative clause, the relative pronoun as it stands
    ("It was a ruling that heartened the growers.", "that", "heartened", "the growers"),
])
def test_the_cause_of_a_feeling_is_the_content_of_the_one_who_feels(nlp_model, text, content, cue, speaker):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == [(content, cue, speaker)]


@pytest.mark.parametrize("text", [
    "The storm did not upset the farmers.",  # negated
    "The new toll rankled me.",  # the writer's own
    "The farmers were upset by the toll.",  # passive: the pre-label rule's
    "The delay frustrated it.",  # nobody who feels
])
def test_no_candidate_without_someone_who_feels(nlp_model, text):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == []
