"""What every quote rule reads about one document, built once per document: ``QuoteScan``."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable
from weakref import WeakKeyDictionary

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from annotator.nlp.doc_words import column, doc_words, negated_tokens
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.marks import MarkedSegment, doc_text, paragraph_bounds


@dataclass
class QuoteScan:
    """One document as the quote rules see it: its text, paragraphs, quoted segments and cue words."""

    doc: Doc
    #: ``doc.text`` is rebuilt from the tokens on every access: read once here.
    text: str
    lexicon: Lexicon
    #: Offsets where each paragraph (line) starts.
    paragraph_starts: list[int]
    #: The text between quotation marks, in order (``marks.find_marked_segments``).
    segments: list[MarkedSegment]
    #: Quoted segments as character ranges.
    inside: list[tuple[int, int]]
    #: The end of a closed segment's content → the offset of its closing mark.
    closes: dict[int, int]
    #: Offsets of closing marks.
    close_marks: set[int]
    #: A quote without a cue needs this many words to be kept.
    min_direct_words: int = 3
    #: A ``Name: words`` line longer than this is not a headline quote.
    headline_max_words: int = 25
    #: Token index → its ``cue_lemma`` (the rules ask it of one token many times). Not an init
    #: field: a scan made by ``dataclasses.replace`` with another lexicon starts with its own.
    _cue_lemmas: dict[int, str | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, doc: Doc, lexicon: Lexicon, *, min_direct_words: int = 3, headline_max_words: int = 25) -> QuoteScan:
        shared = doc_text(doc)  # the text, its lines and quoted segments: once per Doc, for every component
        text, segments = shared.text, shared.segments
        closes = {s.end: s.close_at for s in segments if s.close_at is not None}
        return cls(doc=doc, text=text, lexicon=lexicon, paragraph_starts=shared.paragraph_starts,
                   segments=segments, inside=[(s.start, s.end) for s in segments], closes=closes,
                   close_marks=set(closes.values()), min_direct_words=min_direct_words,
                   headline_max_words=headline_max_words)

    @cached_property
    def opened(self) -> dict[int, tuple[int, int]]:
        """A closed segment's content start → the offsets of its opening and closing marks. Read-only."""
        return {s.start: (s.open_at, s.close_at) for s in self.segments if s.close_at is not None}

    @cached_property
    def cue_candidates(self) -> list[int]:
        """Indices of the tokens that may be a cue verb or the ``according`` of ``according to``:
        read once per Doc and lexicon (the quote rules and the frames ask it of the same Doc). Read-only."""
        known = _CUE_CANDIDATES.setdefault(self.doc, {})
        found = known.get(self.lexicon)
        if found is None:
            found = known[self.lexicon] = self.lexicon.possible_cues(self.doc, also=("according",))
        return found

    def words_where(self, kind_attr: int, kind: int, word_attr: int, words: Iterable[str]) -> list[Token]:
        """The tokens whose ``kind_attr`` (``POS``, ``TAG``) is ``kind`` and whose ``word_attr``
        (``LEMMA``, ``LOWER``) is one of ``words``: read from the Doc's arrays, since a scan of every
        word would build a Token for each."""
        doc = self.doc
        wanted = _word_ids(words)
        kinds, ids = column(doc, kind_attr), column(doc, word_attr)  # (read once per Doc, shared: ``column``)
        of_kind = numpy.flatnonzero(kinds == kind)
        return [doc[i] for i, word in zip(of_kind.tolist(), ids[of_kind].tolist(), strict=True) if word in wanted]

    def words_of(self, word_attr: int, words: Iterable[str]) -> list[Token]:
        """The tokens whose ``word_attr`` (``LOWER``, ``LEMMA``) is one of ``words``, of any part of
        speech, in order: ``words_where`` without the part of speech."""
        doc = self.doc
        wanted = _word_ids(words)
        return [doc[i] for i, word in enumerate(column(doc, word_attr).tolist()) if word in wanted]

    @cached_property
    def named_words(self) -> set[str]:
        """Words of the PERSON and ORG entities (``doc.ents`` builds every Span: read when needed)."""
        return {t.text for e in self.doc.ents if e.label_ in ("PERSON", "ORG") for t in e}

    def paragraph(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the paragraph holding ``offset``."""
        return paragraph_bounds(self.text, offset, self.paragraph_starts)

    def token_at_or_after(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset`` (len(doc) when none)."""
        return bisect_left(self.token_starts, offset)

    def sentence_in_paragraph(self, token: Token) -> tuple[int, int]:
        """The token indices ``[first, last)`` of ``token``'s sentence cut to its paragraph (a sentence
        the parser runs over a paragraph break ends there)."""
        para_start, para_end = self.paragraph(token.idx)
        sent = token.sent
        return max(sent.start, self.token_at_or_after(para_start)), min(sent.end, self.token_at_or_after(para_end))

    @cached_property
    def token_starts(self) -> list[int]:
        """Each token's character offset, in order (``doc.to_array(IDX)``: no Token built), read once
        per Doc for all its scans (the offsets never change in a Doc's life). Read-only."""
        return doc_words(self.doc).starts  # (``doc.to_array(IDX)``, read once per Doc)

    def char_span(self, start: int, end: int) -> Span | None:
        """The tokens of a character range, contracted to whole tokens when it cuts one; None if empty."""
        doc = self.doc
        span = doc.char_span(start, end)
        if span is None:
            span = doc.char_span(start, end, alignment_mode="contract")
        return span if span is not None and len(span) else None

    def cue_lemma(self, token: Token) -> str | None:
        """The lemma of a speech or cognition verb that can start a report: outside quotation marks
        and not negated (``did not say``). ``according`` starts its own pattern, never a verb's."""
        known = self._cue_lemmas.get(token.i, _UNKNOWN)
        if known is _UNKNOWN:
            known = self._cue_lemmas[token.i] = self._cue_lemma(token)
        return known

    def _cue_lemma(self, token: Token) -> str | None:
        if token.lower_ == "according":
            return None
        lemma = self.lexicon.lemma_of(token)
        if lemma is None or within(token.idx, self.inside):
            return None
        if lemma not in self.lexicon.cognition and token.i in negated_tokens(self.doc):
            return None  # ``did not say that``: nothing said; ``does not believe that`` is a belief held
        return lemma

    def clause_lemma(self, token: Token) -> str | None:
        """``cue_lemma``, or the lemma of a verb of another class (``agreed``, ``noticed``) whose
        finite clause the reported-clause rule also reads, on the same terms."""
        lemma = self.cue_lemma(token)
        if lemma is not None or token.pos_ != "VERB" or token.lemma_.lower() not in self.lexicon.clause_verbs:
            return lemma
        if within(token.idx, self.inside) or token.i in negated_tokens(self.doc):
            return None
        return token.lemma_.lower()

    def quoted(self, offset: int) -> bool:
        """The character at ``offset`` is between quotation marks."""
        return within(offset, self.inside)


def within(offset: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies in one of ``ranges``: (start, end) pairs in order and apart, as the
    quoted segments are (``find_marked_segments``); a binary search, since the rules and the
    suggestions ask it for nearly every token of a document."""
    i = range_at(offset, ranges)
    return i >= 0 and offset < ranges[i][1]


def range_at(offset: int, ranges: list[tuple[int, int]]) -> int:
    """The index of the last of ``ranges`` (in order and apart) that starts at or before ``offset``; -1
    when none does (a binary search: ``within``, and the rules that want the quoted segment itself)."""
    return bisect_right(ranges, (offset, _AFTER_ANY_END)) - 1


_AFTER_ANY_END = float("inf")
_UNKNOWN = object()
#: Doc → lexicon → its ``QuoteScan.cue_candidates``, forgotten with the Doc.
_CUE_CANDIDATES: WeakKeyDictionary[Doc, dict[Lexicon, list[int]]] = WeakKeyDictionary()
#: A word list → the hashes of its words (``words_where``): the rules ask with the same few lists
#: for every Doc. At most ``_WORD_IDS_KEPT`` lists are kept.
_WORD_IDS: dict[frozenset[str], frozenset[int]] = {}
_WORD_IDS_KEPT = 64


def _word_ids(words: Iterable[str]) -> frozenset[int]:
    key = words if isinstance(words, frozenset) else frozenset(words)
    ids = _WORD_IDS.get(key)
    if ids is None:
        if len(_WORD_IDS) >= _WORD_IDS_KEPT:
            _WORD_IDS.clear()
        ids = _WORD_IDS[key] = frozenset(hash_string(w) for w in key)
    return ids
