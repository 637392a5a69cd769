"""``rule:copular-clause``: a noun of saying, thinking or asking, ``be`` and a clause: the clause is
reported, nobody named (``suggest.copular``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.copular import COPULAR_SOURCE
from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, {COPULAR_SOURCE}, gated=gated)


@pytest.mark.parametrize("text, content, cue", [
    ("The idea is that small donors can still give to the harbour fund.",
     "small donors can still give to the harbour fund", "The idea is"),
    ("For the council, the key question is whether voters will back the new levy.",
     "voters will back the new levy", "the key question is"),
])
def test_the_clause_is_reported_without_a_speaker(nlp_model, text, content, cue):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == [(content, cue, None)]


@pytest.mark.parametrize("text", [
    "His view is that the ferry is safe.",  # a possessor names the holder
    "The trouble is that the ferry is late again.",  # not a noun of saying or asking
])
def test_no_clause_is_reported(nlp_model, text):
    assert found(nlp_model, text, gated=False) == []
