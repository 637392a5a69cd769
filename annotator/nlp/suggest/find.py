"""What a parse-shape rule finds (``BroadFind``), shared by the broad rules (``broad``, ``raised``) and
the other shape sources (``clauses``, ``objects``, ``prepositions``, ``arguments``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from annotator.nlp.frames.gates import parse_facts
from annotator.nlp.quotes import hearsay
from annotator.nlp.quotes.clause_end import addition_cut, own_act_cut, verb_conjunct_cut
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.reported import an_act
from annotator.nlp.quotes.scan import QuoteScan

#: Subjects that stand for nothing (``there is``, ``it is expected that``): a hearsay report's, and ``it``
#: (which a hearsay clause keeps: ``it reportedly | failed``).
EMPTY_SUBJECTS = hearsay.EMPTY_SUBJECTS | {"it"}


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
    aside after a lone dash: ``clause_end.addition_cut``), before a verb the parser joined to a noun
    (``clause_end.verb_conjunct_cut``) and, when a verb heads the words, before the speaker's other
    act of concession (``…, even though she has denied it``: ``clause_end.own_act_cut``, as the
    pre-labels' reported clauses stop)."""
    doc = scan.doc
    end = verb_conjunct_cut(doc, start, addition_cut(doc, start, last + 1))
    top = _top_word(scan, start, end)
    if top is not None and top.pos_ in ("VERB", "AUX"):
        end = own_act_cut(top, start, end, lambda act: an_act(scan, act))
    return content_quote(scan, anchor, start, end - 1, cue, min_tokens=min_tokens)


def _top_word(scan: QuoteScan, start: int, end: int) -> Token | None:
    """The first of the tokens ``start:end`` that hangs from a word outside them (or from none)."""
    heads = parse_facts(scan.doc).head_list  # (the parse's heads, read once per Doc: no Token built)
    top = next((i for i in range(start, end) if not start <= heads[i] < end or heads[i] == i), None)
    return scan.doc[top] if top is not None else None
