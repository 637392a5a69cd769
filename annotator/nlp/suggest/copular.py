"""``rule:copular-clause``: a noun of saying, thinking or asking as the subject of ``be`` with a
clause after it (``the idea is that …``, ``the key question is whether …``, ``a common complaint is
that …``): the clause is a report that names nobody. The nouns are the cue nouns (``CUE_NOUNS``)
and those of a question put (``QUESTION_NOUNS``); one with a possessor (``his view is that …``)
names its holder and is left to the rules. The subject and ``be`` are the cue; no speaker.

``rule:existential-clause``: ``there`` + ``be`` + one of those nouns with a clause on it (``there are
fears that …``, ``there is no doubt that …``, ``there were complaints the buses ran late``) or a
question after ``about`` (``there are questions about how …``): the existential states that the
report exists and names nobody. A noun with a possessor or a holder after ``from``/``among``/``by``
(``complaints from residents that …``) is left out. ``be`` through the noun is the cue; no speaker."""

from __future__ import annotations

import numpy
from spacy.tokens import Token

from annotator.nlp.doc_words import to_infinitive
from annotator.nlp.cue_words import CUE_NOUNS
from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.lexicon import QUESTION_NOUNS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind, shape_content

COPULAR_SOURCE = "rule:copular-clause"
EXISTENTIAL_SOURCE = "rule:existential-clause"
#: The subjects of ``be`` whose clause is reported.
REPORT_NOUNS = frozenset(CUE_NOUNS) | QUESTION_NOUNS
#: Prepositions on a report noun that bring its holder (``complaints from residents``): English
#: function words of that class.
HOLDER_PREPOSITIONS = frozenset({"from", "among", "by"})


def copular_clause(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    if verb.lemma_ != "be":
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in REPORT_NOUNS \
            or any(c.dep_ == "poss" for c in subject.children):
        return []
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None:
        return []
    cue = scan.doc[subject.left_edge.i:verb.i + 1]
    return [BroadFind(COPULAR_SOURCE, f, None, True) for f in clause_without_mark(scan, verb, clause, cue)]


def clause_without_mark(scan: QuoteScan, verb: Token, clause: Token, cue) -> list:
    doc = scan.doc
    start = clause.left_edge.i
    if doc[start].dep_ == "mark" and doc[start].head.i == clause.i:
        start += 1  # the clause without its ``that``
    return shape_content(scan, verb, start, clause.right_edge.i, cue, min_tokens=2)


def _existential_content(noun: Token) -> Token | None:
    """The clause a report noun holds (``fears that …``, a content clause the parser hangs as
    ``acl``) or the question after its ``about`` (``questions about how …``), or None."""
    clause = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i
                   and any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
                   and not to_infinitive(c)), None)
    if clause is not None:
        return clause
    about = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "about"), None)
    return next((c for c in about.children if c.dep_ == "pcomp"), None) if about is not None else None


def existential_clause(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    if verb.lemma_ != "be" or not any(c.dep_ == "expl" and c.lower_ == "there" for c in verb.children):
        return []
    noun = next((c for c in verb.children if c.dep_ == "attr" and c.i > verb.i), None)
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in REPORT_NOUNS \
            or any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in HOLDER_PREPOSITIONS for c in noun.children):
        return []
    clause = _existential_content(noun) or next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i), None)
    if clause is None:
        return []
    return [BroadFind(EXISTENTIAL_SOURCE, f, None, True)
            for f in clause_without_mark(scan, verb, clause, scan.doc[verb.i:noun.i + 1])]


def existential_gate(f: ParseFacts) -> numpy.ndarray:
    """An auxiliary with ``there`` before it and a noun after it."""
    return f.part_of_speech("AUX", "VERB") & f.child({"expl"}, "before") & f.parent_of(f.label({"attr"}) & f.part_of_speech("NOUN"), "after")


def copular_gate(f: ParseFacts) -> numpy.ndarray:
    """An auxiliary with a noun subject before it and a clause after it."""
    return f.part_of_speech("AUX") & f.parent_of(f.label({"nsubj"}) & f.part_of_speech("NOUN"), "before") \
        & f.child({"ccomp"}, "after")
