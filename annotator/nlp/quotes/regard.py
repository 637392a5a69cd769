"""A view held of someone or something: ``voters see Clinton as the safer choice``, ``she cast her
rival as an insider``; the object with its ``as`` phrase is what is believed, the verb the cue.
Only a verb heading its sentence or coordinated with it: as a participle (``casting the actor as
…``) the same words are seldom a view."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.object_of_cue import object_quote
from annotator.nlp.quotes.scan import QuoteScan


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.dep_ not in ("ROOT", "conj") or verb.lemma_.lower() not in scan.lexicon.regard_verbs:
        return []
    thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if thing is None or not _as_phrase_after(verb, thing):
        return []  # "saw the rally": a thing seen, not a view
    return object_quote(scan, verb, names_said=True)


def _as_phrase_after(verb: Token, thing: Token) -> bool:
    """``as …`` after the object, hung on the verb or (as parsers often do) on the object."""
    return any(c.i > thing.i and (c.dep_ == "prep" and c.lower_ == "as" or c.dep_ == "oprd") for c in verb.children) \
        or any(c.dep_ == "prep" and c.lower_ == "as" for c in thing.children)
