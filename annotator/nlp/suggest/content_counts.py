"""What a suggestion's content holds, counted from the Doc's arrays once (``inside_counts``) and read
for any content as two rows' difference (``content_counts``): features of the learned scorer
(``scorer_features``) read off the parse, never words."""

from __future__ import annotations

import numpy
from spacy.tokens import Doc, Span

from annotator.nlp.doc_words import any_equal
from annotator.nlp.lexicon import FINITE_TAGS

Features = dict[str, float]

#: Named-entity labels of a person, an organisation, a place or a group (inside a content or a speaker).
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: What ``inside_counts`` counts, in its columns' order.
INSIDE = ("named entity", "finite verb", "verb", "comma", "pronoun", "number")


def inside_counts(doc: Doc, orth, ent, tag, pos) -> numpy.ndarray:
    """``scorer_features.DocFacts.inside_counts`` from the Doc's arrays: a named entity's token, a finite verb's tag,
    a verb, a comma, a pronoun, a number (``INSIDE``), counted from the Doc's start."""
    strings = doc.vocab.strings
    flags = numpy.stack([any_equal(ent, [strings[label] for label in NAMED]),
                         any_equal(tag, [strings[t] for t in FINITE_TAGS]), pos == strings["VERB"],
                         orth == strings[","], pos == strings["PRON"], pos == strings["NUM"]], axis=1)
    return numpy.vstack([numpy.zeros((1, flags.shape[1]), dtype=numpy.int64), numpy.cumsum(flags, axis=0)])


def content_counts(counts: numpy.ndarray, quote: Span) -> Features:
    """What the content's tokens hold (``INSIDE``): named entities (and their share), a finite verb, a
    verb, a comma, a pronoun, a number."""
    named, finite, verb, comma, pronoun, number = (counts[quote.end] - counts[quote.start]).tolist()
    return {"content-has-entity": float(named > 0), "content-entity-share": named / max(len(quote), 1),
            "content-has-finite-verb": float(finite > 0), "content-has-verb": float(verb > 0),
            "content-has-comma": float(comma > 0), "content-has-pronoun": float(pronoun > 0),
            "content-has-number": float(number > 0)}
