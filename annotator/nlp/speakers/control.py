"""Who does what a subjectless infinitive or participle says when that is not the subject above it:
the object of the verb it complements (``the slump led donors to worry that …``, ``the delay left
farmers wondering whether …``, ``the firm relies on users to report …``) and the noun an
infinitive describes (``the first senator to endorse the plan``). English object control: a verb
with an object and an infinitive or participle complement gives the complement the object as its
subject; ``promise`` is the one common verb that keeps its own subject."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.name_words import FIRST_SECOND_PERSON, could_speak

#: Verbs whose subject, not their object, does what their infinitive says (``promised voters to …``).
SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge"})
#: The prepositions a verb's object-like complement comes with (``relies on users to report``,
#: ``called on leaders to act``).
CONTROL_PREPOSITIONS = frozenset({"on", "upon"})


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def object_controller(verb: Token) -> Token | None:
    """The object before an infinitive or participle complement (``xcomp``) of a verb, when it can
    speak and the verb is no subject-control one: the one who does what the complement says."""
    if verb.dep_ != "xcomp" or verb.head.pos_ != "VERB" or verb.head.lemma_.lower() in SUBJECT_CONTROL:
        return None
    if not (_has_to(verb) or verb.tag_ == "VBG"):
        return None
    head = verb.head
    for child in head.children:
        if child.i > verb.i:
            break
        if child.dep_ == "dobj":
            return _speaking(child)
        if child.dep_ == "prep" and child.lower_ in CONTROL_PREPOSITIONS:
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            if found is not None:
                return _speaking(found)
    return None


def infinitive_noun(verb: Token) -> Token | None:
    """The noun a ``to`` infinitive describes, when it can speak (``the first senator to endorse``)."""
    if verb.dep_ not in ("relcl", "acl") or not _has_to(verb) or verb.head.i > verb.i:
        return None
    return _speaking(verb.head) if verb.head.pos_ in ("NOUN", "PROPN") else None


def _speaking(token: Token) -> Token | None:
    return token if token.lower_ not in FIRST_SECOND_PERSON and could_speak(token) else None


def controller(verb: Token) -> Token | None:
    """``object_controller`` or ``infinitive_noun``."""
    return object_controller(verb) or infinitive_noun(verb)
