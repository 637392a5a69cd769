"""``Quill said the budget pays for "a new school, an end to the toll and a park."``: a report whose
words stop inside a quoted part they opened (the parse ends the clause at a comma or a phrase
between the marks) runs on to that part's closing mark, as news attribution corpora mark it: the
quoted words are the speaker's and are not cut in two. Run after every rule, on what is left.

Only when the opening mark is the report's own (a report that starts inside the marks is a piece of
a direct quote), the closing mark is in the same paragraph, and no other quote stands in the words
it takes in."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span

from annotator.nlp.marks import MarkedSegment
from annotator.nlp.quotes.found import FoundQuote, type_for
from annotator.nlp.quotes.scan import QuoteScan


def to_closing_marks(found: list[FoundQuote], scan: QuoteScan) -> list[FoundQuote]:
    """``found`` with each indirect or mixed quote that ends inside a quoted part it opened read on
    to that part's closing mark (and typed again: it now holds a quoted part)."""
    out = []
    for item in found:
        whole = None if item.quote_type == "direct" else _through_closing_mark(scan, item.span)
        if whole is not None and not any(o is not item and o.span.start < whole.end and item.span.end < o.span.end
                                         for o in found):
            item = FoundQuote(whole, type_for(whole, scan.inside), item.cue, item.claims, item.rule)
        out.append(item)
    return out


def _through_closing_mark(scan: QuoteScan, span: Span) -> Span | None:
    """``span`` up to and with the closing mark of the quoted part its last word stands in, when the
    part opens inside ``span``; None when ``span`` ends outside marks or the part opened before it."""
    segment = _segment_at(scan, span.end_char)
    if segment is None or segment.close_at is None or not span.start_char < segment.start < span.end_char:
        return None
    close = scan.token_at_or_after(segment.close_at)
    if close >= len(span.doc) or span.doc[close].idx != segment.close_at:
        return None
    return span.doc[span.start:close + 1]


def _segment_at(scan: QuoteScan, offset: int) -> MarkedSegment | None:
    """The quoted segment whose words go on past ``offset`` (a word of it ends there, another follows)."""
    i = bisect_right(scan.inside, (offset, float("inf"))) - 1
    if i < 0:
        return None
    segment = scan.segments[i]
    return segment if segment.start < offset < segment.end else None
