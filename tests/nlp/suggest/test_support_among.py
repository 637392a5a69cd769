"""``rule:support-among``: a noun of backing with a possessor and an ``among`` phrase, the possessor
backed by the group (``suggest.support_among``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.support_among import SUPPORT_AMONG_SOURCE
from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, {SUPPORT_AMONG_SOURCE}, gated=gated)


@pytest.mark.parametrize("text, content, speaker", [
    ("Ames's support among dockworkers has slipped since June.", "Ames", "dockworkers"),
    ("Her backing among older farmers held steady in the survey.", "Her", "older farmers"),
    ("Mr. Ode had his strongest support among young voters in Varnholt.", "his", "young voters"),
])
def test_the_possessor_is_backed_by_the_among_group(nlp_model, text, content, speaker):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == [(content, "support" if "support" in text
                                                                             else "backing", speaker)]


@pytest.mark.parametrize("text", [
    "Ames's support for the levy grew among dockworkers.",  # ``for``: the possessor holds a stance
    "Ames's support for the levy among dockworkers grew.",  # the same, the group hung on the noun
    "Our support among dockworkers has slipped.",  # the writer's own
    "Support among dockworkers has slipped.",  # no one backed
    "Ames's lead among dockworkers has slipped.",  # not a noun of backing
])
def test_no_candidate_without_a_possessor_backed_by_a_group(nlp_model, text):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == []
