"""Inverted reports without quotation marks: ``CLAUSE, said X.`` or ``CLAUSE, X said.``, and the
clause that goes on after the attribution (``A, they said, and B.``)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.lexicon import FINITE_TAGS, QUOTE_MARK_TOKENS
from annotator.nlp.quotes.found import FoundQuote, has_words_outside, trimmed, type_for, word_count
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """The clause before a speech verb's comma, and the one continuing after it, if any."""
    if scan.cue_lemma(verb) not in scan.lexicon.speech:
        return []
    item = _before(scan, verb)
    if item is None:
        return []
    return _continued(scan, verb) + [item]


def _before(scan: QuoteScan, verb: Token) -> FoundQuote | None:
    """``CLAUSE, said X.`` or ``CLAUSE, X said.`` with no quotation marks."""
    doc = scan.doc
    if any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children):
        return None
    subject = subject_of(verb, scan.lexicon, climb=0)
    if subject is not None and subject.i > verb.i:
        comma = verb.i - 1
    elif subject is not None:
        comma = subject.left_edge.i - 1
    else:
        return None
    if comma <= 0 or doc[comma].text not in (",", "—", "–"):
        return None
    if doc[comma - 1].text in QUOTE_MARK_TOKENS:
        return None  # "…," she said: a direct quote's attribution
    after = max(verb.i, subject.right_edge.i) + 1
    if after < len(doc) and doc[after].text == ":":
        return None  # "Speaking in X, she said:" introduces what follows, it reports nothing before
    para_start, _ = scan.paragraph(verb.idx)
    start = max(doc[comma - 1].sent.start, scan.token_at_or_after(para_start))
    span = trimmed(doc, start, comma)
    if span is None or word_count(span) < 3 or not has_words_outside(span, scan.inside):
        return None
    if not any(t.tag_ in FINITE_TAGS for t in span):
        return None  # a participle or a phrase ("Speaking at the conference, ..."), not a statement
    return FoundQuote(span, type_for(span, scan.inside), doc[verb.i:verb.i + 1])


def _continued(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """``A, they said, and B.``: the clause after an inverted attribution is reported too."""
    doc = scan.doc
    subject = subject_of(verb, scan.lexicon, climb=0)
    if subject is None:
        return []
    after = max(verb.i, subject.right_edge.i) + 1
    if after >= len(doc) or doc[after].text != ",":
        return []
    _, para_end = scan.paragraph(verb.idx)
    start = after + 1
    if start < len(doc) and doc[start].lower_ in ("and", "but", "while"):
        start += 1
    end = min(doc[after].sent.end, scan.token_at_or_after(para_end))
    if end <= start or doc[start].text in QUOTE_MARK_TOKENS:
        return []
    span = trimmed(doc, start, end)
    if span is None or word_count(span) < 3 or not has_words_outside(span, scan.inside):
        return []
    if not any(t.tag_ in FINITE_TAGS and t.dep_ not in ("relcl", "acl") for t in span):
        return []
    if any(scan.lexicon.is_cue(t) for t in span):
        return []  # "…, she said, adding that …": that report is found on its own
    return [FoundQuote(span, type_for(span, scan.inside), doc[verb.i:verb.i + 1])]
