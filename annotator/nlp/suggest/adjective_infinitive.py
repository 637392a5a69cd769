"""``rule:adjective-infinitive``: a linking verb with an adjective of will or feeling and the
infinitive that adjective governs (``the union is eager to reopen talks``, ``the mayor seemed
reluctant to raise fares``): what the subject is keen (or loath) to do, a stance held by the
subject. The adjectives are the cue adjectives (``lexicon.adjectives``), whose clause rule
(``quotes.adjective_cue``) takes a finite clause, and an infinitive only after an adjective of will
(``lexicon.will_adjectives``, session 42); the linking verb with its adjective is the cue, the
subject the speaker. Shown by its measured rate (``scores``): annotators mark such an
infinitive now and then, far too seldom for a pre-label."""

from __future__ import annotations

import numpy
from spacy.tokens import Token

from annotator.nlp.doc_words import negated, to_infinitive
from annotator.nlp.frames.gates import ParseFacts
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest.find import BroadFind, shape_content
from annotator.nlp.suggest.holders import speaking_subject

ADJECTIVE_INFINITIVE_SOURCE = "rule:adjective-infinitive"


def adjective_infinitive(scan: QuoteScan, verb: Token) -> list[BroadFind]:
    if verb.lemma_.lower() not in scan.lexicon.linking_verbs or negated(verb):
        return []
    adjective = next((c for c in verb.children if c.dep_ == "acomp" and c.i > verb.i
                      and c.lemma_.lower() in scan.lexicon.adjectives), None)
    if adjective is None or negated(adjective):
        return []
    infinitive = next((c for c in adjective.children if c.dep_ == "xcomp" and c.i > adjective.i
                       and to_infinitive(c)), None)
    if infinitive is None:
        return []
    speaker = speaking_subject(verb, scan.lexicon)
    if speaker is None:
        return []
    doc = scan.doc
    return [BroadFind(ADJECTIVE_INFINITIVE_SOURCE, f, speaker, True)
            for f in shape_content(scan, verb, infinitive.left_edge.i, infinitive.right_edge.i,
                                   doc[verb.i:adjective.i + 1], min_tokens=2)]


def adjective_infinitive_gate(f: ParseFacts) -> numpy.ndarray:
    """An adjective complement after the verb that has a ``to`` infinitive after it."""
    return f.parent_of(f.label({"acomp"}) & f.parent_of(f.label({"xcomp"}) & f.to_infinitive, "after"), "after")
