"""Attributions carried by a noun: ``the senator's claim that …``, ``a demand by the union that …``,
``his pledge to …``, ``she issued a statement saying …``, ``the agency's message: …`` and ``in her
view, …``. The noun is the cue; the content is its clause, its infinitive, the participle's clause,
the words after its colon, or the clause its ``in`` phrase frames. A noun cue is kept only when the
speaker rules can name its source (``speakers.noun_cue``): a claim nobody owns is left alone."""

from __future__ import annotations

from spacy.attrs import LEMMA, POS
from spacy.symbols import NOUN
from spacy.tokens import Token

from annotator.nlp.doc_words import finite, negated, to_infinitive
from annotator.nlp.lexicon import CLAUSE_SUBJECT_DEPS, CONTENT_AFTER_MARKS, FINITE_TAGS, QUOTE_MARK_TOKENS
from annotator.nlp.cue_words import INFINITIVE_CUE_NOUNS, VIEW_NOUNS
from annotator.nlp.quotes.found import FoundQuote, has_words_outside, trimmed, type_for, with_closing_mark
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers.noun_cue import participle_source, source_of_noun
from annotator.nlp.speakers.scan import overlaps

_CLAUSE_MARKS = ("that", "whether", "if")


def find(scan: QuoteScan) -> list[FoundQuote]:
    found = []
    for noun in scan.words_where(POS, NOUN, LEMMA, scan.lexicon.nouns | VIEW_NOUNS):
        if scan.quoted(noun.idx) or negated(noun):
            continue
        item = at(scan, noun)
        if item is not None:
            found.append(item)
    return found


def at(scan: QuoteScan, noun: Token) -> FoundQuote | None:
    """The attribution a cue noun carries, if it carries one and has a source."""
    lemma = noun.lemma_.lower()
    if lemma in VIEW_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "in":
        return framed_clause(scan, noun)
    if lemma not in scan.lexicon.nouns:
        return None
    participle = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.i > noun.i
                       and scan.cue_lemma(c) is not None), None)
    if participle is not None:
        return _participle_clause(scan, noun, participle)
    if source_of_noun(noun, scan.lexicon) is None:
        return None
    clause = complement_clause(noun)
    if clause is not None:
        return _quote(scan, clause.left_edge.i, clause.right_edge.i + 1, noun)
    infinitive = _infinitive(noun)
    if infinitive is not None and lemma in INFINITIVE_CUE_NOUNS:
        return _quote(scan, infinitive.left_edge.i, infinitive.right_edge.i + 1, noun)
    return after_colon(scan, noun)


def _participle_clause(scan: QuoteScan, noun: Token, participle: Token) -> FoundQuote | None:
    """``a statement saying taxes will rise``: the participle's clause, cued by the participle, when
    the noun has a source."""
    clause = next((c for c in participle.children if c.dep_ == "ccomp" and c.i > participle.i), None)
    if clause is None or participle_source(noun, scan.lexicon) is None:
        return None
    return _quote(scan, clause.left_edge.i, clause.right_edge.i + 1, participle)


def _infinitive(noun: Token) -> Token | None:
    """``his pledge to cut taxes``: the infinitive after the noun."""
    return next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i and c.tag_ == "VB"
                 and to_infinitive(c)), None)


def complement_clause(noun: Token) -> Token | None:
    """``the claim that taxes will rise``: a finite clause with its own subject and a ``that``
    (``whether``) mark, not a relative clause (``the claim that he made``)."""
    for child in noun.children:
        if child.dep_ not in ("acl", "ccomp", "relcl", "appos") or child.i <= noun.i:
            continue
        mark = next((c for c in child.children if c.dep_ == "mark" and c.i < child.i), None)
        if mark is None or mark.lower_ not in _CLAUSE_MARKS:
            continue
        subject = next((c for c in child.children if c.dep_ in CLAUSE_SUBJECT_DEPS), None)
        if subject is None or subject.tag_ in ("WDT", "WP"):
            continue
        if finite(child):
            return child
    return None


def after_colon(scan: QuoteScan, noun: Token) -> FoundQuote | None:
    """``The agency's message: jobs are moving south.``: the rest of the sentence after the colon."""
    doc = noun.doc
    colon = noun.i + 1
    if colon >= len(doc) or doc[colon].text != ":" or colon + 1 >= len(doc) \
            or doc[colon + 1].text in QUOTE_MARK_TOKENS:
        return None  # a quote after the colon is the direct rules'
    end = doc[colon + 1].sent.end
    return _quote(scan, colon + 1, end, noun, finite=True)


def framed_clause(scan: QuoteScan, noun: Token) -> FoundQuote | None:
    """``In her view, the plan will fail.`` / ``The plan will fail, in her view.``: the clause the
    ``in`` phrase hangs from, without the phrase."""
    prep = noun.head
    if not any(c.dep_ == "poss" for c in noun.children) or source_of_noun(noun, scan.lexicon) is None:
        return None
    clause = prep.head
    if clause.pos_ not in ("VERB", "AUX") or prep.dep_ != "prep":
        return None
    doc = noun.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    phrase_start, phrase_end = prep.left_edge.i, prep.right_edge.i + 1
    if phrase_start == start and phrase_end < end and doc[phrase_end].text == ",":
        start = phrase_end + 1
    elif phrase_end >= end - 1 and phrase_start > start and doc[phrase_start - 1].text == ",":
        end = phrase_start - 1
    else:
        return None
    return _quote(scan, start, end, noun, finite=True)


def _quote(scan: QuoteScan, start: int, end: int, cue: Token, finite: bool = False) -> FoundQuote | None:
    doc = scan.doc
    _, para_end = scan.paragraph(cue.idx)
    end = min(end, scan.token_at_or_after(para_end))
    while start < end and (doc[start].dep_ == "mark" and doc[start].lower_ in CONTENT_AFTER_MARKS
                           or doc[start].is_punct and doc[start].text not in QUOTE_MARK_TOKENS
                           or doc[start].is_space):
        start += 1
    span = with_closing_mark(scan, trimmed(doc, start, end))
    if span is None or len(span) < 2 or not has_words_outside(span, scan.inside):
        return None
    if finite and not any(t.tag_ in FINITE_TAGS for t in span):
        return None
    return FoundQuote(span, type_for(span, scan.inside), doc[cue.i:cue.i + 1])


def add_reports(found: list[FoundQuote], nouns: list[FoundQuote]) -> list[FoundQuote]:
    """Earlier rules win: a noun cue's quote overlapping a report is dropped; a direct quote inside
    a noun cue's quote becomes part of it (mixed)."""
    reports = [f for f in found if f.quote_type != "direct"]
    kept: dict[tuple[int, int], FoundQuote] = {}
    for item in nouns:
        if not any(overlaps(item.span, r.span) for r in reports):
            kept.setdefault((item.span.start, item.span.end), item)
    out = []
    for item in found:
        inside = any(o.span.start <= item.span.start and item.span.end <= o.span.end for o in kept.values())
        if item.quote_type == "direct" and inside:
            continue
        out.append(item)
    # a direct quote partly inside a noun cue's quote: the direct quote stays, the noun's goes
    directs = [f for f in out if f.quote_type == "direct"]
    return out + [k for k in kept.values() if not any(overlaps(k.span, d.span) for d in directs)]

