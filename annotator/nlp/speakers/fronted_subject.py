"""``WASHINGTON – Ada Lee has said …``, ``Denver (AP) – Lee said …``, ``The morning after, beside the
canal, Ms. Ode was blunt, claiming …``: the parser reads a dateline, or a fronted time, place or
phrase set off by a comma or a dash, as a second subject of the verb; the subject right before the
verb is the one who acts (``nearest_subject``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotator.nlp.lexicon import CLAUSE_CLOSE
from annotator.nlp.name_words import FLOATING_QUANTIFIERS, could_speak


def nearest_subject(verb: Token, first: Token) -> Token:
    """Of a verb's subjects, the one right before it when a comma or dash sets off ``first`` (the
    first subject the parser gave it); a list of subjects (``Lee, Ruiz and Park said``), a subject
    set off before the verb (``Lee, the chair, said``) and a floating quantifier (``the leaders
    both said``) keep the first. A relative pronoun the parser hung on the verb as a first subject
    beside its own (``the toll, which he said helps …``) is the reported clause's: the second one
    acts. A verb set off after a comma with its subject right after it (``The plan, said Ruiz, will
    fail.``) has that one: the parser hangs the clause's own subject before it on the verb too."""
    if first.i > verb.i:
        return first
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    if first.tag_ in RELATIVE_SUBJECT_TAGS:
        own = next((c for c in verb.lefts if first.i < c.i and c.dep_ == "nsubj"), None)
        if own is not None and own.tag_ not in RELATIVE_SUBJECT_TAGS:
            return own
    doc = verb.doc
    for child in verb.lefts:
        if child.i > first.i and child.dep_ == "nsubj" and child.lower_ not in FLOATING_QUANTIFIERS \
                and _punctuation_between(doc, first.i + 1, child.left_edge.i) \
                and not _punctuation_between(doc, child.right_edge.i + 1, verb.i) and not _listed(doc, first, child):
            return child
    return first


def _inverted_subject(verb: Token) -> Token | None:
    """The subject right after a verb that a comma or dash sets off before it, a comma or the
    sentence's end right after the subject (``, said Ruiz,``); not a clause's subject the parser hung
    on the verb (``Ruiz, who …, said closed primaries -- … -- deny …``)."""
    doc = verb.doc
    if not _set_off(verb):
        return None
    subject = next((c for c in verb.rights if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1), None) \
        or misplaced_speaker(verb)
    if subject is None:
        return None
    after = after_phrase(subject)
    if after < verb.sent.end and doc[after].text not in CLAUSE_CLOSE:
        return None
    return subject


def after_phrase(subject: Token) -> int:
    """Where the subject's phrase ends: its comma when the parser hung the closing comma on it, else
    the token right after its last word."""
    last = subject.right_edge.i
    return last if subject.doc[last].text == "," else last + 1


def _set_off(verb: Token) -> bool:
    """A comma, dash, colon or bracket (``_SETTING_OFF``) stands right before the verb (``The plan, said Ruiz``)."""
    return verb.i > 0 and verb.doc[verb.i - 1].text in _SETTING_OFF


def misplaced_speaker(verb: Token) -> Token | None:
    """``The new schedule, said Ruiz, a clerk, will fail.`` parsed with the clause's subject on
    ``said`` and ``Ruiz`` as the subject of the clause after it: the subject right after a verb set
    off by a comma or dash, hung on the verb's complement clause, a comma right after it, when the
    verb's own subject is a thing (``The mayor, who …, said Ruiz, a clerk, would resign``: the mayor
    said it, with the same parse)."""
    doc = verb.doc
    first = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if not _set_off(verb) or first is None or could_speak(first):
        return None
    for clause in verb.rights:
        subject = next((c for c in clause.lefts if c.dep_ == "nsubj"), None) if clause.dep_ == "ccomp" else None
        if subject is None or subject.left_edge.i != verb.i + 1:
            continue
        comma = after_phrase(subject)
        if comma < clause.i and doc[comma].text == ",":
            return subject
    return None


#: The relative pronouns the parser may hang on a relative clause's cue as a second subject.
RELATIVE_SUBJECT_TAGS = frozenset({"WDT", "WP"})

#: What sets a dateline or a fronted phrase off from the subject after it (a hyphen joins words).
_SETTING_OFF = frozenset({",", "–", "—", "―", "--", "(", ")", ":"})


def _punctuation_between(doc: Doc, start: int, end: int) -> bool:
    """A comma, dash, colon or parenthesis among the tokens ``start`` to ``end`` (not included)."""
    return any(doc[i].text in _SETTING_OFF for i in range(start, end))


def _listed(doc: Doc, first: Token, second: Token) -> bool:
    """The two subjects are items of one list: ``including`` or a conjunction on either between
    them, or a conjunction on the second (``Lee, Ruiz and Park``); not one inside a phrase."""
    between = (doc[i] for i in range(first.right_edge.i + 1, second.left_edge.i))
    return any(t.lower_ == "including" or t.dep_ == "cc" and t.head.i in (first.i, second.i) for t in between) \
        or any(c.dep_ in ("cc", "conj") for c in second.children)
