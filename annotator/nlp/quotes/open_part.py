"""``Quill said the budget pays for "a new school, an end to the toll and a park."``: a report whose
words stop inside a quoted part they opened (the parse ends the clause at a comma or a phrase
between the marks) runs on to that part's closing mark, as news attribution corpora mark it: the
quoted words are the speaker's and are not cut in two. The same holds the other way round: a report
that starts inside a quoted part and runs past its closing mark (``"Towns are short of cash. They
have no choice" but to ask for help, Ruiz said``: the parse starts a sentence between the marks)
starts at the opening mark. Run after every rule, on what is left.

Only within the part's paragraph, and only when no other quote stands in the words taken in but a
direct quote wholly inside them, which becomes part of the report (as a report absorbs the direct
quotes it holds)."""

from __future__ import annotations

from spacy.tokens import Span

from annotator.nlp.marks import MarkedSegment
from annotator.nlp.quotes.found import FoundQuote, type_for
from annotator.nlp.quotes.scan import QuoteScan, range_at
from annotator.nlp.speakers.scan import overlaps


def to_closing_marks(found: list[FoundQuote], scan: QuoteScan) -> list[FoundQuote]:
    """``found`` with each indirect or mixed quote that ends inside a quoted part it opened read on
    to that part's closing mark, and each that starts inside one it closes read back to its opening
    mark (typed again: it now holds a quoted part whole)."""
    replaced: dict[int, FoundQuote] = {}
    absorbed: set[int] = set()
    for item in found:
        if item.quote_type == "direct" or id(item) in absorbed:
            continue
        whole = _through_marks(scan, item.span)
        if whole is None:
            continue
        taken_in = [o for o in found if o is not item and overlaps(o.span, whole) and not _inside(o.span, item.span)]
        if any(o.quote_type != "direct" or not _inside(o.span, whole) or id(o) in replaced for o in taken_in):
            continue
        absorbed.update(id(o) for o in taken_in)
        replaced[id(item)] = FoundQuote(whole, type_for(whole, scan.inside), item.cue, item.claims, item.rule)
    return [replaced.get(id(item), item) for item in found if id(item) not in absorbed]


def _through_marks(scan: QuoteScan, span: Span) -> Span | None:
    """``span`` with the rest of the quoted part it ends in (to and with its closing mark) when the
    part opens inside ``span``, and with the start of the part it starts in (from its opening mark)
    when the part closes inside ``span``; None when neither."""
    doc = span.doc
    start, end = span.start, span.end
    last = _segment_at(scan, span.end_char)
    if last is not None and last.close_at is not None and span.start_char < last.start:
        close = scan.token_at_or_after(last.close_at)
        if close < len(doc) and doc[close].idx == last.close_at:
            end = close + 1
    first = _segment_at(scan, span.start_char)
    if first is not None and first.close_at is not None and first.close_at < span.end_char:
        opening = scan.token_at_or_after(first.open_at)
        if opening < start and doc[opening].idx == first.open_at:
            start = opening
    return doc[start:end] if (start, end) != (span.start, span.end) else None


def _segment_at(scan: QuoteScan, offset: int) -> MarkedSegment | None:
    """The quoted segment whose words go on past ``offset`` on both sides (a word of it before, another after)."""
    i = range_at(offset, scan.inside)
    if i < 0:
        return None
    segment = scan.segments[i]
    return segment if segment.start < offset < segment.end else None


def _inside(a: Span, b: Span) -> bool:
    return b.start <= a.start and a.end <= b.end
