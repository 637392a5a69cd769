"""A stance taken in the speaker's own sentence: ``the union endorsed Clinton``, ``she supports the
ban``, ``most voters prefer a single payer``; the object is what is judged, a name alone included
(where the object rule reads ``thanked Clinton`` as whom an act was for, ``endorsed Clinton`` is
the stance itself). Only a verb heading its sentence: inside a relative or reported clause (``voters
who support the ban``) the stance is seldom the one the clause's subject is reported to hold.

``held_at`` is the rule the reports run with the lexicon's stance verbs: it also takes a personal
pronoun object (``she supported him``) and a clause coordinated with the sentence's own that has a
subject of its own (``farmers were split, and most millers backed Voss``); ``at`` is the shape the
learned frames open to every verb, where a pronoun object (``announced it``) names nothing."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.object_of_cue import object_quote
from annotator.nlp.quotes.scan import QuoteScan


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.dep_ != "ROOT" or verb.lemma_.lower() not in scan.lexicon.stance_verbs:
        return []
    return object_quote(scan, verb, names_said=True)


def held_at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.lemma_.lower() not in scan.lexicon.stance_verbs or not _heads_its_clause(verb):
        return []
    return object_quote(scan, verb, names_said=True, pronouns_said=True)


def _heads_its_clause(verb: Token) -> bool:
    """The sentence's verb, or one coordinated with it with a subject of its own."""
    if verb.dep_ == "ROOT":
        return True
    return verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children)
