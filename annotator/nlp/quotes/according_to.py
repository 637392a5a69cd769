"""``According to X, CLAUSE.`` and ``CLAUSE, according to X.``: the clause is reported, the two
words are the cue."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.quotes.found import FoundQuote, has_words_outside, trimmed, type_for, word_count
from annotator.nlp.quotes.scan import QuoteScan


def at(scan: QuoteScan, according: Token) -> list[FoundQuote]:
    doc = scan.doc
    if according.lower_ != "according" or scan.quoted(according.idx):
        return []
    if according.i + 1 >= len(doc) or doc[according.i + 1].lower_ != "to":
        return []
    to = doc[according.i + 1]
    cue = doc[according.i:according.i + 2]
    para_start, para_end = scan.paragraph(according.idx)
    sent = according.sent
    first = max(sent.start, scan.token_at_or_after(para_start))
    last = min(sent.end, scan.token_at_or_after(para_end))
    phrase_end = max(to.right_edge.i + 1, to.i + 2)
    if according.i == first or (according.i > first and all(t.is_punct for t in doc[first:according.i])):
        if phrase_end >= last or doc[phrase_end].text != ",":
            return []
        span = trimmed(doc, phrase_end + 1, last)
    elif doc[according.i - 1].text == "," and all(t.is_punct or t.is_space for t in doc[phrase_end:last]):
        span = trimmed(doc, first, according.i - 1)
    else:
        return []
    if span is None or word_count(span) < 3 or not has_words_outside(span, scan.inside):
        return []
    return [FoundQuote(span, type_for(span, scan.inside), cue)]
