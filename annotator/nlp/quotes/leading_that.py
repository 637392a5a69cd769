"""``The mayor rejected that plan``, ``That levy, Ruiz said, was unfair``: a content that opens with a
``that`` of its own, a determiner or a clause's ``that`` a rule left in, starts after it (PolNeAR's
gold leaves the word out of the content). Run after every rule, on the indirect and mixed quotes."""

from __future__ import annotations

from annotator.nlp.lexicon import CLAUSE_SUBJECT_DEPS
from annotator.nlp.quotes.found import FoundQuote, opens_aside, trimmed


def left_out(found: list[FoundQuote]) -> list[FoundQuote]:
    """``found`` with each indirect or mixed quote that opens with ``that`` started after it, unless
    the word is the clause's subject (``said that was wrong``) or opens an aside before the clause
    goes on (``said that, if elected, …``: ``found.opens_aside``)."""
    out = []
    for item in found:
        span = item.span
        first = span[0]
        if item.quote_type != "direct" and len(span) > 1 and first.lower_ == "that" \
                and first.dep_ not in CLAUSE_SUBJECT_DEPS and not opens_aside(span.doc, span.start):
            rest = trimmed(span.doc, span.start + 1, span.end)
            if rest is not None:
                item = FoundQuote(rest, item.quote_type, item.cue, item.claims, item.rule)
        out.append(item)
    return out
