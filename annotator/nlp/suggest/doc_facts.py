"""What every suggestion of one Doc reads, read once per Doc (``DocFacts``): the scorer's features
(``scorer_features``) ask it of each proposal."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import numpy
from spacy.attrs import ENT_TYPE, ORTH, POS, TAG
from spacy.strings import hash_string
from spacy.tokens import Doc

from annotator.nlp.doc_words import any_equal, column
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.marks import doc_text
from annotator.nlp.paragraphs import sentence_starts
from annotator.nlp.suggest.content_counts import inside_counts

Features = dict[str, float]

_MARK_IDS = sorted(hash_string(mark) for mark in QUOTE_MARK_TOKENS)


@dataclass
class DocFacts:
    """What every suggestion of one Doc reads: its text's lines and quoted segments, its sentences,
    the sentences and paragraphs that hold a pre-labeled quote (``doc.spans["quotes"]``), the tokens
    inside one, and the pre-labels' cues and speakers (``doc.spans["cues"]``, ``["speakers"]``)."""

    doc: Doc
    #: the Doc's text (read once: ``Doc.text`` joins every token anew)
    text: str
    paragraph_starts: list[int]
    segments: list[tuple[int, int]]
    quoted_sentences: set[int] = field(default_factory=set)
    direct_sentences: set[int] = field(default_factory=set)
    quoted_paragraphs: set[int] = field(default_factory=set)
    sentence_starts: list[int] = field(default_factory=list)
    #: the token ranges of the pre-labeled quotes, in order
    quotes: list[tuple[int, int]] = field(default_factory=list)
    #: the tokens of the pre-labels' cues, their cues' lemmas, their speakers' head words (lower case)
    cue_tokens: set[int] = field(default_factory=set)
    cue_lemmas: set[str] = field(default_factory=set)
    speaker_words: set[str] = field(default_factory=set)
    #: the tokens that are quotation marks (``lexicon.QUOTE_MARK_TOKENS``), in order
    mark_tokens: list[int] = field(default_factory=list)
    #: for each token index i, how many tokens before it are each of ``content_counts.INSIDE`` (a row of counts;
    #: a content's counts are two rows' difference)
    inside_counts: numpy.ndarray | None = None
    _segment_ends: list[int] = field(init=False, repr=False)
    _quote_ends: list[int] = field(init=False, repr=False)
    #: ``quoted_sentences`` in order
    _quoted_order: list[int] | None = field(default=None, init=False, repr=False)
    #: what ``features`` reads of one content span and of one cue, by token range: proposals of
    #: several sources share spans and cues
    _contents: dict[tuple[int, int], tuple] = field(default_factory=dict, init=False, repr=False)
    _cues: dict[tuple[int, int, int], tuple] = field(default_factory=dict, init=False, repr=False)
    _speakers: dict[tuple[int, int], tuple] = field(default_factory=dict, init=False, repr=False)
    #: the blocks of features several proposals share (``feature_blocks``), by what they are read from
    _openings: dict[tuple, Features] = field(default_factory=dict, init=False, repr=False)
    _head_classes: dict[tuple[int, int], tuple] = field(default_factory=dict, init=False, repr=False)
    _crosses: dict[tuple, Features] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._segment_ends = [e for _, e in self.segments]
        self._quote_ends = []

    @classmethod
    def of(cls, doc: Doc) -> DocFacts:
        shared = doc_text(doc)
        facts = cls(doc, shared.text, shared.paragraph_starts, [(s.start, s.end) for s in shared.segments])
        facts.sentence_starts = sentence_starts(doc) if doc.has_annotation("SENT_START") else [0]
        for quote in doc.spans.get("quotes", []):
            sentence = facts.sentence_of(quote.start)
            facts.quoted_sentences.add(sentence)
            if quote._.quote_type == "direct":
                facts.direct_sentences.add(sentence)
            facts.quoted_paragraphs.add(facts.paragraph_of(quote.start_char))
            facts.quotes.append((quote.start, quote.end))
        facts.quotes.sort()
        facts._quote_ends = [e for _, e in facts.quotes]
        for cue in doc.spans.get("cues", []):
            facts.cue_tokens.update(range(cue.start, cue.end))
            facts.cue_lemmas.add(cue.root.lemma_.lower())
        facts.speaker_words = {s.root.lower_ for s in doc.spans.get("speakers", [])}
        if len(doc):
            orth = column(doc, ORTH)
            facts.mark_tokens = numpy.flatnonzero(any_equal(orth, _MARK_IDS)).tolist()
            # ENT_TYPE read fresh: the entity steps change it after the parse
            facts.inside_counts = inside_counts(doc, orth, doc.to_array(ENT_TYPE), column(doc, TAG), column(doc, POS))
        return facts

    def sentence_of(self, token: int) -> int:
        return bisect_right(self.sentence_starts, token) - 1

    def sentence_bounds(self, sentence: int) -> tuple[int, int]:
        starts = self.sentence_starts
        return starts[sentence], starts[sentence + 1] if sentence + 1 < len(starts) else len(self.doc)

    def sentences_to_prelabel(self, sentence: int) -> int:
        """How many sentences lie between ``sentence`` and the nearest that holds a pre-labeled quote
        (0: it holds one; 50 when none does)."""
        if self._quoted_order is None:  # (read once: ``of`` has filled ``quoted_sentences``)
            self._quoted_order = sorted(self.quoted_sentences)
        ordered = self._quoted_order
        i = bisect_right(ordered, sentence)  # ordered[i - 1] <= sentence < ordered[i]
        near = [sentence - ordered[i - 1]] if i else []
        if i < len(ordered):
            near.append(ordered[i] - sentence)
        return min(near, default=50)

    def paragraph_of(self, char: int) -> int:
        return bisect_right(self.paragraph_starts, char) - 1

    def in_marks(self, start: int, end: int) -> float:
        """The share of ``start``–``end``'s characters inside quotation marks (the segments are in
        order and apart, so only those from the first ending after ``start`` can overlap)."""
        segments, inside = self.segments, 0
        for i in range(bisect_right(self._segment_ends, start), len(segments)):
            s, e = segments[i]
            if s >= end:
                break
            inside += min(end, e) - max(start, s)
        return inside / max(end - start, 1)

    def has_mark_token(self, start: int, end: int) -> bool:
        """Whether a token of ``start``–``end`` is a quotation mark."""
        i = bisect_right(self.mark_tokens, start - 1)
        return i < len(self.mark_tokens) and self.mark_tokens[i] < end

    def in_quote(self, start: int, end: int) -> bool:
        """Whether tokens ``start``–``end`` lie inside a pre-labeled quote."""
        i = bisect_right(self._quote_ends, start)
        return i < len(self.quotes) and self.quotes[i][0] <= start and end <= self.quotes[i][1]
