"""``extent:dash``: a report holding a dash between words is offered the extent before the first
dash (the words after it an aside, or a second piece the annotator marks apart); a hyphen inside a
word is no dash (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.extents import ASIDE_PIECE, DASH, EXTENT_SCORES, extents

pytestmark = pytest.mark.model


def test_a_report_with_a_pair_of_dashes_is_offered_the_words_before_the_first(nlp_model):
    doc = nlp_model("The senator said the new tax on farms — a levy every grower in the state must pay — "
                    "would fail in the spring.")
    assert [(e.source, e.span.text) for e in extents(doc, Lexicon(), {DASH})] == [(DASH, "the new tax on farms")]
    # five words: 4-8; the words after the second dash, a second piece, a quote of their own (test_aside_extent.py)
    assert [(s.source, s.score) for s in doc._.suggestions] == [(DASH, EXTENT_SCORES[DASH][1]),
                                                                (ASIDE_PIECE, EXTENT_SCORES[ASIDE_PIECE][1])]


def test_a_hyphen_inside_a_word_is_no_dash(nlp_model):
    doc = nlp_model("The mayor said the pre-tax figures were wrong.")
    assert extents(doc, Lexicon(), {DASH}) == []
