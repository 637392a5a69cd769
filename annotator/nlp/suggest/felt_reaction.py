"""``rule:felt-reaction``: a feeling caused in someone (Levin's ``amuse`` verbs, ``FELT_REACTION_VERBS``)
wherever the pre-label rule (``quotes.feeling_caused``) refuses it: a verb it does not list (``the
figures heartened the growers``), in a relative or other clause (``a toll that rankled the pilots``),
or with an object the name rules do not know can speak (``angered the porters``). The subject is
the content (a relative pronoun as it stands: attribution corpora mark it), the verb the cue, the
object, the one who feels, the speaker."""

from __future__ import annotations

import numpy
from spacy.tokens import Token

from annotator.nlp.cue_words import FELT_REACTION_VERBS
from annotator.nlp.doc_words import negated, passive
from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.name_words import FIRST_SECOND_PERSON
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind, shape_content
from annotator.nlp.suggest.holders import mention

FELT_REACTION_SOURCE = "rule:felt-reaction"
#: What can feel: a noun, a name, a pronoun (not ``it`` or the writer and reader: below).
FEELER_POS = frozenset({"NOUN", "PROPN", "PRON"})


def felt_reaction(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in FELT_REACTION_VERBS or passive(verb) or negated(verb):
        return []
    cause = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c.i < verb.i), None)
    feeler = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if cause is None or feeler is None or feeler.pos_ not in FEELER_POS or feeler.lower_ in FIRST_SECOND_PERSON \
            or feeler.lower_ in ("it", "itself", "this", "that"):
        return []
    found = shape_content(scan, verb, cause.left_edge.i, cause.right_edge.i, scan.doc[verb.i:verb.i + 1])
    return [BroadFind(FELT_REACTION_SOURCE, f, mention(feeler), True) for f in found]


def felt_reaction_gate(f: ParseFacts) -> numpy.ndarray:
    """An active verb of ``FELT_REACTION_VERBS`` (by its lemma, as the rule reads it), not negated, with an
    object after it."""
    return f.part_of_speech("VERB") & ~f.negated & f.child({"dobj"}, "after") & ~f.child({"auxpass", "nsubjpass"}) \
        & f.lemma_reads(FELT_REACTION_VERBS)
