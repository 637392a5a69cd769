"""Another extent for a pre-labeled quote: the alternatives the parse and the text give for where its
content starts and ends, offered as suggestions that replace the quote's extent (``replaces``), each
scored by its kind's measured right-rate.

A quote whose extent disagrees with the annotator's costs a delete and an add (11 keys) when the
two no longer pair at all; a right alternative costs a visit and a take (2). The kinds, each a
general rule over the parse (none reads a word list of a corpus):

* ``extent:sentence-end`` — on to the end of its sentence, the quote stopping before a word (a
  conjunction, preposition or subordinate clause the annotator kept) or a dash or bracket;
* ``extent:sentence-end-comma`` — the same, the quote stopping at a comma;
* ``extent:paragraph`` — on over the following sentences of its paragraph while none has a quote
  mark, a pre-labeled quote or cue, or a speaker of its own;
* ``extent:clause`` — cut before the first comma, semicolon, dash or coordinating conjunction that
  joins another clause to its own (the annotator kept the first clause);
* ``extent:noun-clause`` — the same cut for a content that is a noun's phrase, the object of a word
  outside it (``announced a new chief executive, Ana Ruiz, on Monday``), where the annotator stops at
  the first clause break far more often than in a reported clause;
* ``extent:after-comma`` — from after that boundary on (the annotator kept the later clause);
* ``extent:subtree`` — its head word's whole phrase inside the sentence, the cue left out;
* ``extent:frame`` — a frames candidate (``nlp.frames.candidates``) that overlaps it;
* ``extent:participle`` — cut before a participle after a comma that runs to its end (``…, easing
  fears in the town``);
* ``extent:dash`` — cut before its first dash between words (an aside, or a second piece);
* ``extent:before-aside`` / ``extent:after-aside`` — the words before (after) an aside inside it, a
  relative clause or apposition between commas or dashes (``suggest/aside_extents.py``).

Where one of these last three is offered, the other piece (after the aside, or after a pair of
dashes) is offered too, as a quote of its own with the quote's cue and speaker
(``extent:aside-piece``): an annotator who leaves the aside out marks the content as two pieces.

``extent:inner-report`` offers a report the quote rules found inside a quote's words (``nested``
drops it from the pre-labels) as a quote of its own with its own cue and speaker, and the quote cut
before it (``extent:before-inner-report``) when it is an adverbial clause
(``suggest/inner_reports.py``).

A direct quote gets none: its quote marks set its extent (on tuning, 4 of 1,665 direct quotes'
sentence ends were right).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.attrs import IS_PUNCT, ORTH, SPACY
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from annotator.core.records import CUE_REL, SAID_BY
from annotator.nlp.convert import DocSuggestion, relations_of
from annotator.nlp.frames.candidates import candidates, overlaps_any
from annotator.nlp.doc_words import DASHES, LONG_DASHES, ids_of
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS, Lexicon
from annotator.nlp.quotes.clause_end import trailing_participle_cut
from annotator.nlp.quotes.found import trimmed
from annotator.nlp.suggest.aside_extents import after_aside, aside_pieces, before_aside
from annotator.nlp.suggest.inner_reports import INNER_REPORT, inner_report_suggestions
from annotator.nlp.suggest.scores import MIN_SCORE, table_score

SENTENCE_END, SENTENCE_END_COMMA, PARAGRAPH = "extent:sentence-end", "extent:sentence-end-comma", "extent:paragraph"
CLAUSE, AFTER_COMMA, SUBTREE, FRAME = "extent:clause", "extent:after-comma", "extent:subtree", "extent:frame"
PARTICIPLE, DASH = "extent:participle", "extent:dash"
NOUN_CLAUSE = "extent:noun-clause"
BEFORE_ASIDE, AFTER_ASIDE = "extent:before-aside", "extent:after-aside"
ASIDE_SOURCES = frozenset({BEFORE_ASIDE, AFTER_ASIDE})
#: The source of the second piece, a quote of its own (``other_pieces``).
ASIDE_PIECE = "extent:aside-piece"
#: Every kind, in the order they are proposed.
EXTENT_SOURCES: tuple[str, ...] = (SENTENCE_END, SENTENCE_END_COMMA, PARAGRAPH, NOUN_CLAUSE, CLAUSE, AFTER_COMMA, SUBTREE,
                                   FRAME, PARTICIPLE, DASH, BEFORE_ASIDE, AFTER_ASIDE, INNER_REPORT)

#: Tokens that join a second clause to a first: a cut of ``extent:clause`` falls before one.
CLAUSE_BREAKS = frozenset({",", ";", "—", "–", "--", ":"})
COORDINATION = frozenset({"cc"})
#: ``DASHES`` and ``LONG_DASHES`` as the Doc's ``ORTH`` array holds them.
_DASH_IDS = frozenset(hash_string(dash) for dash in DASHES)
_LONG_DASH_IDS = frozenset(hash_string(dash) for dash in LONG_DASHES)


@dataclass(frozen=True)
class Extent:
    """Another extent (``span``) for the pre-labeled quote ``quote``, and the kind that gave it."""

    quote: Span
    span: Span
    source: str

    @property
    def words(self) -> int:
        return len(self.span.text.split())


def extents(doc: Doc, lexicon: Lexicon, sources: frozenset[str] | set[str]) -> list[Extent]:
    """Every alternative of ``sources`` for every pre-labeled quote (``doc.spans["quotes"]``) that is
    not direct: different from the quote and from each other (the first kind keeps one), holding
    no cue of its quote, overlapping no other pre-labeled quote."""
    quotes = list(doc.spans["quotes"]) if "quotes" in doc.spans else []
    if not any(q._.quote_type != "direct" for q in quotes) or not sources:
        return []
    cues = {(r.head_start, r.head_end): (r.child_start, r.child_end) for r in relations_of(doc, CUE_REL)}
    blocked = _blocked(doc) if PARAGRAPH in sources else []
    frames = _frame_spans(doc, lexicon) if FRAME in sources else []
    out: list[Extent] = []
    ranges = [(q.start_char, q.end_char) for q in quotes]
    for index, quote in enumerate(quotes):
        if quote._.quote_type == "direct":
            continue
        cue = cues.get(ranges[index])
        # the other quotes, and its own cue (content never holds it)
        others = ranges[:index] + ranges[index + 1:] + ([cue] if cue is not None else [])
        seen = {(quote.start, quote.end)}
        for source, span in _alternatives(doc, quote, cue, sources, blocked, frames):
            if span is None or (span.start, span.end) in seen or _overlaps(span, others) or _same_words(span, quote):
                continue
            seen.add((span.start, span.end))
            out.append(Extent(quote, span, source))
    return out


def _same_words(span: Span, quote: Span) -> bool:
    """``span`` differs from ``quote`` by punctuation alone (``said the tax was fair. "`` where the parser
    runs the sentence on into a quotation that opens the next one): it pairs what the quote pairs."""
    punct = ids_of(span.doc, IS_PUNCT)  # (read once per Doc: no Token built)
    return [i for i in range(span.start, span.end) if not punct[i]] == \
        [i for i in range(quote.start, quote.end) if not punct[i]]


def _alternatives(doc: Doc, quote: Span, cue: tuple[int, int] | None, sources: frozenset[str] | set[str],
                  blocked: list[bool], frames: list[Span]) -> Iterator[tuple[str, Span | None]]:
    sentence = doc[quote.end - 1].sent
    if quote.end < sentence.end:
        kind = SENTENCE_END_COMMA if doc[quote.end].text == "," else SENTENCE_END
        yield kind, trimmed(doc, quote.start, sentence.end) if kind in sources else None
    if PARAGRAPH in sources:
        yield PARAGRAPH, _paragraph(doc, quote, blocked)
    noun = NOUN_CLAUSE in sources and _noun_content(quote)  # (the breaks read only where a kind cuts at them)
    breaks = _clause_breaks(quote) if CLAUSE in sources or AFTER_COMMA in sources or noun else []
    if NOUN_CLAUSE in sources:
        yield NOUN_CLAUSE, trimmed(doc, quote.start, breaks[0]) if breaks and noun else None
    if CLAUSE in sources:
        yield CLAUSE, trimmed(doc, quote.start, breaks[0]) if breaks else None
    if AFTER_COMMA in sources:
        yield AFTER_COMMA, trimmed(doc, breaks[-1] + 1, quote.end) if breaks else None
    if SUBTREE in sources:
        yield SUBTREE, _subtree(doc, quote, cue)
    if PARTICIPLE in sources:
        yield PARTICIPLE, _before_participle(doc, quote)
    if DASH in sources:
        yield DASH, _before_dash(doc, quote)
    before, after = aside_pieces(quote) if not ASIDE_SOURCES.isdisjoint(sources) else (None, None)
    if BEFORE_ASIDE in sources:
        yield BEFORE_ASIDE, before
    if AFTER_ASIDE in sources:
        yield AFTER_ASIDE, after
    for span in frames if FRAME in sources else ():
        if span.start < quote.end and quote.start < span.end:
            yield FRAME, span


def _before_participle(doc: Doc, quote: Span) -> Span | None:
    """The quote cut before a participle after a comma that runs to its end (``said the mill would
    stay open, easing fears in the town``: ``clause_end.trailing_participle_cut``): the reporter
    telling what the speaker did next or why, which the annotator leaves out of what was said."""
    end = trailing_participle_cut(doc, quote.start, quote.end)
    return trimmed(doc, quote.start, end) if end < quote.end else None


def _before_dash(doc: Doc, quote: Span) -> Span | None:
    """The quote cut before its first dash between words (``supported Lee — the mayor who …``,
    ``the farm lobby - a group that … - voted``): what follows is the reporter's aside, or the
    annotator keeps the words before the aside as a piece of their own. (Not the hyphen of
    ``pre-tax``: a dash token the tokenizer splits off and spaces, or a long one.)"""
    orths, spaced = ids_of(doc, ORTH), ids_of(doc, SPACY)  # (read once per Doc: no Token built)
    dash = next((i for i in range(quote.start + 2, quote.end - 1)
                 if orths[i] in _LONG_DASH_IDS or orths[i] in _DASH_IDS and spaced[i]), None)
    return trimmed(doc, quote.start, dash) if dash is not None else None


def _after_dashes(doc: Doc, quote: Span) -> Span | None:
    """The words after the second of a pair of dashes inside the quote (``the levy — a tax on fuel —
    would fail``): the second piece when ``extent:dash`` offers the first."""
    dashes = [t.i for t in quote[2:-1] if t.text in LONG_DASHES or t.text in DASHES and t.whitespace_]
    return trimmed(doc, dashes[1] + 1, quote.end) if len(dashes) == 2 and dashes[1] + 2 < quote.end else None


def _paragraph(doc: Doc, quote: Span, blocked: list[bool]) -> Span | None:
    """The quote on over the following sentences of its paragraph while none has a ``blocked`` token."""
    sentence_end = end = doc[quote.end - 1].sent.end
    while end < len(doc) and not _breaks_line(doc[end - 1]):
        following = doc[end].sent
        stop = next((t.i for t in following if "\n" in t.text), following.end)  # the line ends there
        if stop == following.start or any(blocked[following.start:stop]):
            break
        end = stop
        if stop < following.end:
            break
    return trimmed(doc, quote.start, end) if end > sentence_end else None


def _breaks_line(token: Token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def _blocked(doc: Doc) -> list[bool]:
    """The tokens a quote extended over the following sentences must not reach: a quote mark, a
    pre-labeled quote, cue or speaker (another attribution starts there)."""
    blocked = [t.text in QUOTE_MARK_TOKENS for t in doc]
    for group in ("quotes", "cues", "speakers"):
        for span in doc.spans[group] if group in doc.spans else ():
            blocked[span.start:span.end] = [True] * len(span)
    return blocked


def _clause_breaks(quote: Span) -> list[int]:
    """Tokens of the quote that join another clause to the one before: a clause-breaking mark or a
    coordinating conjunction whose head word heads a clause (a verb), never the first or last."""
    out = []
    for token in quote[1:-1]:
        if token.text in CLAUSE_BREAKS or token.dep_ in COORDINATION and _joins_clauses(token):
            out.append(token.i)
    return out


def _noun_content(quote: Span) -> bool:
    """The quote is a noun's phrase, the object of a word outside it (``criticized the new levy, …``,
    ``warned of higher rents, …``): what the annotator keeps of it stops at its first clause break
    more often than a reported clause does."""
    head = quote.root
    return head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "pobj") \
        and not quote.start <= head.head.i < quote.end


def _joins_clauses(token: Token) -> bool:
    return token.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                                                      for c in token.head.children)


def _subtree(doc: Doc, quote: Span, cue: tuple[int, int] | None) -> Span | None:
    """The whole phrase of the quote's head word, inside its sentence, before or after the cue."""
    head = quote.root
    sentence = head.sent
    start, end = max(head.left_edge.i, sentence.start), min(head.right_edge.i + 1, sentence.end)
    if cue is not None:
        cue_start = doc.char_span(*cue, alignment_mode="expand")
        if cue_start is not None and cue_start.end <= head.i:
            start = max(start, cue_start.end)
        elif cue_start is not None and cue_start.start > head.i:
            end = min(end, cue_start.start)
    return trimmed(doc, start, end) if start < end else None


