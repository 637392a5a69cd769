"""``Q: … A: …`` transcripts: the answers are the interviewee's, the person named most often before
the first question (the last named in full among equals)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from annotator.nlp.speakers.scan import INTERVIEW, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != INTERVIEW:
        return None
    return interviewee(scan.text, scan.people)


def interviewee(text: str, people: list[Span]) -> Span | None:
    """Who answers in a ``Q:``/``A:`` transcript: of the people named before the first question, the
    one named most often (an introduction names the interviewee again and again, and others once:
    ``… replace Justice Ann Lee``), by the last mention of their full name."""
    first_question = text.find("\nQ:")
    if first_question < 0:
        first_question = 0 if text.startswith("Q:") else len(text)
    before = [e for e in people if e.end_char <= first_question]
    if not before:
        return None
    mentions = Counter(e[-1].text.casefold() for e in before)
    most = max(mentions.values())
    named = [e for e in before if mentions[e[-1].text.casefold()] == most]
    full = [e for e in named if len(e) >= 2] or named
    return full[-1]
