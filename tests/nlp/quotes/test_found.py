"""The span shapes the quote rules share (``found.trimmed``)."""

import spacy

from annotator.nlp.quotes.found import trimmed


def test_trimmed_drops_edge_punctuation_and_a_dangling_conjunction():
    doc = spacy.blank("en")("he is not backing any candidate, and")
    assert trimmed(doc, 0, len(doc)).text == "he is not backing any candidate"
    doc = spacy.blank("en")("the plan works, but.")
    assert trimmed(doc, 0, len(doc)).text == "the plan works"


def test_trimmed_keeps_a_conjunction_inside_and_a_lone_word():
    doc = spacy.blank("en")("rates rise and fall.")
    assert trimmed(doc, 0, len(doc)).text == "rates rise and fall"
    doc = spacy.blank("en")("and")
    assert trimmed(doc, 0, len(doc)).text == "and"
