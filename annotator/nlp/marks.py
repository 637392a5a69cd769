"""Finding text between quotation marks, on the raw string: pairs, paragraphs, stray marks.

Straight, typographic, guillemet and German marks; a quote that runs over paragraphs (the
opening mark repeated at each paragraph, the closing one only at the end) gives one segment per
paragraph sharing a ``chain``; an opening mark that never closes is dropped, never swallowing text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from spacy.attrs import ORTH, SPACY

from annotator.nlp.doc_cache import DocCache
from annotator.nlp.doc_words import column
from annotator.nlp.lexicon import QUOTE_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Opening mark → the marks that close it.
PAIRS = {
    '"': '"”',  # web copy often opens straight and closes curly, or the other way round
    "“": "”\"",
    "„": "“”",
    "«": "»",
    "»": "«",
    "‹": "›",
    "‘": "’",
    "‚": "‘’",
    "”": "”",
}
#: Marks that only open inside a quote of another kind, never at the top level on their own.
_NESTED_ONLY = frozenset("‚")
#: Two apostrophes (``''``) stand for a straight double mark: some wire and newspaper copy writes
#: every quote that way.
_MARK_RE = re.compile("''|[" + re.escape(QUOTE_MARKS) + "]")
_BEFORE_OPEN = set(" \t\n([{—–-/:;,") | set(PAIRS)
_TRAILING_ATTRIBUTION = ",.;:—–-"
#: Punctuation a straight closing mark follows when it is typed against the next word (``over,"Name``).
_GLUED_AFTER = ",.!?"


@dataclass(frozen=True)
class MarkedSegment:
    """The content between marks in one paragraph: ``start``/``end`` exclude marks and attribution punctuation."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None: the quote goes on in the next paragraph
    chain: int


