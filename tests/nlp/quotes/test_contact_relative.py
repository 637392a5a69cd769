"""A relative clause with no relative word whose verb says or judges its noun: the noun phrase is
the content, the clause's subject the speaker (our own sentences)."""

import pytest


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("The delay was the one mistake the mayor acknowledged.", "the one mistake", "the mayor", "acknowledged"),
    ("The levy is a fact Ortiz often mentions in her speeches.", "a fact", "Ortiz", "mentions"),
    ("The council funded a plan the mayor endorsed.", "a plan", "the mayor", "endorsed"),
])
def test_the_noun_of_a_contact_clause_is_what_was_said(rule_quotes_in, text, content, speaker, cue):
    assert [(q.text, q.speaker, q.cue) for q in rule_quotes_in(text)] == [(content, speaker, cue)]


@pytest.mark.parametrize("text", [
    "The levy that the mayor criticized will pass.",  # ``that``: left alone
    "The budget we criticized has passed.",  # the writer's own judgement
    "The report the board did not mention was short.",  # nothing said
])
def test_no_report_from_other_relative_clauses(rule_quotes_in, text):
    assert rule_quotes_in(text) == []


def test_an_apposition_with_a_contact_clause_is_a_report_of_its_own(rule_quotes_in):
    found = rule_quotes_in("She said the new rules would help small farmers, a claim her rivals dispute.")
    assert [(q.text, q.speaker) for q in found] == [("the new rules would help small farmers", "She"),
                                                   ("a claim", "her rivals")]
