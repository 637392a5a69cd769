"""``By the clerk's tally, CLAUSE.``, ``Under state law, CLAUSE.``: a fronted ``by`` phrase naming a count
or a reading of the facts (``RECKONING_NOUNS``) or an ``under`` phrase naming a law (``LAW_NOUNS``),
set off by a comma, is the source of the clause after it, as ``according to`` names one; the cue is
the preposition, whose object the speakers read as they read ``according to``'s. Not a plan or a
deal (``Under the plan, …``: what it would do, which no one is said to claim)."""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Token

from annotator.nlp.cue_words import LAW_NOUNS, RECKONING_NOUNS
from annotator.nlp.quotes.according_to import fronted_phrase_end, opening_clause, phrase_report
from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.scan import QuoteScan

#: The preposition → the nouns whose fronted phrase names a source.
SOURCE_NOUNS = {"by": RECKONING_NOUNS, "under": LAW_NOUNS}


def find(scan: QuoteScan) -> list[FoundQuote]:
    found = []
    for prep in scan.words_of(LOWER, SOURCE_NOUNS):
        if prep.dep_ in ("prep", "agent"):
            item = _fronted_source(scan, prep, SOURCE_NOUNS[prep.lower_])
            if item is not None:
                found.append(item)
    return found


def _fronted_source(scan: QuoteScan, prep: Token, nouns: frozenset[str]) -> FoundQuote | None:
    """The clause a clause-opening ``By <count>,`` or ``Under <law>,`` reports, else None."""
    source = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in nouns or scan.quoted(prep.idx):
        return None
    doc = scan.doc
    first, last = scan.sentence_in_paragraph(prep)
    if opening_clause(doc, first, prep.i) != prep.i:
        return None
    phrase_end = fronted_phrase_end(doc, prep, last)
    if phrase_end is None:
        return None
    return phrase_report(scan, phrase_end + 1, last, prep)
