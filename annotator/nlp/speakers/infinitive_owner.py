"""``The mayor will have more to say about the levy``, ``the senator has a case to make for …``,
``the union issued a statement calling for …``, ``the union opened the week with an advert
attacking …``, ``the union issued a statement that called for …``: a cue verb in a ``to``
infinitive, a participle or a ``that``/``which`` clause that describes the object of another verb
(or of its preposition) speaks for that verb's subject (the object is a thing, no speaker). Asked
before the cue's own subject, which would be the relative pronoun."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.nlp.doc_words import to_infinitive
from annotator.nlp.name_words import could_speak
from annotator.nlp.speakers.cue_subject import subject_outside_marks
from annotator.nlp.speakers.fronted_subject import RELATIVE_SUBJECT_TAGS
from annotator.nlp.speakers.scan import VERB, SpeakerScan, cue_kind


def owner_verb(verb: Token) -> Token | None:
    """The verb whose object (or attribute, or the object of its preposition) a ``to`` infinitive, a
    participle or a ``that``/``which`` clause describes, when that object cannot speak (``have more to say``, ``has a case to
    make``, ``issued a statement calling``, ``opened the week with an advert attacking``). Not a verb the
    parser reads as a preposition (``according to a poll that shows …``, ``compared with …``): it has no
    subject, and the one found up the sentence says nothing of the poll's."""
    head = verb.head
    owner = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
    if verb.dep_ not in ("relcl", "acl") or head.i > verb.i or head.dep_ not in ("dobj", "attr", "pobj") \
            or owner.pos_ not in ("VERB", "AUX") or owner.dep_ == "prep" or could_speak(head) \
            or not (to_infinitive(verb)
                    or verb.dep_ == "acl" and verb.tag_ == "VBG"
                    or verb.dep_ == "relcl" and _relative_subject_only(verb)):
        return None
    return owner


def _relative_subject_only(verb: Token) -> bool:
    """``which`` is the clause's subject, and no other subject stands beside it (``which she said
    helps …``: the parser's second subject is the cue's own, who speaks)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(c.tag_ == "WDT" for c in subjects) and all(c.tag_ in RELATIVE_SUBJECT_TAGS for c in subjects)


def find(scan: SpeakerScan, cue: Span, quote: Span | None) -> Span | None:
    if cue_kind(cue) != VERB:
        return None
    owner = owner_verb(cue.root)
    subject = subject_outside_marks(scan, owner) if owner is not None else None
    return scan.mention(subject) if subject is not None else None
