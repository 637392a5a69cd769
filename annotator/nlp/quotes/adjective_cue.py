"""An adjective of belief or feeling with the clause it governs: ``she is confident that the bill
will pass``, ``they were worried the talks would fail``; the clause is the attribution's content and
the copula with its adjective (``is confident``) the cue, so the speaker is the copula's subject.
An adjective of will (``lexicon.will_adjectives``) reports its ``to`` infinitive the same way: ``the
union is eager to reopen talks`` (``the road is likely to flood`` is no will: not a cue adjective)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import finite, negated, to_infinitive
from annotator.nlp.lexicon import CONTENT_AFTER_MARKS
from annotator.nlp.name_words import reporting_subject
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of


def at(scan: QuoteScan, copula: Token) -> list[FoundQuote]:
    if copula.lemma_.lower() not in scan.lexicon.linking_verbs or scan.quoted(copula.idx) or negated(copula):
        return []
    adjective = next((c for c in copula.children if c.dep_ == "acomp" and c.i > copula.i
                      and (c.lemma_.lower() in scan.lexicon.adjectives or _of_will(scan, c))), None)
    if adjective is None or negated(adjective):
        return []
    clause = next((c for c in adjective.children if c.dep_ == "ccomp" and c.i > adjective.i), None) \
        or next((c for c in copula.children if c.dep_ == "ccomp" and c.i > adjective.i), None)
    if clause is None or not finite(clause):
        clause = _willed(scan, copula, adjective)
    if clause is None:
        return []  # "is ready to go", "is happy with it": no clause, no report
    subject = subject_of(copula, scan.lexicon, climb=0)
    if not reporting_subject(subject):
        return []
    doc = scan.doc
    return content_quote(scan, copula, _after_mark(clause), clause.right_edge.i, doc[copula.i:adjective.i + 1],
                         min_tokens=2)


def _willed(scan: QuoteScan, copula: Token, adjective: Token) -> Token | None:
    """``eager to reopen talks``: an adjective of will's ``to`` infinitive, or None; not after a
    linking verb in its base form (``would be eager to``, ``seems to be keen to``): a will supposed,
    not one held."""
    if not _of_will(scan, adjective) or copula.tag_ == "VB":
        return None
    return next((c for c in adjective.children if c.dep_ == "xcomp" and c.i > adjective.i and to_infinitive(c)), None)


def _of_will(scan: QuoteScan, adjective: Token) -> bool:
    # by its form too: a tagger reads ``inclined`` as a participle of ``incline``
    return adjective.lemma_.lower() in scan.lexicon.will_adjectives or adjective.lower_ in scan.lexicon.will_adjectives


def _after_mark(clause: Token) -> int:
    """Where the clause's words start: after its ``that`` (``CONTENT_AFTER_MARKS``) and any punctuation."""
    doc = clause.doc
    start = clause.left_edge.i
    while start < clause.i and (doc[start].dep_ == "mark" and doc[start].lower_ in CONTENT_AFTER_MARKS
                                or doc[start].is_punct or doc[start].is_space):
        start += 1
    return start
