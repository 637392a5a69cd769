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

from annotator.nlp.cue_words import HEARSAY_ADVERBS
from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.quotes.hearsay import pieces
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind

SUBJECT_SOURCE = "rule:evidential-subject"
PREDICATE_SOURCE = "rule:evidential-predicate"
EVIDENTIAL_SOURCES = (SUBJECT_SOURCE, PREDICATE_SOURCE)
_SOURCES = {"subject": SUBJECT_SOURCE, "predicate": PREDICATE_SOURCE}


def evidential(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    """The pieces ``quotes.hearsay`` cuts (pre-labels since session 42: a suggestion of one only where
    the pre-label was given up for an earlier rule's quote)."""
    return [BroadFind(_SOURCES[p.piece], p.quote, None, True) for p in pieces(scan, verb)]


def evidential_gate(f: ParseFacts) -> numpy.ndarray:
    """A verb (or auxiliary) with one of ``HEARSAY_ADVERBS`` as its ``advmod``."""
    return f.parent_of(f.label({"advmod"}) & f.reads(HEARSAY_ADVERBS))
