"""``rule:support-among``: a noun of backing with a possessor and an ``among`` phrase, the way a poll's
report says who backs whom: ``Ames's support among dockworkers has slipped``, ``had her best backing
among older voters``. The possessor is the one backed, the attribution's content; the ``among``
object (its head noun and the words before it) is the speaker, the noun the cue. Shown by its
measured rate (``scores``); a possessor with ``for`` after the noun holds the stance instead
(``quotes.stance_noun``: ``Ames's support for the levy``)."""

from __future__ import annotations

import numpy
from spacy.tokens import Span, Token

from annotator.nlp.cue_words import FIRST_SECOND_POSSESSIVES
from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.quotes.found import content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind

SUPPORT_AMONG_SOURCE = "rule:support-among"
#: English nouns of backing given by a group, with the prepositions that name the group (a class of
#: the language, not a corpus list; ``popularity``/``standing`` with ``among``/``with`` were measured
#: and left out: see docs/prelabel.md, session 35).
BACKING_NOUNS = {"support": frozenset({"among"}), "backing": frozenset({"among"})}


def support_among(scan: QuoteScan, noun: Token) -> list[BroadFind]:
    if noun.lemma_.lower() not in BACKING_NOUNS or scan.quoted(noun.idx):
        return []
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)
    group = _group(noun, BACKING_NOUNS[noun.lemma_.lower()])
    if owner is None or group is None or owner.lower_ in FIRST_SECOND_POSSESSIVES or _stance_for(noun):
        return []
    doc = scan.doc
    found = content_quote(scan, noun, owner.left_edge.i, owner.i, doc[noun.i:noun.i + 1])
    speaker = Span(doc, group.left_edge.i, group.i + 1)
    return [BroadFind(SUPPORT_AMONG_SOURCE, f, speaker, True) for f in found]


def _stance_for(noun: Token) -> bool:
    """A ``for`` after the noun: the possessor holds a stance on its object (``stance_noun``'s)."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and c.i > noun.i for c in noun.children)


def _group(noun: Token, prepositions: frozenset[str]) -> Token | None:
    """The object of the ``among`` (or the noun's other group preposition) after the noun, hung on the
    noun or on the verb whose object it is (``had her best support among farmers``)."""
    candidates = list(noun.children)
    if noun.dep_ == "dobj":
        candidates += [c for c in noun.head.children if c.i > noun.i]
    prep = next((c for c in candidates if c.dep_ == "prep" and c.lower_ in prepositions and c.i > noun.i), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def support_among_gate(f: ParseFacts) -> numpy.ndarray:
    """A noun with a possessor before it."""
    return f.part_of_speech("NOUN") & f.child({"poss"}, "before")
