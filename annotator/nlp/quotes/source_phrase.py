"""``By the clerk's tally, CLAUSE.``, ``Under state law, CLAUSE.``: a fronted ``by`` phrase naming a count
or a reading of the facts (``RECKONING_NOUNS``) or an ``under`` phrase naming a law (``LAW_NOUNS``),
set off by a comma, is the source of the clause after it, as ``according to`` names one; the cue is
the preposition, whose object the speakers read as they read ``according to``'s. Not a plan or a
deal (``Under the plan, …``: what it would do, which no one is said to claim)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.cue_words import LAW_NOUNS, RECKONING_NOUNS
from annotator.nlp.quotes.according_to import opening_clause, source_end
from annotator.nlp.quotes.found import FoundQuote, has_words_outside, trimmed, type_for, word_count
from annotator.nlp.quotes.scan import QuoteScan

#: The preposition → the nouns whose fronted phrase names a source.
SOURCE_NOUNS = {"by": RECKONING_NOUNS, "under": LAW_NOUNS}


def find(scan: QuoteScan) -> list[FoundQuote]:
    found = []
    for prep in scan.doc:
        nouns = SOURCE_NOUNS.get(prep.lower_)
        if nouns is not None and prep.dep_ in ("prep", "agent"):
            item = _fronted_source(scan, prep, nouns)
            if item is not None:
                found.append(item)
    return found


def _fronted_source(scan: QuoteScan, prep: Token, nouns: frozenset[str]) -> FoundQuote | None:
    """The clause a clause-opening ``By <count>,`` or ``Under <law>,`` reports, else None."""
    source = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in nouns or scan.quoted(prep.idx):
        return None
    doc = scan.doc
    para_start, para_end = scan.paragraph(prep.idx)
    sent = prep.sent
    first = max(sent.start, scan.token_at_or_after(para_start))
    last = min(sent.end, scan.token_at_or_after(para_end))
    if opening_clause(doc, first, prep.i) != prep.i:
        return None
    phrase_end = source_end(doc, prep, prep, max(prep.right_edge.i + 1, prep.i + 2))
    if phrase_end >= last or doc[phrase_end].text != ",":
        return None
    span = trimmed(doc, phrase_end + 1, last)
    if span is None or word_count(span) < 3 or not has_words_outside(span, scan.inside):
        return None
    return FoundQuote(span, type_for(span, scan.inside), doc[prep.i:prep.i + 1])
