"""``extent:noun-clause``: a report whose content is a noun's phrase, the object of a word outside it, is
offered its words before the first clause break (a comma, dash, semicolon or colon, or a conjunction
joining clauses); a reported clause is not (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.suggest.extents import CLAUSE, EXTENT_SCORES, NOUN_CLAUSE, extents

pytestmark = pytest.mark.model


def _offered(doc, sources=(NOUN_CLAUSE,)) -> list[tuple[str, str]]:
    return [(e.source, e.span.text) for e in extents(doc, Lexicon(), sources)]


def test_an_object_with_an_apposition_is_offered_the_noun_before_it(nlp_model):
    doc = nlp_model("The board announced a new chief executive, Ana Ruiz, on Monday.")
    assert _offered(doc) == [(NOUN_CLAUSE, "a new chief executive")]


def test_the_noun_kind_comes_before_the_clause_kind_for_the_same_cut(nlp_model):
    doc = nlp_model("The board announced a new chief executive, Ana Ruiz, on Monday.")
    assert _offered(doc, {NOUN_CLAUSE, CLAUSE}) == [(NOUN_CLAUSE, "a new chief executive")]


def test_a_reported_clause_is_not_a_noun_content(nlp_model):
    doc = nlp_model("The minister said the plan would fail, and the costs would rise.")
    assert _offered(doc) == []


def test_a_short_noun_before_its_clause_break_is_shown_a_long_one_is_not():
    short, _middle, long = EXTENT_SCORES[NOUN_CLAUSE]
    assert short >= 0.10 > long


def test_the_kinds_may_be_given_as_a_tuple(nlp_model):
    doc = nlp_model("The board announced a new chief executive, Ana Ruiz, on Monday.")
    assert (NOUN_CLAUSE, "a new chief executive") in _offered(doc, (NOUN_CLAUSE, CLAUSE))
