"""``some of the ferry captains``, ``many of them``, ``two of the councillors``: a part of a group
that can speak can speak too (``speaks``), though ``name_words.could_speak``, which reads the head
word, takes a quantity for a thing."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.name_words import GROUP_PARTS, GROUP_PRONOUNS, could_speak


def partitive(token: Token) -> Token | None:
    """The group after ``of`` that ``token`` counts out a part of, when the group can speak."""
    if token.lower_ not in GROUP_PARTS and token.pos_ != "NUM":
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if group is None or not (group.lower_ in GROUP_PRONOUNS or could_speak(group)):
        return None
    return group


def speaks(token: Token) -> bool:
    """``could_speak``, or a part of a group that can (``partitive``)."""
    return could_speak(token) or partitive(token) is not None
