"""A stance taken in the speaker's own sentence: ``the union endorsed Clinton``, ``she supports the
ban``, ``most voters prefer a single payer``; the object is what is judged, a name alone included
(where the object rule reads ``thanked Clinton`` as whom an act was for, ``endorsed Clinton`` is
the stance itself). Only a verb heading its sentence: inside a relative or reported clause (``voters
who support the ban``) the stance is seldom the one the clause's subject is reported to hold."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.quotes.found import FoundQuote
from annotator.nlp.quotes.object_of_cue import object_quote
from annotator.nlp.quotes.scan import QuoteScan


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    if verb.dep_ != "ROOT" or verb.lemma_.lower() not in scan.lexicon.stance_verbs:
        return []
    return object_quote(scan, verb, names_said=True)
