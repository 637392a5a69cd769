"""``rule:existential-clause``: ``there`` + ``be`` + a noun of saying, thinking or asking with a
clause: the clause is reported, nobody named (``suggest.copular``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.copular import EXISTENTIAL_SOURCE
from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, {EXISTENTIAL_SOURCE}, gated=gated)


@pytest.mark.parametrize("text, content, cue", [
    ("There are fears that the storm will close the harbour for a week.",
     "the storm will close the harbour for a week", "are fears"),
    ("There were many complaints that the buses ran late all winter.",
     "the buses ran late all winter", "were many complaints"),
    ("There is no doubt that the bridge needs new cables.", "the bridge needs new cables", "is no doubt"),
    ("There are questions about how much the council spent on the pier.",
     "how much the council spent on the pier", "are questions"),
])
def test_the_clause_is_reported_without_a_speaker(nlp_model, text, content, cue):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == [(content, cue, None)]


@pytest.mark.parametrize("text", [
    "There were complaints from residents that the buses ran late.",  # the holder is named
    "There are reasons that the harbour closed early.",  # not a noun of saying or thinking
    "There are fears that remain after the storm.",  # a relative clause, not a content clause
    "There was talk of a merger between the two ferry firms.",  # no clause
])
def test_no_clause_is_reported(nlp_model, text):
    assert found(nlp_model, text, gated=False) == []
