"""A direct quote no other rule gave a speaker is the words of the subject of its sentence's main
verb, or of the sentence just before it in its paragraph, when that subject names someone
(``speakers/sentence_subject.py``); our own sentences, parsed by the real model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, speaker", [
    ("Ms. Pike forwarded a long memo that quoted the governor's line \"We will not raise the levy this year.\"",
     "Pike"),
    ("Ms. Pike had prayed on the question for weeks. \"I sensed an answer on the road home.\"", "Pike"),
])
def test_the_subject_of_the_quote_sentence_or_the_one_before_speaks(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)] == [speaker]


def test_a_subject_that_names_nobody_gives_no_speaker(rule_quotes_in):
    quotes = rule_quotes_in("The weather in Denver turned cold on Tuesday. \"Snow in May is no surprise here.\"")
    assert [q.speaker for q in quotes] == [None]


@pytest.mark.parametrize("text, speaker", [
    # a text that reports speaks for the quote it carries
    ("The new campaign ad ran on Sunday night across the state. \"Our schools deserve better than this.\"",
     "The new campaign ad"),
    # a subject that cannot speak, owned by someone: the owner's words
    ("Ms. Pike's motto has always been, \"Keep the doors open and the lights on.\"", "Pike"),
    # a listed word for a person
    ("The party leader waited for the count to finish. \"We will know by morning who won.\"", "The party leader"),
])
def test_a_reporting_text_an_owner_or_a_leader_speaks(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)] == [speaker]


def test_a_thing_owned_by_a_thing_gives_no_speaker(rule_quotes_in):
    quotes = rule_quotes_in("The city's weather turned cold on Tuesday. \"Snow in May is no surprise here.\"")
    assert [q.speaker for q in quotes] == [None]
