"""Helpers for the pre-labeler tests: a readable view of what the pipeline found in a text."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from annotator.core.records import COREF, CUE_REL, SAID_BY


@dataclass(frozen=True)
class FoundQuote:
    type: str
    text: str
    speaker: str | None
    cue: str | None
    who: str | None  # the speaker resolved by COREF, else the speaker itself


def found_quotes(doc) -> list[FoundQuote]:
    text = doc.text
    rels = doc._.relations or []

    def linked(start: int, end: int, label: str) -> str | None:
        for r in rels:
            if (r[0], r[1], r[6]) == (start, end, label):
                return text[r[3]:r[4]]
        return None

    out = []
    for q in sorted(doc.spans["quotes"], key=lambda s: s.start):
        speaker = None
        who = None
        for r in rels:
            if (r[0], r[1], r[6]) == (q.start_char, q.end_char, SAID_BY):
                speaker = text[r[3]:r[4]]
                who = linked(r[3], r[4], COREF) or speaker
        out.append(FoundQuote(q._.quote_type, q.text, speaker, linked(q.start_char, q.end_char, CUE_REL), who))
    return out


@pytest.fixture
def quotes_in(nlp_model):
    """``quotes_in(text)``: the quotes the full pipeline finds in ``text``."""
    return lambda text: found_quotes(nlp_model(text))


@pytest.fixture
def rule_quotes_in(nlp_model):
    """``rule_quotes_in(text)``: the quotes the rules find in ``text``, no suggestion promoted (a
    shape a rule refuses by convention may still be promoted when the learned scorer is sure) and
    none suggested instead, of a doubtful class (``suggest.doubtful``) or rated low by the demotion
    model (``suggest.demote``)."""
    from annotator.nlp.pipeline import SUGGESTIONS

    def found(text: str):
        suggester = nlp_model.get_pipe(SUGGESTIONS)
        suggester.promote = suggester.doubt = False
        suggester.demoter, demoter = None, suggester.demoter
        try:
            return found_quotes(nlp_model(text))
        finally:
            suggester.promote = suggester.doubt = True
            suggester.demoter = demoter
    return found
