"""``rule:participle-agent``: a noun with a participle of a cue verb after it and a ``by`` phrase that
names who did it (``suggest.participle_agent``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.participle_agent import PARTICIPLE_AGENT_SOURCE
from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, {PARTICIPLE_AGENT_SOURCE}, gated=gated)


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The new toll, criticized by the ferry pilots, starts in May.", "The new toll", "criticized", "the ferry pilots"),
    ("A plan opposed by most farmers was dropped.", "A plan", "opposed", "most farmers"),
    ("The harbour plan, praised by two councillors, was adopted.", "The harbour plan", "praised", "two councillors"),
])
def test_the_noun_a_named_agent_reported_is_the_content(nlp_model, text, content, cue, speaker):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == [(content, cue, speaker)]


@pytest.mark.parametrize("text", [
    "A car driven by a nurse hit the wall.",  # no verb of our cue classes
    "The plan criticized in the report was dropped.",  # nobody named (``rule:reported-noun``'s)
    "The toll, criticized by the storm of letters, stays.",  # the agent cannot speak
])
def test_no_candidate_without_an_agent_who_reports(nlp_model, text):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == []
