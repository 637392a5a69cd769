"""What every speaker rule reads about one document, built once per document: ``SpeakerScan``."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator, Mapping

from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from annotator.core.records import CUE, CUE_REL, QUOTE
from annotator.nlp.convert import relations_of
from annotator.nlp.doc_cache import DocCache
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.speakers.mentions import noun_phrase
from annotator.nlp.marks import DocText, MarkedSegment, doc_text, find_marked_segments, paragraph_bounds, paragraph_starts

#: What a cue is, for the rules that read only one kind.
COLON, INTERVIEW, ACCORDING, VERB = "colon", "interview", "according", "verb"


@dataclass
class SpeakerScan:
    """One document as the speaker rules see it: its text, paragraphs, quotes and their cues."""

    doc: Doc
    #: ``doc.text`` is rebuilt from the tokens on every access: read once here.
    text: str
    lexicon: Lexicon
    #: The quotes, in document order.
    quotes: list[Span] = field(default_factory=list)
    #: Quote index → the cue its ``CUE`` relation names.
    cues: dict[int, Span] = field(default_factory=dict)
    #: Token index → the bounds of the mention it stands for (``mention``): a function of the token
    #: and ``text`` alone, so the scans of one Doc over one text may share it.
    mentions: dict[int, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, lexicon: Lexicon) -> SpeakerScan:
        """The scan of a document whose quotes and cues the quote rules wrote."""
        quotes = sorted(doc.spans["quotes"], key=lambda s: s.start)
        by_offsets = {(c.start_char, c.end_char): c for c in doc.spans["cues"]}
        cue_at = {(r.head_start, r.head_end): by_offsets[(r.child_start, r.child_end)]
                  for r in relations_of(doc, CUE_REL)
                  if r.head_label == QUOTE and r.child_label == CUE and (r.child_start, r.child_end) in by_offsets}
        cues = {i: cue_at[(q.start_char, q.end_char)] for i, q in enumerate(quotes)
                if (q.start_char, q.end_char) in cue_at}
        return cls(doc=doc, text=doc_text(doc).text, lexicon=lexicon, quotes=quotes, cues=cues)

    def mention(self, token: Token) -> Span:
        """The mention ``token`` stands for (``mentions.noun_phrase`` over ``text``), read once per token."""
        bounds = self.mentions.get(token.i)
        if bounds is None:
            span = noun_phrase(token, self.text)
            self.mentions[token.i] = (span.start, span.end)
            return span
        return Span(self.doc, bounds[0], bounds[1])  # (``doc[start:end]``, without the slice's checks)

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """Offsets where each paragraph (line) starts."""
        return self._shared.paragraph_starts if self._shared is not None else paragraph_starts(self.text)

    def paragraph(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the paragraph holding ``offset``."""
        return paragraph_bounds(self.text, offset, self.paragraph_starts)

    @cached_property
    def segments(self) -> list[MarkedSegment]:
        """The text between quotation marks, in order."""
        return self._shared.segments if self._shared is not None else find_marked_segments(self.text)

    @cached_property
    def _shared(self) -> DocText | None:
        """The Doc's text and what is read off it, shared with the other components, when ``text``
        is the Doc's text (a scan may be built over another text)."""
        shared = doc_text(self.doc)
        return shared if shared.text == self.text else None

    @cached_property
    def _segment_starts(self) -> list[int]:
        return [s.start for s in self.segments]

    def quoted(self, token: Token) -> bool:
        """The token is between quotation marks: a word quoted, not the one who speaks."""
        index = bisect_right(self._segment_starts, token.idx) - 1
        return index >= 0 and token.idx < self.segments[index].end

    def marks_between(self, first: Token, last: Token) -> bool:
        """Some quoted text lies wholly between two tokens."""
        low, high = sorted((first.idx, last.idx))
        index = bisect_right(self._segment_starts, low)
        return index < len(self.segments) and self.segments[index].end <= high

    def quoted_part(self, quote: Span) -> Span | None:
        """What the rules for direct quotes read of a quote: a direct quote itself, or, of a mixed
        quote that is words outside the marks and then one quoted passage up to its closing mark
        (lead-in words, ``But "we will not wait,"``: ``quotes.lead_in``; or a report's ``the plan "is
        dead,"``), the words between the marks; None else."""
        kind = quote._.quote_type
        if kind == "direct":
            return quote
        if kind != "mixed":
            return None
        close = quote[-1].idx
        index = bisect_right(self._segment_starts, close) - 1
        if index < 0:
            return None
        segment = self.segments[index]
        if segment.close_at != close or segment.open_at <= quote.start_char \
                or index > 0 and self.segments[index - 1].end > quote.start_char:
            return None
        part = self.doc.char_span(segment.start, segment.end, alignment_mode="contract")
        return part if part is not None and len(part) else None

    def without_cue(self, found: Mapping[int, Span]) -> Iterator[tuple[int, Span]]:
        """The quotes with no cue and no speaker yet, with their index."""
        for index, quote in enumerate(self.quotes):
            if index not in self.cues and index not in found:
                yield index, quote

    @cached_property
    def people(self) -> list[Span]:
        """The PERSON entities, in order: the candidate names a rule without a parse link reads."""
        return [e for e in self.doc.ents if e.label_ == "PERSON"]

    def acceptable(self, speaker: Span | None, quote: Span | None, *, titled: bool = False) -> bool:
        """A speaker is an answer when it has words, is not inside the quote it speaks, is not
        itself between quotation marks (unless ``titled``: ``according to "Harbour Days"`` names a
        book by its title) and is no day of the week (``said Saturday`` parsed with ``Saturday`` as
        the subject: a later rule finds who said it)."""
        if speaker is None or len(speaker) == 0 or quote is not None and overlaps(speaker, quote):
            return False
        root = speaker.root  # (built once: a span's root is looked for on each access)
        return (titled or not self.quoted(root)) and not _tells_when(root)


def cue_kind(cue: Span) -> str:
    """``:`` (a headline or an introduction), ``A`` of an interview's ``A:``, ``according to``, or a verb.
    Asked by every speaker rule of every cue (some 400 times a Doc): read once per Doc and cue."""
    known = _KINDS.answers(cue.doc)
    key = (cue.start, cue.end)
    kind = known.get(key)
    if kind is None:
        kind = known[key] = _cue_kind(cue)
    return kind


#: Doc → (start, end) of a cue → its kind (``cue_kind``), forgotten with the Doc.
_KINDS: DocCache = DocCache()


def _cue_kind(cue: Span) -> str:
    doc = cue.doc
    if cue.end - cue.start == 1:
        # asked by every speaker rule of every cue: a one-word cue (most are) is read off its token,
        # by the hashes of its text and lower case (``Span.text`` joins the tokens' texts on each
        # access; a Token's strings are looked up on each access)
        first = doc[cue.start]
        word = first.orth
        if word == _COLON_ID:
            return COLON
        if word == _A_ID and cue.end < len(doc) and doc[cue.end].orth == _COLON_ID:
            return INTERVIEW
        # a one-word ``In`` opens ``In a poll …, CLAUSE`` (quotes.poll_source), a ``To`` ``To many
        # farmers, CLAUSE`` (quotes.view_holder), a ``By`` or ``Under`` ``Under state law, CLAUSE``
        # (quotes.source_phrase): its object is the source
        return ACCORDING if first.lower in _ACCORDING_IDS else VERB
    text = cue.text
    if text == ":":
        return COLON
    if text == "A" and cue.end < len(doc) and doc[cue.end].text == ":":
        return INTERVIEW
    if cue[0].lower_ == "according":
        return ACCORDING
    return VERB


_COLON_ID, _A_ID = hash_string(":"), hash_string("A")
_ACCORDING_IDS = frozenset(hash_string(word) for word in ("according", "in", "to", "by", "under"))
#: Days of the week: when, never who (a DATE entity may be a speaker: ``the 46-year-old``).
_WEEKDAYS = frozenset(hash_string(day) for day in (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))


def _tells_when(token: Token) -> bool:
    """A day of the week (``said Saturday`` with the day read as the subject)."""
    return token.lower in _WEEKDAYS


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
