"""A stance taken in the speaker's own sentence: ``the union endorsed Clinton``, ``she supports the
ban``, ``most voters prefer a single payer``; the object is what is judged, a name alone included
(where the object rule reads ``thanked Clinton`` as whom an act was for, ``endorsed Clinton`` is
the stance itself), and so is a personal pronoun (``she supported him``). Only a verb heading its
sentence, or a clause coordinated with it that has a subject of its own (``whites were split, and
most men backed Voss``): inside a relative or reported clause (``voters who support the ban``) the
stance is seldom the one the clause's subject is reported to hold."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.object_of_cue import object_quote
from annotator.nlp.quotes.scan import QuoteScan


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.lemma_.lower() not in scan.lexicon.stance_verbs or not _heads_its_clause(verb):
        return []
    return object_quote(scan, verb, names_said=True, pronouns_said=True)


def _heads_its_clause(verb: Token) -> bool:
    """The sentence's verb, or one coordinated with it with a subject of its own."""
    if verb.dep_ == "ROOT":
        return True
    return verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children)
