"""``rule:partisan-noun``: a noun for one who takes a side as ``be``'s predicate, with the side
(``suggest.partisan_noun``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.partisan_noun import PARTISAN_SOURCE
from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, {PARTISAN_SOURCE}, gated=gated)


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The senator is a firm backer of the ferry levy.", "the ferry levy", "is a firm backer of", "The senator"),
    ("Ms. Ode has long been a critic of the dredging plan.", "the dredging plan", "been a critic of", "Ms. Ode"),
    ("The dockers are Ames supporters.", "Ames", "supporters", "The dockers"),
])
def test_the_side_a_partisan_subject_takes_is_its_content(nlp_model, text, content, cue, speaker):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == [(content, cue, speaker)]


@pytest.mark.parametrize("text", [
    "A critic of the plan said it would fail.",  # names a speaker, says no stance
    "The senator is not a backer of the levy.",  # negated
    "I am a supporter of the ferry levy.",  # the writer's own
    "The harbour is a symbol of the town.",  # not a partisan noun
])
def test_no_candidate_outside_a_predicate_of_be(nlp_model, text):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == []
