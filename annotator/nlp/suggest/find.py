"""What a parse-shape rule finds (``BroadFind``), shared by the broad rules (``broad``, ``raised``) and
the other shape sources (``clauses``, ``objects``, ``prepositions``, ``arguments``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from annotator.nlp.quotes.clause_end import addition_cut
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan

#: Subjects that stand for nothing (``there is``, ``it is expected that``).
EMPTY_SUBJECTS = frozenset({"there", "it", "this", "that", "which", "what"})


@dataclass(frozen=True)
class BroadFind:
    """A broad candidate: the quote, and its speaker when the shape names it (``own_speaker``;
    otherwise the speaker rules read it off the cue)."""

    source: str
    found: FoundQuote
    speaker: Span | None = None
    own_speaker: bool = False


def addition_last(scan: QuoteScan, start: int, last: int) -> int:
    """The last token of a content from ``start`` to ``last`` before the reporter's addition after it
    (a trailing relative or adverbial clause after a comma, an aside after a lone dash:
    ``clause_end.addition_cut``)."""
    return addition_cut(scan.doc, start, last + 1) - 1
