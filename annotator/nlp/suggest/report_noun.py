"""A report noun that names nobody, with its content on it: ``rule:noun-of-content`` (``criticism of the
levy``, ``fears of a slowdown``: the object of its ``of``) and ``rule:noun-content-clause`` (``complaints
that the buses ran late``, ``speculation that the plant will close``: its content clause, without its
``that``). The nouns are the cue nouns (``CUE_NOUNS``), those of a question put (``QUESTION_NOUNS``)
and the nouns made from our verbs of saying and judging (``REPORTING_NOMINALIZATIONS``). A noun with a
possessor (``the mayor's criticism of …``) or a holder after ``from``/``among``/``by`` names its source
and is left to the rules and ``broad.noun_preposition``, and so is an ``of`` object that could be the
holder (a person, a group: ``the views of the mayor``); the clause of a noun after an expletive
``there`` + ``be`` is ``copular.existential_clause``'s. The noun, with its ``of``, is the cue; no speaker
(the verb the noun hangs from is as often the target, ``faced criticism``, ``drew complaints``, as the
holder)."""

from __future__ import annotations

import numpy
from spacy.tokens import Token

from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.lexicon import REPORTING_NOMINALIZATIONS
from annotator.nlp.name_words import could_speak
from annotator.nlp.quotes.found import content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.copular import HOLDER_PREPOSITIONS, REPORT_NOUNS, clause_without_mark
from annotator.nlp.suggest.find import BroadFind
from annotator.nlp.suggest.raised import TIME_ENTITIES

OF_SOURCE = "rule:noun-of-content"
CLAUSE_SOURCE = "rule:noun-content-clause"
REPORT_NOUN_SOURCES = (OF_SOURCE, CLAUSE_SOURCE)
#: The nouns whose ``of`` object or content clause is reported.
NOUNS = REPORT_NOUNS | REPORTING_NOMINALIZATIONS


def _names_nobody(noun: Token) -> bool:
    """A report noun without a possessor or a holder after ``from``/``among``/``by``."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in NOUNS and not any(
        c.dep_ == "poss" or c.dep_ in ("prep", "agent") and c.lower_ in HOLDER_PREPOSITIONS for c in noun.children)


def _content_clause(noun: Token) -> Token | None:
    """The finite clause a noun holds (``complaints that …``: an ``acl`` with a subject or a mark, not
    an infinitive, not a relative clause; or a ``relcl`` whose ``that`` the parser marks as ``mark``),
    or None."""
    for c in noun.children:
        if c.i < noun.i or c.dep_ not in ("acl", "relcl"):
            continue
        marked = any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        if c.dep_ == "relcl" and not marked:
            continue
        if (marked or any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)) and not any(
                g.dep_ == "aux" and g.lower_ == "to" or g.dep_ != "mark" and g.tag_ in ("WDT", "WP", "WP$") for g in c.children):
            return c
    return None


def _holder_or_time(target: Token) -> bool:
    """An ``of`` object that could be the noun's holder as well as its content (a person, a group, a
    name: ``the views of the mayor``, ``the pledges of both parties``), or a span of time (``speeches of
    the last decade``): neither is read as the content."""
    return could_speak(target) or target.ent_type_ in TIME_ENTITIES


def _after_there(noun: Token) -> bool:
    """The noun is the ``attr`` of ``be`` after an expletive ``there`` (``existential_clause``'s)."""
    return noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)


def report_noun(scan: QuoteScan, noun: Token) -> list[BroadFind]:
    if not _names_nobody(noun):
        return []
    doc = scan.doc
    out: list[BroadFind] = []
    of = next((c for c in noun.children if c.dep_ == "prep" and c.i == noun.i + 1 and c.lower_ == "of"), None)
    target = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
    if target is not None and not _holder_or_time(target):
        cue = doc[noun.i:of.i + 1]
        out += [BroadFind(OF_SOURCE, f, None, True) for f in content_quote(scan, noun, of.i + 1, target.right_edge.i, cue)]
    clause = _content_clause(noun) if not _after_there(noun) else None
    if clause is not None:
        out += [BroadFind(CLAUSE_SOURCE, f, None, True)
                for f in clause_without_mark(scan, noun, clause, doc[noun.i:noun.i + 1])]
    return out


def report_noun_gate(f: ParseFacts) -> numpy.ndarray:
    """A noun with an ``of`` or a clause (``acl``) after it."""
    return f.part_of_speech("NOUN") & (f.parent_of(f.label({"prep"}) & f.reads({"of"}), "after")
                                       | f.child({"acl", "relcl"}, "after"))
