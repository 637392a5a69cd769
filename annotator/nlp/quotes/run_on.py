"""``he said, "we don't know the answer" on how many jobs will go``: quoted words the sentence goes
on after, with a phrase hanging on a word inside the marks (a preposition, or ``and`` and a
second part of the same word's phrase), are one mixed quote with that phrase, not a direct quote
that stops at its closing mark."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.marks import MarkedSegment
from annotator.nlp.quotes.found import FoundQuote, trimmed, type_for, with_closing_mark
from annotator.nlp.doc_words import word_after
from annotator.nlp.quotes.scan import QuoteScan


def run_on(scan: QuoteScan, segment: MarkedSegment, found: FoundQuote) -> FoundQuote:
    """``found`` (a direct quote of ``segment``'s words) with the phrase after its closing mark
    that hangs on a word inside it (``continued_phrase_end``), from its opening mark, as a mixed
    quote; else ``found``."""
    if found.quote_type != "direct" or segment.close_at is None or not _open_at_close(scan, segment):
        return found
    doc, span = scan.doc, found.span
    mark = scan.token_at_or_after(segment.close_at)
    if mark >= len(doc) or doc[mark].idx != segment.close_at:
        return found
    after = word_after(doc, mark)
    if after >= len(doc):
        return found
    end = continued_phrase_end(doc[after], span.start, span.end)
    if end is None:
        return found
    end = min(end, scan.token_at_or_after(scan.paragraph(segment.open_at)[1]))
    opening = span.start - 1 if span.start and doc[span.start - 1].idx == segment.open_at else span.start
    whole = with_closing_mark(scan, trimmed(doc, opening, end))
    if whole is None or whole.end <= mark + 1:
        return found
    return FoundQuote(whole, type_for(whole, scan.inside), found.cue, found.claims)


def _open_at_close(scan: QuoteScan, segment: MarkedSegment) -> bool:
    """No punctuation of their own closes the quoted words (``"…," by the paper's editor`` is a
    title and its byline; ``"…." on Friday`` ends its own sentence)."""
    last = scan.text[segment.start:segment.close_at].rstrip()[-1:]
    return last not in (",", ".", "?", "!", ";", ":", "…")


def continued_phrase_end(word: Token, start: int, end: int) -> int | None:
    """The end (exclusive) of the phrase ``word`` opens after quoted words ``start:end``, when it
    hangs on a word inside them: a preposition's phrase, or ``and``/``or`` with the conjunct after
    it (a phrase, not a verb); else None."""
    head = word.head
    if word.is_punct or not start <= head.i < end:
        return None
    if word.dep_ == "prep":
        return word.right_edge.i + 1
    if word.dep_ == "cc" and word.lower_ in ("and", "or"):
        conj = next((c for c in head.children if c.dep_ == "conj" and c.i > word.i), None)
        # a verb after "and" is the speaker's next act (``said "we will win" and walked off``)
        return conj.right_edge.i + 1 if conj is not None and conj.pos_ not in ("VERB", "AUX") else None
    return None
