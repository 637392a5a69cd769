"""``Q: … A: …`` transcripts: the answers are the interviewee's, the last person named in full
before the first question."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.speakers.scan import INTERVIEW, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != INTERVIEW:
        return None
    return interviewee(scan.text, scan.people)


def interviewee(text: str, people: list[Span]) -> Span | None:
    """Who answers in a ``Q:``/``A:`` transcript: the last person named in full before the first question."""
    first_question = text.find("\nQ:")
    if first_question < 0:
        first_question = 0 if text.startswith("Q:") else len(text)
    before = [e for e in people if e.end_char <= first_question]
    full = [e for e in before if len(e) >= 2] or before
    return full[-1] if full else None
