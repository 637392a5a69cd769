"""A report inside another report's content: ``Ruiz said the board, which Okafor criticized,
would meet`` gives ``the board … would meet`` to Ruiz, and ``which Okafor criticized`` inside it is
part of what Ruiz said. News attribution corpora seldom mark the inner one as an attribution of its
own (PolNeAR train's tuning part: 34 of 178 such indirect and mixed pre-labels matched a gold one),
so a quote whose cue and words lie inside another indirect or mixed quote's words is dropped."""

from __future__ import annotations

from annotator.nlp.quotes.found import FoundQuote


def outermost(found: list[FoundQuote]) -> list[FoundQuote]:
    """``found`` less the indirect and mixed quotes whose cue and words lie inside another
    indirect or mixed quote (direct quotes are kept whatever holds them)."""
    reports = [f for f in found if f.quote_type != "direct"]
    return [f for f in found if f.quote_type == "direct" or f.cue is None or not any(_holds(o, f) for o in reports)]


def _holds(outer: FoundQuote, inner: FoundQuote) -> bool:
    span, cue = inner.span, inner.cue
    start, end = outer.span.start, outer.span.end
    return outer is not inner and (start, end) != (span.start, span.end) \
        and start <= cue.start and cue.end <= end and start <= span.start and span.end <= end
