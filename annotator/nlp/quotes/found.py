"""A quote a rule found (``FoundQuote``), and the span shapes the rules share: trimmed edges, word
counts, and whether a span quotes someone's exact words (mixed) or not (indirect)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from annotator.nlp.doc_words import doc_words, word_after
from annotator.nlp.lexicon import QUOTE_MARK_TOKENS
from annotator.nlp.name_words import could_speak
from annotator.nlp.quotes.scan import QuoteScan, range_at


@dataclass
class FoundQuote:
    span: Span
    quote_type: str
    cue: Span | None
    #: The characters the rule matched, when wider than the span (a headline's whole line after
    #: its colon); a later rule's quote overlapping them is the same quote.
    claims: tuple[int, int] | None = None
    #: The rule that found it (``component.RULES``' name, ``reports:`` and the report rule's for a
    #: report: ``made_by``); the pipeline writes it as the quote span's ``id_``, as spaCy's
    #: ``SpanRuler`` writes the pattern's id that matched.
    rule: str = ""

    @property
    def chars(self) -> tuple[int, int]:
        return self.claims if self.claims is not None else (self.span.start_char, self.span.end_char)


def made_by(found: list[FoundQuote], rule: str) -> list[FoundQuote]:
    """``found``, each quote that names no rule yet given ``rule`` as the one that found it."""
    for item in found:
        if not item.rule:
            item.rule = rule
    return found


def trimmed(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens ``start:end`` without spaces and punctuation at the edges (a quote mark at the
    start stays; a final comma, full stop, colon or dash goes, and so does a dangling ``and``)."""
    words = doc_words(doc)  # (each test read off the Doc's arrays once: see ``doc_words``)
    at_start, at_end, dangling = words.skip_at_start, words.skip_at_end, words.dangling
    while start < end and at_start[start]:
        start += 1
    while end > start and (at_end[end - 1] or end - start > 1 and dangling[end - 1]):
        end -= 1
    return Span(doc, start, end) if start < end else None  # (as ``doc[start:end]``, without its slice checks)


def opens_aside(doc: Doc, i: int) -> bool:
    """The clause's ``that`` at ``i`` has a comma right after it, an aside before the clause goes on
    (``said that, if elected, she would …``): the content starts at ``that`` (PolNeAR's tuning part
    holds such a ``that`` in 28 gold contents of 29), where a plain ``that`` is left out."""
    after = word_after(doc, i)
    return after < len(doc) and doc[after].text == ","


def word_count(span: Span) -> int:
    return sum(doc_words(span.doc).counted[span.start:span.end])  # (read off the Doc's arrays)


def has_words_outside(span: Span, inside: list[tuple[int, int]]) -> bool:
    """Some word of the span is not between quotation marks (else it is a direct quote). A word found
    between marks skips the rest of its quoted segment's tokens (all between the same marks): a direct
    quote is read a segment at a time, not a token at a time."""
    words = doc_words(span.doc)  # (read off the Doc's arrays: no Token built)
    alpha, starts = words.alpha, words.starts
    i, end = span.start, span.end
    while i < end:
        if alpha[i]:
            segment = range_at(starts[i], inside)
            if segment < 0 or starts[i] >= inside[segment][1]:
                return True
            i = bisect_left(starts, inside[segment][1], i + 1, end)  # (the first token after the segment)
        else:
            i += 1
    return False


def type_for(span: Span, inside: list[tuple[int, int]]) -> str:
    """``mixed`` when the span holds a quoted segment, else ``indirect``."""
    # The segments are in order and apart, so the first starting in the span ends first.
    i = bisect_left(inside, (span.start_char,))
    return "mixed" if i < len(inside) and inside[i][1] <= span.end_char else "indirect"


def misread_past(verb: Token) -> bool:
    """``Members of the family long ago soured on him, the paper reported``: a past participle with a
    subject of its own and no auxiliary is a simple past the tagger read as a participle (``soured``
    tagged ``VBN``), so its clause has a tense."""
    return verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def named_agent(verb: Token) -> Token | None:
    """The ``by`` agent of a passive verb when it can speak (``asked by a reporter``, ``as reported
    by the paper``): the ``passive_agent`` speaker rule names it as the source."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return source if source is not None and could_speak(source) else None


def with_closing_mark(scan: QuoteScan, span: Span | None) -> Span | None:
    """A paraphrase ending on a quoted part keeps that part's closing mark (``… “fearless”``),
    also when the mark comes after a final full stop or comma (``… fearless.”``); one starting
    with a quoted part keeps its opening mark (``_with_opening_mark``)."""
    if span is None:
        return None
    text = scan.text
    close = scan.closes.get(span.end_char)
    if close is None and span.end_char + 1 in scan.closes and text[span.end_char] in ".,":
        close = scan.closes[span.end_char + 1]
    if close is not None and any(t.idx < close for t in span if t.text in QUOTE_MARK_TOKENS):
        end = scan.token_at_or_after(close)
        if end < len(span.doc) and span.doc[end].idx == close:
            span = span.doc[span.start:end + 1]
    return _with_opening_mark(scan, span)


def _with_opening_mark(scan: QuoteScan, span: Span) -> Span:
    """``“top secret” files had passed through her server``: a paraphrase that starts with a quoted
    part whose closing mark it holds starts with that part's opening mark too."""
    opened = scan.opened.get(span.start_char)
    if opened is None or span.start == 0 or not span.start_char < opened[1] < span.end_char:
        return span
    mark = span.doc[span.start - 1]
    return span.doc[span.start - 1:span.end] if mark.idx == opened[0] else span


def content_quote(scan: QuoteScan, anchor: Token, start: int, last: int, cue: Span, *,
                  min_tokens: int = 1) -> list[FoundQuote]:
    """The tokens ``start`` to ``last`` (both in) as a quote cued by ``cue``: cut at the end of
    ``anchor``'s paragraph, trimmed, with a quoted part's closing mark; none when shorter than
    ``min_tokens`` or all between quote marks (the direct rule's)."""
    _, para_end = scan.paragraph(anchor.idx)
    end = min(last + 1, scan.token_at_or_after(para_end))
    span = with_closing_mark(scan, trimmed(scan.doc, start, end))
    if span is None or len(span) < min_tokens or not has_words_outside(span, scan.inside):
        return []
    return [FoundQuote(span, type_for(span, scan.inside), cue)]
