"""Where the cursor lands: what ``/`` finds (the next span with the query as its label, else the next
place the text has it), and the span a token is in."""

from __future__ import annotations

from bisect import bisect_right

from annotator.core.records import QUOTE, Span, Task


def find(task: Task, spans: list[Span], query: str, here: int, *, labels: bool = True
         ) -> tuple[Span | int, int] | None:
    """After character ``here`` (wrapping round): with ``labels``, the next span labelled ``query``
    when it is in capitals (``/GPE``); else the next place the text has it, case aside: the smallest
    span starting on that word, or the token there; with the character offset of the hit. None: nowhere."""
    labelled = [s for s in spans if s.label == query.strip().upper()]
    if labels and labelled and query.strip().isupper():
        span = next((s for s in labelled if s.start > here), labelled[0])
        return span, span.start
    text, needle = task.text.casefold(), query.casefold()
    found = text.find(needle, here + 1)
    if found < 0:
        found = text.find(needle)
    if found < 0:
        return None
    token = max(bisect_right([t.start for t in task.tokens], found) - 1, 0)
    starting = [s for s in task.spans if s.start == task.tokens[token].start]
    if labels and starting:
        return min(starting, key=lambda s: s.end - s.start), found
    return token, found


def span_at(spans: list[Span], token: int) -> Span | None:
    """The span to focus when the cursor is on ``token``: the smallest that holds it (a name before
    the quote it is in)."""
    holding = [s for s in spans if s.token_start <= token <= s.token_end]
    return min(holding, key=lambda s: (s.token_end - s.token_start, s.label == QUOTE)) if holding else None
