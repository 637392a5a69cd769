"""What a verb of saying or asking takes through its preposition: ``called for new talks``,
``warned of a recession``, ``complained about the cuts``; the preposition's object is the
attribution's content, the verb and its preposition the cue (the speaker is the verb's subject)."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.name_words import another_speaker, could_speak
from annotator.nlp.quotes.found import FoundQuote, content_quote, negated
from annotator.nlp.quotes.object_of_cue import MAIN_DEPS
from annotator.nlp.quotes.own_clause import own_clause
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.speakers import subject_of


def at(scan: QuoteScan, verb: Token) -> list[FoundQuote]:
    prepositions = scan.lexicon.prepositional_verbs.get(verb.lemma_.lower())
    if not prepositions or verb.pos_ != "VERB" or negated(verb) or scan.quoted(verb.idx) \
            or verb.dep_ not in MAIN_DEPS and not own_clause(verb, scan.lexicon):
        return []
    children = list(verb.children)
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return []  # "refused to comment on it": an act refused, not one done
    if any(c.dep_ in ("auxpass", "nsubjpass", "ccomp", "dobj") for c in children):
        return []  # a passive has no speaker; a clause or an object is another rule's
    prep = next((c for c in children if c.dep_ in ("prep", "prt") and c.lower_ in prepositions and c.i > verb.i), None)
    if prep is None:
        return []
    if prep.dep_ == "prt":  # "lashed out at", "weighed in on": the particle, then the preposition
        prep = next((c for c in children if c.dep_ == "prep" and c.i > prep.i), None)
        if prep is None:
            return []
    thing = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if thing is None or thing.pos_ in ("PRON", "DET") or thing.tag_ in ("WDT", "WP"):
        return []
    subject = subject_of(verb, scan.lexicon)
    if not another_speaker(subject) or not could_speak(subject):
        return []
    doc = scan.doc
    cue = doc[verb.i:prep.i + 1] if prep.i - verb.i <= 2 else doc[verb.i:verb.i + 1]
    last = thing.right_edge.i
    # ``called on the board to resign``: the person called on and what they are to do.
    asked = next((c for c in children if c.dep_ in ("xcomp", "advcl") and c.i > last
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if asked is not None and asked.left_edge.i == last + 1:
        last = asked.right_edge.i
    return content_quote(scan, verb, thing.left_edge.i, last, cue)
