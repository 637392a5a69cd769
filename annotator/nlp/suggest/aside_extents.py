"""The pieces of a quote around an aside inside it: ``the mayor, who took office in May, would veto
it`` (a relative clause or apposition between commas or dashes, describing a word before it, with
the quote going on after it). Some annotators leave the reporter's aside out of what was said, and
the content falls in two pieces: the words before the aside and those after it."""

from __future__ import annotations

from spacy.attrs import DEP
from spacy.tokens import Span

from annotator.nlp.doc_words import DASHES, LONG_DASHES, ids_of
from annotator.nlp.frames.gates import parse_facts
from annotator.nlp.quotes.found import trimmed

#: What an aside's head word is to the word it describes.
ASIDE_DEPS = frozenset({"relcl", "appos"})
#: The marks that enclose an aside.
ASIDE_MARKS = frozenset({","}) | frozenset(DASHES) | frozenset(LONG_DASHES)


def aside_bounds(quote: Span) -> tuple[int, int] | None:
    """The first aside inside ``quote``: (the token index of its opening mark, that of its closing
    mark), when words of the quote stand both before and after it; else None. (The labels and heads
    are read off the Doc's arrays, once per Doc: a Token is built only for a relative clause or an
    apposition.)"""
    doc = quote.doc
    labels, heads = ids_of(doc, DEP), parse_facts(doc).head_list
    aside = {doc.vocab.strings[label] for label in ASIDE_DEPS}
    for i in range(quote.start, quote.end):
        if labels[i] not in aside or not quote.start <= heads[i] < i:
            continue
        token = doc[i]
        opening, closing = token.left_edge.i - 1, token.right_edge.i + 1
        if opening <= quote.start + 1 or closing >= quote.end - 2 or token.head.i >= opening:
            continue
        if doc[opening].text in ASIDE_MARKS and doc[closing].text in ASIDE_MARKS:
            return opening, closing
    return None


def aside_pieces(quote: Span) -> tuple[Span | None, Span | None]:
    """``before_aside`` and ``after_aside`` of the quote, its aside read once."""
    bounds = aside_bounds(quote)
    if bounds is None:
        return None, None
    return trimmed(quote.doc, quote.start, bounds[0]), trimmed(quote.doc, bounds[1] + 1, quote.end)


def before_aside(quote: Span) -> Span | None:
    """The quote's words before its aside (``aside_bounds``)."""
    return aside_pieces(quote)[0]


def after_aside(quote: Span) -> Span | None:
    """The quote's words after its aside (``aside_bounds``)."""
    return aside_pieces(quote)[1]
