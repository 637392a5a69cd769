"""``The delay left farmers wondering whether …``, ``the ruling prompted several to predict that …``: a
cue verb with no subject of its own, a participle or infinitive under a verb of causing
(``cue_words.CAUSING_CONTROL_VERBS``) whose subject is a thing, speaks for that verb's object (a
thing wonders nothing; ``cue_subject`` would climb to it). Asked before ``cue_subject``."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.cue_words import CAUSING_CONTROL_VERBS
from annotator.nlp.doc_words import to_infinitive
from annotator.nlp.name_words import GROUP_PARTS, could_speak
from annotator.nlp.speakers.control import speaking_object
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    caused = caused_object(cue.root)
    return scan.mention(caused) if caused is not None else None


def caused_object(verb: Token) -> Token | None:
    """The object, when it can speak (or a bare ``some``, ``many``), of the verb of causing ``verb``
    complements, whose subject cannot; None for a verb with a subject of its own."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.i == verb.i or head.lemma_.lower() not in CAUSING_CONTROL_VERBS \
            or not (verb.tag_ == "VBG" or to_infinitive(verb)) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None or subject.dep_ == "nsubj" and could_speak(subject):
        return None
    found = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if found is None:
        return None
    # a bare part of a group is people (``prompted several to predict``, ``left many wondering``)
    return found if found.lower_ in GROUP_PARTS and not list(found.children) else speaking_object(found)
