"""A sentence ending in a colon before a quote hands the word to its subject, not to a name it
mentions only in passing (a possessor's name, a name after ``such as``), while a name it
introduces (an apposition, an object) keeps the word (``speakers/headline.py``; our own sentences,
parsed by the real model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, speaker", [
    ("Since the primary, Ms. Pike has been a tireless ally, touring the Obama campaign's offices in Denver "
     "with one plain message: \"Keep knocking on doors!\"", "Pike"),
    ("Mr. Bell praised the work of rivals such as Barack Obama in a short note: \"They fought hard and fair.\"",
     "Bell"),
])
def test_a_name_in_passing_does_not_take_the_word(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)] == [speaker]


def test_a_name_the_sentence_introduces_takes_the_word(rule_quotes_in):
    quotes = rule_quotes_in("The chair then called on John Smith, the town clerk: \"The budget is balanced.\"")
    assert [q.speaker for q in quotes] == ["John Smith"]
