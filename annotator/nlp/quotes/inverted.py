"""Inverted reports without quotation marks: ``CLAUSE, said X.`` or ``CLAUSE, X said.``, and the
clause that goes on after the attribution (``A, they said, and B.``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.lexicon import FINITE_TAGS, QUOTE_MARK_TOKENS
from annotator.nlp.quotes.found import FoundQuote, has_words_outside, trimmed, type_for, with_closing_mark, word_count
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of

#: A verb with one of these after it says what it says there, not in the clause before its comma.
COMPLEMENT_DEPS = frozenset({"ccomp", "dobj", "xcomp"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    """The clause before a speech verb's comma, and the one continuing after it, if any; or, for an
    attribution set in the middle of one clause (``Most of the new jobs, he said, have gone
    to rural counties.``), the two pieces of that clause."""
    if scan.cue_lemma(verb) not in scan.lexicon.speech:
        return []
    span = _before(scan, verb)
    if span is None:
        return []
    continued = _continued(scan, verb)
    if any(t.tag_ in FINITE_TAGS for t in span):
        return continued + [FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])]
    if continued and word_count(span) >= 1:
        # Neither piece is a statement alone: a subject before the attribution, its verb after.
        return continued + [FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])]
    return []


def _before(scan: QuoteScan, verb: Token) -> Span | None:
    """What stands before the comma in ``CLAUSE, said X.`` or ``CLAUSE, X said.`` (no quotation
    marks), from the start of its sentence."""
    doc = scan.doc
    if not _complement_before(verb) and any(c.dep_ in COMPLEMENT_DEPS and c.i > verb.i for c in verb.children):
        return None  # "Germany has pledged to bolster its army": what it says comes after the verb
    subject = subject_of(verb, scan.lexicon, climb=0)
    if subject is not None and subject.i > verb.i:
        comma = verb.i - 1
    elif subject is not None:
        comma = subject.left_edge.i - 1
    else:
        return None
    ends_quoted = comma > 1 and doc[comma].text in QUOTE_MARK_TOKENS and doc[comma - 1].text == ","
    if ends_quoted:
        # "Ms. Vance is "not a team player," said Mr. Holt": a clause that ends on a quoted
        # part is the report (mixed), when some of its words stand outside the marks.
        comma -= 1
    if comma <= 0 or doc[comma].text not in (",", "—", "–"):
        return None
    if not ends_quoted and doc[comma - 1].text in QUOTE_MARK_TOKENS:
        return None  # "…," she said: a direct quote's attribution
    after = max(verb.i, subject.right_edge.i) + 1
    if after < len(doc) and doc[after].text == ":":
        return None  # "Speaking in X, she said:" introduces what follows, it reports nothing before
    para_start, _ = scan.paragraph(verb.idx)
    start = max(doc[comma - 1].sent.start, scan.token_at_or_after(para_start))
    span = trimmed(doc, start, comma)
    if span is not None and _adverbial_of(span, verb):
        return None  # "As talks stalled, the union continued": the verb's own circumstance, not a report
    if ends_quoted:
        span = with_closing_mark(scan, span)
        if span is not None and not any(t.tag_ in FINITE_TAGS and not scan.quoted(t.idx) for t in span):
            return None  # words before the quote without a verb of their own (a dateline) are no clause
    if span is None or not has_words_outside(span, scan.inside):
        return None
    if any(t.tag_ in FINITE_TAGS for t in span) and word_count(span) < 3:
        return None
    # Without a finite verb it is a phrase ("Speaking at the conference, ...") and reports
    # something only when the clause goes on after the attribution.
    return span


def before_piece(scan: QuoteScan, verb: Token) -> FoundQuote | None:
    """``There is a risk, some aides said, that …``: the clause before an attribution set inside a
    sentence whose reported clause goes on after it, as a quote of its own (the parse makes both
    clauses complements of the verb)."""
    if not _complement_before(verb) or scan.cue_lemma(verb) not in scan.lexicon.speech:
        return None
    span = _before(scan, verb)
    if span is None or not any(t.tag_ in FINITE_TAGS for t in span):
        return None
    return FoundQuote(span, type_for(span, scan.inside), scan.doc[verb.i:verb.i + 1])


def _complement_before(verb: Token) -> bool:
    """The parse makes a clause before the verb its complement (``The plan works, he told the
    board``): what the verb has after it (a listener, a second clause) does not stop the report."""
    return any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)


def _adverbial_of(span: Span, verb: Token) -> bool:
    """The words before the comma are an adverbial clause or phrase of the verb itself (``As the
    talks stalled, …``, ``After the vote, …``): the parse hangs a reported clause on the verb as
    ``ccomp`` or puts the verb in parataxis, never as its ``advcl`` or ``prep``."""
    root = span.root
    return root.head.i == verb.i and root.dep_ in ("advcl", "prep", "npadvmod")


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