def paragraph_starts(text: str) -> list[int]:
    """Offsets where each line of text starts (a newline ends a paragraph in news text)."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


@lru_cache(maxsize=4)
def _known_paragraph_starts(text: str) -> list[int]:
    """``paragraph_starts`` of the last few texts asked about (a speaker rule asks it of the same
    document's text once per mention); never changed by ``paragraph_bounds``."""
    return paragraph_starts(text)


def paragraph_bounds(text: str, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
    starts = starts if starts is not None else _known_paragraph_starts(text)
    index = bisect_right(starts, offset) - 1
    end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
    return starts[index], end


def _can_open(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if text[i] in "«»‹›":
        return not (before.isalnum() and after.isspace())  # French « … » puts spaces inside
    if after.isspace():
        return False
    if text[i] in "“„‚":
        return True
    return before in _BEFORE_OPEN or before.isspace()


def _can_close(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isspace() and text[i] not in "»«›":
        return _spaced_close(text, i, width)
    if text[i] == "’" and after.isalpha():
        return False  # an apostrophe: don't, Russia’s
    return not after.isalnum() or text[i] in "”»«›“"


#: What a closing mark typed after a space (``…,' " she said``) or an opening one typed for a closing
#: one (``…,“ he said``) follows: the end of the quoted words.
_ENDS_QUOTED = ",.?!"


def _spaced_close(text: str, i: int, width: int) -> bool:
    """A mark after a space closes the open quote when the words before the space end as quoted
    words do (``…a 'farce,' " she said``, ``…ready, ” he said``) and a space, a line's end or
    punctuation follows it."""
    before = _before_spaces(text, i)
    after = text[i + width:i + width + 1]
    return (before in _ENDS_QUOTED or before in "'’") and (not after or after.isspace() or after in ",.;:")


def _opening_form_closes(text: str, i: int, opener: str) -> bool:
    """``“We will win,“ he said``, ``called it “a mess“ and left``: an opening curly mark typed for the
    closing one, after a word or the punctuation that ends quoted words (or a space after that
    punctuation: ``…that. “``) and before a space or a line's end, closes an open ``“`` or straight
    mark."""
    after = text[i + 1:i + 2]
    if text[i] != "“" or opener not in '“"' or i == 0 or after and not after.isspace():
        return False
    return _before_spaces(text, i) in _ENDS_QUOTED or text[i - 1].isalnum()


def _before_spaces(text: str, i: int) -> str:
    """The character before ``i`` past the spaces typed before it ("" at the text's start)."""
    j = i
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return text[j - 1:j]


def _glued_close(text: str, marks: list[tuple[int, int]], index: int) -> bool:
    """A straight mark between closing punctuation and a word (``"It is over,"Name said.``) closes the
    open quote when the straight marks after it in its paragraph pair up; else it opens one
    (``Name said,"We …``, an earlier mark stray)."""
    i, width = marks[index]
    before, after = text[i - 1:i], text[i + width:i + width + 1]
    if text[i:i + width] not in ('"', "''") or not before or before not in _GLUED_AFTER or not after.isalpha():
        return False
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    later = 0
    for j, w in marks[index + 1:]:
        if j >= end:
            break
        later += text[j:j + w] in ('"', "''")
    return later % 2 == 0


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and the comma or full stop that belongs to the attribution (keep ``...``)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in _TRAILING_ATTRIBUTION and not text[start:end].endswith(".."):
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def find_marked_segments(text: str) -> list[MarkedSegment]:
    """Every quoted segment in the text, in order; nested marks stay inside their segment."""
    segments: list[MarkedSegment] = []
    marks = [(m.start(), len(m.group())) for m in _MARK_RE.finditer(text)]
    opener: str | None = None
    open_at = seg_start = 0
    chain = 0
    pending: list[MarkedSegment] = []
    index = 0
    while index < len(marks):
        i, width = marks[index]
        mark = '"' if width == 2 else text[i]
        if opener is None:
            if mark in PAIRS and mark not in _NESTED_ONLY and _can_open(text, i, width):
                opener, open_at, seg_start = mark, i, i + width
                chain += 1
                pending = []
            index += 1
            continue
        newline = text.find("\n", seg_start, i)
        if newline >= 0:
            line_start = newline + 1
            while line_start < i and text[line_start].isspace():
                line_start += 1
            if line_start == i and mark == opener:
                # The same mark opens the next paragraph: the quote continues there.
                start, end = trim_content(text, seg_start, newline)
                if start < end:
                    pending.append(MarkedSegment(start, end, open_at, None, chain))
                open_at, seg_start = i, i + width
                index += 1
                continue
            segments.extend(pending)
            opener = None
            continue  # the open mark was stray; look at this mark again from outside
        if mark in PAIRS[opener] and (_can_close(text, i, width) or _glued_close(text, marks, index)) \
                or _opening_form_closes(text, i, opener):
            start, end = trim_content(text, seg_start, i)
            if start < end:
                pending.append(MarkedSegment(start, end, open_at, i, chain))
            segments.extend(pending)
            opener = None
            index += 1
            continue
        if mark == opener and mark == '"' and _can_open(text, i, width) and not _can_close(text, i, width):
            # A straight mark that can only open: the earlier one was stray.
            segments.extend(pending)
            opener = None
            continue
        index += 1
    if opener is not None:
        segments.extend(pending)
    return segments


@dataclass
class DocText:
    """A Doc's text and what is read off the text alone (its lines, its quoted segments), computed
    once per Doc and shared by every component: ``doc.text`` joins every token's text on each
    access (about a millisecond for a news article), and the text never changes in a Doc's life.
    Read-only: callers must not change the lists."""

    text: str
    _paragraph_starts: list[int] | None = field(default=None, repr=False)
    _segments: list[MarkedSegment] | None = field(default=None, repr=False)

    @property
    def paragraph_starts(self) -> list[int]:
        if self._paragraph_starts is None:
            self._paragraph_starts = paragraph_starts(self.text)
        return self._paragraph_starts

    @property
    def segments(self) -> list[MarkedSegment]:
        if self._segments is None:
            self._segments = find_marked_segments(self.text)
        return self._segments


#: Doc → its ``DocText``, forgotten with the Doc.
_DOC_TEXTS: WeakKeyDictionary[Doc, DocText] = DocCache()


def doc_text(doc: Doc) -> DocText:
    """The Doc's ``DocText``, built on the first call for that Doc."""
    found = _DOC_TEXTS.get(doc)
    if found is None:
        found = _DOC_TEXTS[doc] = DocText(joined_text(doc))
    return found


def joined_text(doc: Doc) -> str:
    """``doc.text``: each token's text and its trailing space, joined. spaCy builds a Token for each;
    here the texts come from the Doc's arrays, each word's read once (``_WORD_TEXTS``)."""
    if not len(doc):
        return doc.text
    strings, texts = doc.vocab.strings, _WORD_TEXTS
    if len(texts) > _WORD_TEXTS_KEPT:
        texts.clear()
    parts = []
    known = texts.get
    # (one flat list a column: ``to_array([ORTH, SPACY]).tolist()`` built a list per token, and so
    # many new lists set off the garbage collector)
    for orth, spaced in zip(column(doc, ORTH).tolist(), column(doc, SPACY).tolist(), strict=True):
        key = ~orth if spaced else orth  # (a word's hash is never negative)
        text = known(key)
        if text is None:
            text = texts[key] = strings[orth] + " " if spaced else strings[orth]
        parts.append(text)
    return "".join(parts)


#: A word's hash (its bitwise complement when a space follows it) → its text with that space: the
#: hash of a text is the same in every vocabulary. At most ``_WORD_TEXTS_KEPT`` are kept.
_WORD_TEXTS: dict[int, str] = {}
_WORD_TEXTS_KEPT = 200_000
