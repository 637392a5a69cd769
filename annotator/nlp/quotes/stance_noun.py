"""A stance carried by a noun: ``the senator's support for the bill``, ``her attacks on the press``
(the possessor holds it), and ``took a swipe at the ruling``, ``made the case for a tax``,
``voiced concerns about turnout`` (a light verb's subject holds it). What the stance is about,
the preposition's object, is the attribution's content; the stance nouns and their prepositions are
the lexicon's ``stance_nouns``, the light verbs its ``light_verbs``."""

from __future__ import annotations

from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Token

from annotator.nlp.cue_words import FIRST_SECOND_POSSESSIVES
from annotator.nlp.doc_words import meant_act, negated, passive
from annotator.nlp.name_words import HOLDING_POSSESSIVES, could_speak, reporting_subject
from annotator.nlp.quotes.found import FoundQuote, content_quote
from annotator.nlp.quotes.object_of_cue import MAIN_DEPS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of

_NOUN = POS_IDS["NOUN"]


def find(scan: QuoteScan) -> list[FoundQuote]:
    found = []
    for noun in scan.words_where(POS, _NOUN, LOWER, scan.lexicon.stance_nouns):
        if not scan.quoted(noun.idx) and not negated(noun):
            found += held(scan, noun) or taken(scan, noun)
    return found


def held(scan: QuoteScan, noun: Token) -> list[FoundQuote]:
    """``the senator's support for the bill``: a stance noun with a possessor who can hold it."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)
    if owner is None or owner.lower_ in FIRST_SECOND_POSSESSIVES:
        return []
    if owner.lower_ not in HOLDING_POSSESSIVES and (owner.pos_ == "PRON" or not could_speak(owner)):
        return []
    return _about(scan, noun, noun, noun.i + 1)


def taken(scan: QuoteScan, noun: Token) -> list[FoundQuote]:
    """``took a swipe at the ruling``: a stance noun, object of a light verb whose subject can hold it."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in scan.lexicon.light_verbs \
            or verb.dep_ not in MAIN_DEPS or negated(verb) or scan.quoted(verb.idx):
        return []
    if passive(verb):
        return []
    if meant_act(verb):
        return []  # "plans to make the case for": an act meant, not one done
    subject = subject_of(verb, scan.lexicon)
    if not reporting_subject(subject):
        return []
    return _about(scan, noun, verb, verb.i)


def _about(scan: QuoteScan, noun: Token, holder: Token, cue_start: int) -> list[FoundQuote]:
    """What ``noun`` is about (the object of its preposition, which the parser hangs on the noun or
    on its verb) as a quote; the cue runs from ``cue_start`` to the preposition."""
    prepositions = scan.lexicon.stance_nouns.get(noun.lower_) or scan.lexicon.stance_nouns.get(noun.lemma_.lower())
    candidates = list(noun.children) + ([c for c in holder.children if c.i > noun.i] if holder is not noun else [])
    prep = next((c for c in candidates if c.dep_ == "prep" and c.i > noun.i and c.lower_ in prepositions), None)
    thing = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if thing is None or thing.tag_ in ("WDT", "WP"):
        return []
    doc = scan.doc
    cue = doc[cue_start:prep.i + 1] if holder is not noun and prep.i - holder.i <= 6 else doc[noun.i:noun.i + 1]
    return content_quote(scan, noun, thing.left_edge.i, thing.right_edge.i, cue)