def _frame_spans(doc: Doc, lexicon: Lexicon) -> list[Span]:
    return [c.found.span for c in candidates(doc, lexicon, taken=[])]


def _overlaps(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return overlaps_any(span.start_char, span.end_char, ranges)


# -- scored and chosen ---------------------------------------------------------------------------

#: kind → right-rate of its alternatives (0–1) by the words of the new extent (bands of
#: ``scores.BANDS``: 1–3, 4–8, 9+): the score an alternative carries. Right = the scorer pairs the
#: new extent with a gold attribution no pre-label found, the pre-labeled quote having paired with
#: none. Measured on PolNeAR ``train``'s tuning part (90%, 755 articles; rates only, no text) at
#: main 504ef2b: every kind of every non-direct pre-labeled quote proposed (as ``--suggest-all``
#: does), each alternative paired (≥ 50% of the longer) with the gold quotes no pre-label found.
#: A band seen fewer than 20 times: ``# few``. Only the sentence ends reach ``EXTENT_MIN_SCORE``;
#: the other kinds are kept here with their rates, never shown by default.
EXTENT_SCORES: dict[str, tuple[float, float, float]] = {
    SENTENCE_END: (0.067, 0.180, 0.291),  # 1-3: few (15)
    SENTENCE_END_COMMA: (0.000, 0.312, 0.177),  # 1-3, 4-8: few (1, 16)
    PARAGRAPH: (0.000, 0.000, 0.041),  # 1-3, 4-8: few
    CLAUSE: (0.092, 0.079, 0.047),
    NOUN_CLAUSE: (0.295, 0.108, 0.04),
    AFTER_COMMA: (0.019, 0.029, 0.060),
    SUBTREE: (0.005, 0.011, 0.017),
    FRAME: (0.005, 0.026, 0.033),
    # measured on s20-ext at a2ce4f5 (tuning part, shown at a provisional 0.5): 4-8 0.158, 9+ 0.171 (1-3: none)
    PARTICIPLE: (0.0, 0.158, 0.171),
    # measured on s20-ext at e8c65d9 (tuning part, shown at a provisional 0.5): 1-3 0.211, 4-8 0.186, 9+ 0.049
    DASH: (0.211, 0.186, 0.049),
    # measured on s23-ext (tuning part; each kind alone at a provisional 0.5, then at its rates with the
    # other): before 1-3 0.087, 4-8 0.231, 9+ 0.176; after 1-3 0.250 (few: 15), 4-8 0.211, 9+ 0.068
    BEFORE_ASIDE: (0.087, 0.231, 0.176),
    AFTER_ASIDE: (0.250, 0.211, 0.068),
    # the other piece, a quote of its own, shown at the suggestions' own ``min_score`` (0.17), so 4-8 only:
    # beside an aside 1-3 0.133, 4-8 0.241, 9+ 0.095; after a pair of dashes 1-3 0.167 (few), 4-8 0.357 (few:
    # 14), 9+ 0.118; both 4-8 0.279
    ASIDE_PIECE: (0.133, 0.279, 0.095),
}

#: The kinds that run a quote on to its sentence's end: where a suggested quote of its own lies in the
#: words they add (a report in the tail, ``said the levy would pass, and the growers warned …``), they
#: are offered all the same. On tuning (at dab1b89) the sentence ends of 9 words or more dropped for
#: such an overlap paired a missed gold attribution no shown suggestion paired 39 of 161 times (0.24),
#: the comma kind 24 of 189 (0.13): the annotator runs the report on over the tail as often as they
#: mark the report in it.
OVER_SUGGESTED: frozenset[str] = frozenset({SENTENCE_END, SENTENCE_END_COMMA})

#: Shown at this score or more (scaled with the component's ``min_score``: this is its default's
#: share). A right alternative saves the delete and the add (3 + 8) for a visit and a take (2), a
#: wrong one costs its visit (1): worth showing when 9·p ≥ 1 − p, p ≥ 0.10.
EXTENT_MIN_SCORE = 0.10


#: The sentence-end kind that gives way to a quote promoted in the words it adds, as it gives way to
#: a rule's pre-label there (``giving_way``): the run-on stopping at a comma, whose tail holds a
#: report of its own the component then makes a pre-label.
GIVING_WAY: frozenset[str] = frozenset({SENTENCE_END_COMMA})


def giving_way(extents: list[DocSuggestion], promoted: list[Span]) -> list[DocSuggestion]:
    """``extents`` without those of a ``GIVING_WAY`` kind that run over a clause promoted after they were
    chosen (``promoted``: the promoted quotes' words): the tail is a report of its own. A promoted noun's
    phrase (``…, while the others favoured Lee, 80 to 6``: what a stance is about) does not stop it."""
    clauses = [(q.start_char, q.end_char) for q in promoted if q.root.pos_ in ("VERB", "AUX")]
    if not clauses:
        return extents
    return [s for s in extents
            if s.source not in GIVING_WAY or not overlaps_any(s.quote_start, s.quote_end, clauses)]


def extent_score(source: str, words: int, scores: dict[str, tuple[float, ...]] | None = None) -> float | None:
    return table_score(EXTENT_SCORES if scores is None else scores, source, words)


def chosen_extents(doc: Doc, lexicon: Lexicon, sources: frozenset[str] | set[str], min_score: float,
                   taken: list[tuple[int, int]], scores: dict[str, tuple[float, ...]] | None = None
                   ) -> list[tuple[Extent, float]]:
    """For each pre-labeled quote, its best-scored alternative of ``sources`` at ``min_score`` or more
    that overlaps none of ``taken`` (the suggestions of quotes of their own; a kind of
    ``OVER_SUGGESTED`` may), in document order."""
    rates = EXTENT_SCORES if scores is None else scores
    live = {s for s in sources if max(rates.get(s, ()), default=-1.0) >= min_score}  # the others: no time spent
    best: dict[int, tuple[float, Extent]] = {}
    for extent in extents(doc, lexicon, live):
        score = extent_score(extent.source, extent.words, scores)
        if score is None or score < min_score or extent.source not in OVER_SUGGESTED and _overlaps(extent.span, taken):
            continue
        if extent.quote.start not in best or score > best[extent.quote.start][0]:
            best[extent.quote.start] = (score, extent)
    return [(extent, score) for _, (score, extent) in sorted(best.items())]


def extent_suggestions(doc: Doc, lexicon: Lexicon, sources: frozenset[str] | set[str], min_score: float,
                       taken: list[DocSuggestion]) -> list[DocSuggestion]:
    """``chosen_extents`` as ``doc._.suggestions`` items: the new extent with the replaced quote's type,
    no cue or speaker of its own (taking it keeps the quote's), and the quote it replaces. Shown at
    ``min_score`` · ``EXTENT_MIN_SCORE`` / ``scores.MIN_SCORE`` (the default's share of break-even)."""
    wanted = frozenset(sources) & frozenset(EXTENT_SOURCES)
    if not wanted:
        return []
    threshold = min_score * EXTENT_MIN_SCORE / MIN_SCORE
    ranges = [(s.quote_start, s.quote_end) for s in taken]
    chosen = chosen_extents(doc, lexicon, wanted, threshold, ranges)
    out = [DocSuggestion(e.span.start_char, e.span.end_char, e.quote._.quote_type or "indirect", None, None, None,
                         None, round(score, 3), e.source, e.quote.start_char, e.quote.end_char)
           for e, score in chosen]
    inner = inner_report_suggestions(doc, lexicon, min_score, threshold) if INNER_REPORT in wanted else []
    return out + other_pieces(doc, [e for e, _ in chosen if e.source in ASIDE_SOURCES or e.source == DASH], min_score) \
        + inner


def other_pieces(doc: Doc, chosen: list[Extent], min_score: float) -> list[DocSuggestion]:
    """For each quote offered its piece before (or after) an aside, or before a pair of dashes, the
    other piece as a quote of its own with the quote's cue and speaker, at its own band's score when
    that reaches ``min_score``: where the annotator leaves the aside out, the content is the two
    pieces, and taking the one offered as the quote's extent leaves the other to add."""
    cues = {(r.head_start, r.head_end): (r.child_start, r.child_end) for r in relations_of(doc, CUE_REL)}
    speakers = {(r.head_start, r.head_end): (r.child_start, r.child_end) for r in relations_of(doc, SAID_BY)}
    out = []
    for extent in chosen:
        quote = extent.quote
        piece = after_aside(quote) if extent.source == BEFORE_ASIDE else before_aside(quote) \
            if extent.source == AFTER_ASIDE else _after_dashes(doc, quote)
        score = extent_score(ASIDE_PIECE, len(piece.text.split())) if piece is not None else None
        if score is None or score < min_score:
            continue
        key = (quote.start_char, quote.end_char)
        cue, speaker = cues.get(key, (None, None)), speakers.get(key, (None, None))
        kind = quote._.quote_type if any(t.text in QUOTE_MARK_TOKENS for t in piece) else "indirect"
        out.append(DocSuggestion(piece.start_char, piece.end_char, kind or "indirect", *cue, *speaker,
                                 round(score, 3), ASIDE_PIECE))
    return out
