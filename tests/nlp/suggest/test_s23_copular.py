"""``rule:copular-clause``: a noun of saying, thinking or asking, ``be`` and a clause: the clause is
reported, nobody named (``suggest.copular``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.copular import COPULAR_SOURCE
from annotator.nlp.suggest.shapes import every_shape

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    scan = QuoteScan.of(nlp_model(text), nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return [(b.found.span.text, b.found.cue.text, b.speaker.text if b.speaker is not None else None)
            for b in every_shape(scan, {COPULAR_SOURCE}, gated=gated)]


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
