"""Where the pieces of a passive or raising verb's content end: the reporter's addition after the
complement (a relative or adverbial clause after a comma, an aside after a lone dash) is no part of
what is expected or seen (``clause_end.reporter_addition_cut``, ``clause_end.lone_dash_cut``);
sentences of our own."""

from __future__ import annotations

import pytest

from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def complement(nlp_model, text: str) -> list[str]:
    return [quote for quote, _cue, _speaker in shape_found(nlp_model, text, {"rule:raised-complement"})]


@pytest.mark.parametrize("text, piece", [
    ("The mayor is expected to win in the north, which could help her allies.", "to win in the north"),
    ("The toll plan was widely seen as weakening the harbour board, which had few friends left.",
     "as weakening the harbour board"),
    ("The new pier is expected to open in June, when the ferries return.", "to open in June"),
])
def test_a_trailing_relative_or_adverbial_clause_is_cut_off(nlp_model, text, piece):
    assert complement(nlp_model, text) == [piece]


def test_a_clause_closed_by_a_comma_inside_the_complement_is_kept(nlp_model):
    text = "The board is expected to sell the pier, which opened in May, to a rowing club."
    assert complement(nlp_model, text) == ["to sell the pier, which opened in May, to a rowing club"]


def test_an_aside_after_a_lone_dash_is_cut_off(nlp_model):
    text = "The council is expected to close the old market hall — a blow to the traders of the quarter."
    assert complement(nlp_model, text) == ["to close the old market hall"]


def subject(nlp_model, text: str) -> list[str]:
    return [quote for quote, _cue, _speaker in shape_found(nlp_model, text, {"rule:raised-subject"})]


@pytest.mark.parametrize("text, piece", [
    ("The pier, which opened in May, is expected to close in the winter.", "The pier"),
    ("Dana Ode, the new harbour master, is widely seen as a safe pair of hands.", "Dana Ode"),
    ("The harbour board, whose members were all elected in 2019, was declared the winner.", "The harbour board"),
])
def test_the_subject_leaves_out_an_aside_after_a_comma(nlp_model, text, piece):
    assert subject(nlp_model, text) == [piece]


def test_a_subject_with_a_restrictive_clause_keeps_it(nlp_model):
    text = "The ferry that sank in March is expected to be raised next week."
    assert subject(nlp_model, text) == ["The ferry that sank in March"]
