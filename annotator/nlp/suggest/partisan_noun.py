"""``rule:partisan-noun``: a noun for one who takes a side (``PARTISAN_NOUNS``) as what ``be`` says its
subject is, with the side it takes: ``the senator is a firm backer of the ferry levy``, ``Ms. Ode has
been a critic of the dredging plan`` (the ``of`` object), ``the dockers are Ames supporters`` (the
name compounded with it). The side is the attribution's content, the subject its speaker; the cue is
``be`` through the ``of`` (the noun alone before a compounded name). Shown by its measured rate
(``scores``); the same nouns elsewhere (``a critic of the plan said``) name a speaker, not a
stance, and are left alone."""

from __future__ import annotations

import numpy
from spacy.tokens import Token

from annotator.nlp.doc_words import negated
from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.quotes.found import content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind, shape_content
from annotator.nlp.suggest.holders import speaking_subject

PARTISAN_SOURCE = "rule:partisan-noun"
#: English nouns for one who backs or opposes a side (a class of the language, not a corpus list).
PARTISAN_NOUNS = frozenset({"supporter", "backer", "proponent", "advocate", "defender", "opponent", "critic",
                            "detractor", "foe"})


def partisan_noun(scan: QuoteScan, noun: Token) -> list[BroadFind]:
    if noun.lemma_.lower() not in PARTISAN_NOUNS:
        return []
    predicate = noun.head if noun.dep_ == "conj" else noun
    verb = predicate.head
    if predicate.dep_ != "attr" or verb.lemma_ != "be" or negated(verb) or verb.i > noun.i:
        return []
    speaker = speaking_subject(verb, scan.lexicon)
    if speaker is None:
        return []
    doc = scan.doc
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i), None)
    thing = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if thing is not None:
        found = shape_content(scan, noun, thing.left_edge.i, thing.right_edge.i, doc[verb.i:prep.i + 1])
    else:
        name = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i]
        found = content_quote(scan, noun, name[0].left_edge.i, name[-1].i, doc[noun.i:noun.i + 1]) if name else []
    return [BroadFind(PARTISAN_SOURCE, f, speaker, True) for f in found]


def partisan_gate(f: ParseFacts) -> numpy.ndarray:
    """A noun standing as ``be``'s predicate (or a conjunct of one), with an ``of`` after it or a
    name compounded with it."""
    return f.label({"attr", "conj"}) & (f.parent_of(f.label({"prep"}) & f.reads({"of"}), "after")
                                        | f.parent_of(f.label({"compound"}) & f.part_of_speech("PROPN"), "before"))
