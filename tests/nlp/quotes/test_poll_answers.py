"""Answers inside a poll's clause (``In the survey, 55 percent said yes, while a quarter said no``)
stay in the poll's report: PolNeAR's train gold marks a poll that opens its sentence as the source of
the whole clause and no report nested in it (66 such polls, none with an inner attribution), so the
frame swallowing its answers is the output wanted. An answer to a question with no poll named
(``Asked whether …, 55 percent said yes``) is a report of its own, as gold marks it. Our own sentences."""

import pytest


@pytest.mark.model
def test_the_polls_clause_keeps_its_yes_and_no_answers(quotes_in):
    found = [(q.text, q.speaker, q.cue) for q in quotes_in(
        "In the harbour survey of 400 boat owners, 55 percent said yes, while a quarter said no to the mooring fee.")]
    assert found == [("55 percent said yes, while a quarter said no to the mooring fee",
                      "the harbour survey of 400 boat owners", "In")]


@pytest.mark.model
def test_answers_to_a_question_without_a_poll_are_their_own_reports(quotes_in):
    found = {(q.text, q.speaker) for q in quotes_in(
        "Asked whether the quay should close at night, 55 percent of boat owners said yes, but a quarter said no.")}
    assert {("yes", "55 percent of boat owners"), ("no", "a quarter")} <= found
