"""``extent:before-aside`` / ``extent:after-aside``: a report holding an aside between commas (a
relative clause or an apposition describing a word before it, the report going on after it) is
offered the words before the aside or those after it as its extent, and, where the annotator marks
the two pieces apart, the other piece as a quote of its own with the report's cue and speaker
(``extent:aside-piece``). A trailing aside is no aside here (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.extents import AFTER_ASIDE, ASIDE_PIECE, BEFORE_ASIDE, DASH, EXTENT_SCORES, extents
from tests.nlp.suggest.helpers import shown

pytestmark = pytest.mark.model

ASIDES = {BEFORE_ASIDE, AFTER_ASIDE}


def test_a_relative_clause_inside_a_report_parts_it_in_two_pieces(nlp_model):
    doc = nlp_model("Okafor said that the new levy on farm fuel, which the council passed last week, would cost "
                    "growers far more than its authors had claimed.")
    assert [(e.source, e.span.text) for e in extents(doc, Lexicon(), ASIDES)] == [
        (BEFORE_ASIDE, "the new levy on farm fuel"),
        (AFTER_ASIDE, "would cost growers far more than its authors had claimed")]


def test_the_piece_before_an_apposition_is_offered_and_the_piece_after_it_as_a_quote_of_its_own(nlp_model):
    doc = nlp_model("Officials said the new ferry operator, a small firm from the north coast, had cut three routes.")
    assert shown(doc) == [("the new ferry operator", BEFORE_ASIDE, None, None),
                           ("had cut three routes", ASIDE_PIECE, "said", "Officials")]
    assert [s.score for s in doc._.suggestions] == [EXTENT_SCORES[BEFORE_ASIDE][1], EXTENT_SCORES[ASIDE_PIECE][1]]


def test_a_trailing_relative_clause_is_no_aside(nlp_model):
    doc = nlp_model("The senator said she would back the harbour master, who took the post in March.")
    assert extents(doc, Lexicon(), ASIDES) == []


def test_a_report_without_an_aside_is_offered_no_piece(nlp_model):
    doc = nlp_model("Lena Park, the mayor, said the bridge would open in May.")
    assert extents(doc, Lexicon(), ASIDES) == []


def test_the_words_after_a_pair_of_dashes_are_the_second_piece(nlp_model):
    doc = nlp_model("The senator said the new tax on farms — passed in a hurry last May — would fail in the spring.")
    assert shown(doc) == [("the new tax on farms", DASH, None, None),
                           ("would fail in the spring", ASIDE_PIECE, "said", "The senator")]
