"""``rule:copular-clause``: a noun of saying, thinking or asking as the subject of ``be`` with a
clause after it (``the idea is that …``, ``the key question is whether …``, ``a common complaint is
that …``): the clause is a report that names nobody. The nouns are the cue nouns (``CUE_NOUNS``)
and those of a question put (``QUESTION_NOUNS``); one with a possessor (``his view is that …``)
names its holder and is left to the rules. The subject and ``be`` are the cue; no speaker."""

from __future__ import annotations

import numpy
from spacy.tokens import Token

from annotator.nlp.cue_words import CUE_NOUNS
from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.lexicon import QUESTION_NOUNS
from annotator.nlp.quotes.found import content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind

COPULAR_SOURCE = "rule:copular-clause"
#: The subjects of ``be`` whose clause is reported.
REPORT_NOUNS = frozenset(CUE_NOUNS) | QUESTION_NOUNS


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
    doc = scan.doc
    start = clause.left_edge.i
    if doc[start].dep_ == "mark" and doc[start].head.i == clause.i:
        start += 1  # the clause without its ``that``
    cue = doc[subject.left_edge.i:verb.i + 1]
    return [BroadFind(COPULAR_SOURCE, f, None, True)
            for f in content_quote(scan, verb, start, clause.right_edge.i, cue, min_tokens=2)]


def copular_gate(f: ParseFacts) -> numpy.ndarray:
    """An auxiliary with a noun subject before it and a clause after it."""
    return f.part_of_speech("AUX") & f.parent_of(f.label({"nsubj"}) & f.part_of_speech("NOUN"), "before") \
        & f.child({"ccomp"}, "after")
