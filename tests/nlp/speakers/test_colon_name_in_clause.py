"""A sentence ending in a colon before a quote hands the word to its main clause's subject, not to a
name in a clause that hangs on it (an adverbial or relative clause: ``headline._subordinate``); a
name the main clause addresses or introduces keeps its own rules (``speakers/headline.py``; our own
sentences, parsed by the real model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, speaker", [
    ("Ever since Ada Quill entered the race, the senator has had one answer at every stop: "
     "\"She cannot win this district.\"", "the senator"),
    ("The senator, who had backed Ada Quill for years, had one answer for the crowd: "
     "\"She cannot win this district.\"", "The senator"),
])
def test_a_name_in_a_clause_of_its_own_does_not_take_the_word(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text) if q.type == "direct"] == [speaker]


def test_a_name_the_main_clause_introduces_still_takes_the_word(rule_quotes_in):
    quotes = rule_quotes_in("Republican pollster Dana Shore: \"The numbers are moving.\"")
    assert [q.speaker for q in quotes] == ["Republican pollster Dana Shore"]
