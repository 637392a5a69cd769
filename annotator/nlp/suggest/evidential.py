"""``rule:evidential-subject`` and ``rule:evidential-predicate``: a clause whose verb carries an adverb
of hearsay (``the agency reportedly | cut its forecast``, ``the firm has allegedly | hidden losses``): a
report that names nobody, cut around its adverb as attribution corpora cut a raising verb's content
(``raised``). The subject piece (with the auxiliaries before the adverb) and the predicate piece (the
verb and what follows it in its own clause, not a coordinated clause); one piece when the adverb
stands before the subject (``Reportedly, the agency cut …``). The adverb is the cue; no speaker.

The adverbs are a closed class of English (a report heard from others), not a list drawn from a
corpus; those of appearance (``apparently``, ``seemingly``, ``evidently``) are the writer's own
inference and are left out (measured: see docs/prelabel.md, "Session 22")."""

from __future__ import annotations

import numpy
from spacy.tokens import Token

from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.lexicon import SUBJECT_DEPS
from annotator.nlp.quotes.found import content_quote
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import EMPTY_SUBJECTS, BroadFind
from annotator.nlp.cue_words import HEARSAY_ADVERBS

SUBJECT_SOURCE = "rule:evidential-subject"
PREDICATE_SOURCE = "rule:evidential-predicate"
EVIDENTIAL_SOURCES = (SUBJECT_SOURCE, PREDICATE_SOURCE)

#: A verb's children that end its own clause's predicate: a coordinated clause and what joins it.
CLAUSE_ENDS = frozenset({"conj", "cc", "punct", "parataxis", "advcl"})


def hearsay_adverb(verb: Token) -> Token | None:
    """The adverb of hearsay ``verb`` carries (``HEARSAY_ADVERBS``), or None."""
    return next((c for c in verb.children if c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS), None)


def predicate_end(verb: Token, after: int) -> int:
    """The last token of ``verb``'s predicate after token ``after``: its own complements and adjuncts,
    up to a coordinated clause (``… cut its forecast, but …``)."""
    last = verb.i
    for child in verb.children:
        if child.i > after and child.dep_ not in CLAUSE_ENDS:
            last = max(last, child.right_edge.i)
        elif child.i > verb.i and child.dep_ in ("conj", "parataxis"):
            break
    return last


def evidential(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    adverb = hearsay_adverb(verb)
    if adverb is None or scan.lexicon.is_speech(verb):
        return []  # ``reportedly said``: the speech verb names its own source
    doc = scan.doc
    cue = doc[adverb.i:adverb.i + 1]
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None and verb.dep_ == "pcomp":
        return []  # ``charged for allegedly taking``: a preposition's gerund is its governor's content
    if subject is not None and subject.lower_ in EMPTY_SUBJECTS and subject.lower_ != "it":
        subject = None
    end = predicate_end(verb, adverb.i)
    if subject is not None and adverb.i < subject.left_edge.i:  # ``Reportedly, the agency cut …``
        return [BroadFind(PREDICATE_SOURCE, f, None, True)
                for f in content_quote(scan, verb, subject.left_edge.i, end, cue, min_tokens=2)]
    out = [] if subject is None else [BroadFind(SUBJECT_SOURCE, f, None, True)
                                      for f in content_quote(scan, verb, subject.left_edge.i, adverb.i - 1, cue)]
    return out + [BroadFind(PREDICATE_SOURCE, f, None, True)
                  for f in content_quote(scan, verb, adverb.i + 1, end, cue, min_tokens=2)]


def evidential_gate(f: ParseFacts) -> numpy.ndarray:
    """A verb (or auxiliary) with one of ``HEARSAY_ADVERBS`` as its ``advmod``."""
    return f.parent_of(f.label({"advmod"}) & f.reads(HEARSAY_ADVERBS))
