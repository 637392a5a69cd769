"""``rule:named-noun`` and ``rule:named-name``: a noun given a name by a participle of naming
(``lexicon.NAMING_PARTICIPLES``: ``the contests known as Super Tuesday``, ``a group called the
Harbour Trust``, ``the plan, dubbed Operation Tide,``): nobody is said to give the name, so the noun
(without the participle) and the name are two pieces of a report without a source, cut around the
participle as attribution corpora cut a raising verb's content (``raised``). ``the so-called freedom
plan`` gives one piece, the words the name covers. The participle (with its ``as``) is the cue; no
speaker. ``rule:reported-noun``: the noun a bare participle of a cue verb hangs from (``reported_noun``)."""

from __future__ import annotations

import numpy
from spacy.tokens import Span, Token

from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.lexicon import NAMING_PARTICIPLES
from annotator.nlp.quotes.found import content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind
from annotator.nlp.suggest.raised import CLAUSE_CHILDREN

NOUN_SOURCE = "rule:named-noun"
NAME_SOURCE = "rule:named-name"
NAMED_SOURCES = (NOUN_SOURCE, NAME_SOURCE)
REPORTED_SOURCE = "rule:reported-noun"
#: How a participle hangs from the noun it names: a reduced relative (``acl``), or ``so-called``
#: before it (``amod``).
NAMING_DEPS = frozenset({"acl", "amod"})
#: The name after the participle: its predicate (``called the Harbour Trust``) or object.
NAME_DEPS = frozenset({"oprd", "dobj", "attr"})
#: A participle as the tagger reads it (a reduced relative's is now and then read as a past tense).
PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})


def _name(verb: Token) -> tuple[Token, Token | None] | None:
    """The name a naming participle gives (a predicate or object after it, or ``as``'s object) and
    its ``as``, or None; ``known`` names only with ``as`` (``known for`` is not a name)."""
    after = [c for c in verb.children if c.i > verb.i]
    prep = next((c for c in after if c.dep_ == "prep" and c.lower_ == "as"), None)
    if prep is not None:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        return None if obj is None else (obj, prep)
    if verb.lower_ == "known":
        return None
    name = next((c for c in after if c.dep_ in NAME_DEPS), None)
    return None if name is None else (name, None)


def so_called(verb: Token) -> bool:
    """``so-called`` (``so called``) before the noun it names."""
    return verb.lower_ == "called" and verb.dep_ == "amod" and verb.i < verb.head.i \
        and any(c.dep_ == "advmod" and c.lower_ == "so" for c in verb.children)


def named(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    doc, noun = scan.doc, verb.head
    if so_called(verb):  # ``the so-called freedom plan``: the words the name covers
        return [BroadFind(NAME_SOURCE, f, None, True)
                for f in content_quote(scan, verb, verb.i + 1, noun.i, doc[verb.i:verb.i + 1])]
    if verb.lower_ not in NAMING_PARTICIPLES or verb.dep_ != "acl" or verb.tag_ not in PARTICIPLE_TAGS:
        return []
    found = _name(verb)
    if found is None or noun.i > verb.i or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    name, prep = found
    cue = doc[verb.i:(prep.i if prep is not None and prep.i == verb.i + 1 else verb.i) + 1]
    out = [BroadFind(NOUN_SOURCE, f, None, True) for f in noun_piece(scan, verb, cue)]
    return out + [BroadFind(NAME_SOURCE, f, None, True)
                  for f in content_quote(scan, verb, name.left_edge.i, name.right_edge.i, cue)]


def noun_piece(scan: QuoteScan, verb: Token, cue: Span) -> list:
    """The noun phrase a participle ``verb`` hangs from, up to the first thing after the noun (the
    participle, or a modifier before it); through ``of`` (``the string of contests known as …``)."""
    noun = verb.head
    first = min([verb.left_edge.i] + [c.left_edge.i for c in noun.children if c.i > noun.i])
    top = noun
    while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ in ("NOUN", "PROPN"):
        top = top.head.head
    return content_quote(scan, verb, top.left_edge.i, first - 1, cue)


def reported_noun(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    """``rule:reported-noun``: a bare past participle of a cue verb after a noun (``the ruling
    expected in the coming weeks``, ``the plan announced on Monday``): a passive that names no agent,
    so the noun is what is reported, by nobody named."""
    if verb.dep_ != "acl" or verb.tag_ not in PARTICIPLE_TAGS or verb.head.i > verb.i \
            or verb.head.pos_ not in ("NOUN", "PROPN") or verb.lower_ in NAMING_PARTICIPLES \
            or any(c.dep_ in CLAUSE_CHILDREN for c in verb.children) or not scan.lexicon.is_cue(verb):
        return []
    return [BroadFind(REPORTED_SOURCE, f, None, True) for f in noun_piece(scan, verb, scan.doc[verb.i:verb.i + 1])]


def reported_gate(f: ParseFacts) -> numpy.ndarray:
    """A participle hanging from a noun as a reduced relative."""
    return f.tagged(PARTICIPLE_TAGS) & f.label({"acl"})


def named_gate(f: ParseFacts) -> numpy.ndarray:
    """A past participle of naming (``NAMING_PARTICIPLES``) hanging from a noun, or ``called`` before
    one (``NAMING_DEPS``)."""
    return f.tagged(PARTICIPLE_TAGS) & f.label(NAMING_DEPS) & (f.reads(NAMING_PARTICIPLES) | f.reads({"called"}))
