"""Verbs of comparing: the object with its ``to``/``with`` phrase is the judgement (our own sentences)."""

import pytest


@pytest.mark.parametrize("text, content, speaker", [
    ("Ortiz likened the levy to theft.", "the levy to theft", "Ortiz"),
    ("The mayor compared the senator with a weathervane.", "the senator with a weathervane", "The mayor"),
    ("Dana Ruiz contrasted the new budget with last year's.", "the new budget with last year's", "Dana Ruiz"),
])
def test_a_comparison_is_reported(rule_quotes_in, text, content, speaker):
    assert [(q.text, q.speaker) for q in rule_quotes_in(text)] == [(content, speaker)]


def test_a_thing_compares_nothing(rule_quotes_in):
    assert rule_quotes_in("The chart compared the two budgets.") == []
