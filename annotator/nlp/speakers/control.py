"""Who does what a subjectless infinitive or participle says when that is not the subject above it:
the object of the verb it complements (``the slump led donors to worry that …``, ``the delay left
farmers wondering whether …``, ``the firm relies on users to report …``) and the noun an
infinitive describes (``the first senator to endorse the plan``). English object control: a verb
with an object and an infinitive or participle complement gives the complement the object as its
subject; ``promise`` is the one common verb that keeps its own subject."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_words import to_aux, to_infinitive
from annotator.nlp.name_words import FIRST_SECOND_PERSON, PERSON_OBJECT_PRONOUNS, TIME_ENTITIES, could_speak
from annotator.nlp.cue_words import CONTROL_PREPOSITIONS, GERUND_PREPOSITIONS, SUBJECT_CONTROL_VERBS


def object_controller(verb: Token) -> Token | None:
    """The object before an infinitive or participle complement (``xcomp``) of a verb, when it can
    speak and the verb is no subject-control one: the one who does what the complement says."""
    if verb.dep_ != "xcomp" or verb.head.pos_ != "VERB" or verb.head.lemma_.lower() in SUBJECT_CONTROL_VERBS:
        return None
    if not (to_infinitive(verb) or verb.tag_ == "VBG"):
        return None
    head = verb.head
    for child in head.children:
        if child.i > verb.i:
            break
        if child.dep_ == "dobj":
            return speaking_object(child)
        if child.dep_ == "prep" and child.lower_ in CONTROL_PREPOSITIONS:
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            if found is not None:
                return speaking_object(found)
    return None


def gerund_object(verb: Token) -> Token | None:
    """The object of the verb a gerund hangs from through ``for``, ``from`` or ``of``, when it can
    speak: the one who does what the gerund says (``criticized the mayor for saying …``,
    ``stopped his aide from writing about …``, ``accused the mayor of hiding …``)."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or preposition.lower_ not in GERUND_PREPOSITIONS \
            or preposition.head.pos_ != "VERB":
        return None
    found = next((c for c in preposition.head.children if c.dep_ in ("dobj", "dative") and c.i < preposition.i), None)
    return speaking_object(found) if found is not None else None


def for_subject(verb: Token) -> Token | None:
    """The noun right before an infinitive's ``to`` that ``for`` or ``on`` brings, when it can speak:
    the infinitive's subject (``an opening for the mayor to highlight …``, ``pressure on her to say …``)."""
    to = to_aux(verb)
    if to is None or to.i == 0:
        return None
    before = verb.doc[to.i - 1]
    noun = before if before.dep_ == "pobj" else before.head if before.head.dep_ == "pobj" else None
    if noun is None or noun.right_edge.i != to.i - 1 or noun.ent_type_ in TIME_ENTITIES:
        return None
    preposition = noun.head
    # ``on`` only under a noun (``pressure on her to``), not a verb's time (``tweeted on Friday to``)
    if preposition.lower_ != "for" and not (preposition.lower_ in CONTROL_PREPOSITIONS
                                            and preposition.head.pos_ == "NOUN"):
        return None
    return speaking_object(noun)


def of_holder(verb: Token) -> Token | None:
    """The speaking noun under ``of`` of a thing a participle describes (``the share of voters
    saying …``, ``the spectacle of the mayor denouncing …``): the participle's subject."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or head.i > verb.i or could_speak(head):
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < verb.i), None)
    found = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return speaking_object(found) if found is not None else None


def infinitive_noun(verb: Token) -> Token | None:
    """The noun a ``to`` infinitive describes, when it can speak (``the first senator to endorse``)."""
    if verb.dep_ not in ("relcl", "acl") or not to_infinitive(verb) or verb.head.i > verb.i:
        return None
    return speaking_object(verb.head) if verb.head.pos_ in ("NOUN", "PROPN") else None


def speaking_object(token: Token) -> Token | None:
    """The token, when it names one who can speak: a person's object pronoun, or a word
    ``could_speak`` takes that is not the writer or the reader."""
    return token if token.lower_ in PERSON_OBJECT_PRONOUNS or token.lower_ not in FIRST_SECOND_PERSON and could_speak(token) \
        else None


def controller(verb: Token) -> Token | None:
    """Who does what a verb without a subject of its own says, by the first of the patterns above."""
    for pattern in (object_controller, gerund_object, for_subject, of_holder, infinitive_noun):
        found = pattern(verb)
        if found is not None:
            return found
    return None
