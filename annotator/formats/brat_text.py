"""The character side of reading brat: brat offsets to our text's, and a PolNeAR content trimmed
to our quote convention (no marks around an indirect clause, no leading ``that``, no final
``,.;:``/dash)."""

from __future__ import annotations

import bisect
import re

from annotator.nlp.convert import strip_spaces
from annotator.nlp.marks import MarkedSegment

OPENING = "\"“„«‹‘‚"
CLOSING = "\"”“»›’"
#: After a leading "that", these make it the clause's subject ("said that was wrong"), not "said that …".
_THAT_AS_SUBJECT = frozenset("is was 's ’s isn't isn’t wasn't wasn’t would will could should can may might "
                             "must has had does did doesn't doesn’t didn't didn’t seems means makes".split())
_CLAUSE_TRAILING = ",.;:—–-"
_WRAPPED = re.compile(r"(''|``|[\"“„«‹])(.+)(''|[\"”“»›])[,.]*", re.S)


class Offsets:
    """brat offsets (characters of the file, byte-order mark and ``\\r`` included) → offsets in our
    text, which drops a leading byte-order mark and the ``\\r`` of ``\\r\\n`` as ``.txt`` inputs do."""

    def __init__(self, raw: str) -> None:
        removed = [0] if raw.startswith("\ufeff") else []
        at = raw.find("\r\n")
        while at >= 0:
            removed.append(at)
            at = raw.find("\r\n", at + 2)
        self.removed = removed
        self.raw = raw
        text = raw[1:] if raw.startswith("\ufeff") else raw
        self.text = text.replace("\r\n", "\n")

    def __call__(self, offset: int) -> int:
        return offset - bisect.bisect_left(self.removed, offset)


def region_end(segment: MarkedSegment) -> int:
    """Where a quoted part ends, its closing mark included."""
    return segment.close_at + 1 if segment.close_at is not None else segment.end


def closing_end(text: str, start: int, end: int) -> int | None:
    """The offset of the closing mark of a content written ``“…”`` or ``''…''`` (a final ``,``/``.``
    after it aside) when the segment finder did not pair its marks and none other is inside."""
    match = _WRAPPED.fullmatch(text, start, end)
    if match is None or any(c in OPENING + CLOSING and c not in "’‘'" for c in match.group(2)):
        return None
    return match.start(3)


def widened(text: str, start: int, end: int) -> tuple[int, int]:
    """The content with the marks right around it (a final ``,``/``.`` between may sit outside)."""
    if text.endswith(("''", "``"), 0, start):
        start -= 2
    elif start and text[start - 1] in OPENING:
        start -= 1
    if end < len(text) and text[end] in ",.":
        end += 1
    if text.startswith("''", end):
        end += 2
    elif end < len(text) and text[end] in CLOSING:
        end += 1
    return start, end


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """A reported clause: no leading punctuation (marks aside) or ``that``, no final ``,.;:``/dash."""
    start, end = strip_spaces(text, start, end)
    while start < end and not text[start].isalnum() and text[start] not in OPENING and not text[start].isspace():
        start += 1
    word_end = start
    while word_end < end and not text[word_end].isspace():
        word_end += 1
    if text[start:word_end].lower() == "that" and word_end < end:
        rest = text[word_end:end].split(None, 1)
        if rest and rest[0].lower().rstrip(",") not in _THAT_AS_SUBJECT:
            start = word_end
            start, end = strip_spaces(text, start, end)
            while start < end and text[start] in ",":
                start += 1
    while end > start and text[end - 1] in _CLAUSE_TRAILING and not text[start:end].endswith(".."):
        end -= 1
        start, end = strip_spaces(text, start, end)
    return strip_spaces(text, start, end)
