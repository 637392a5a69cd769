"""What a poll, a study or a count shows in a clause without a tense: ``the poll showed Trump
leading``, ``the survey found most voters undecided``; the clause is the finding and its subject,
a thing as often as a person, the source. A clause with a tense (``found that most voters …``) is
the reported-clause rule's."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.name_words import FIRST_SECOND_PERSON
from annotator.nlp.quotes.found import FoundQuote, content_quote, finite, negated
from annotator.nlp.quotes.scan import QuoteScan

#: Where the verb may stand: its own sentence, or a clause sharing its subject.
MAIN_DEPS = frozenset({"ROOT", "conj", "advcl"})


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.lemma_.lower() not in scan.lexicon.evidence_verbs or verb.pos_ != "VERB" or verb.dep_ not in MAIN_DEPS:
        return []
    if negated(verb) or scan.quoted(verb.idx):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.lower_ in FIRST_SECOND_PERSON:
        return []
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or finite(clause):
        return []
    return content_quote(scan, verb, clause.left_edge.i, clause.right_edge.i, scan.doc[verb.i:verb.i + 1], min_tokens=2)
