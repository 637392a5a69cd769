"""What a parse-shape rule finds (``BroadFind``), shared by the broad rules (``broad``, ``raised``) and
the other shape sources (``clauses``, ``objects``, ``prepositions``, ``arguments``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from annotator.nlp.quotes.clause_end import addition_cut
from annotator.nlp.quotes.found import FoundQuote, content_quote
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


def shape_content(scan: QuoteScan, anchor: Token, start: int, last: int, cue: Span, *,
                  min_tokens: int = 1) -> list[FoundQuote]:
    """A shape source's content: ``content_quote`` over the tokens ``start`` to ``last``, stopped before
    the reporter's addition after them (a trailing relative or adverbial clause after a comma, an
    aside after a lone dash: ``clause_end.addition_cut``)."""
    return content_quote(scan, anchor, start, addition_cut(scan.doc, start, last + 1) - 1, cue, min_tokens=min_tokens)
