"""A thing's finding in a finite clause (``the poll shows that …``, ``the audit found that …``:
the lexicon's ``finding_to_clause_end_verbs``) runs to the end of the verb's clause, as the evidence
rule's finding does (``…, while …``, ``…, with …``), and stops before another speaker's report or
a clause of its own after ``, and``; a person's report is cut as before. Our own sentences."""

import pytest


@pytest.mark.parametrize("text, content, speaker", [
    ("The new survey shows that Lee leads the race, while Ruiz trails far behind.",
     "Lee leads the race, while Ruiz trails far behind", "The new survey"),
    ("The audit found that the ferry lost money every year, with the winter routes costing the most.",
     "the ferry lost money every year, with the winter routes costing the most", "The audit"),
])
def test_a_finding_runs_to_its_clause_end(rule_quotes_in, text, content, speaker):
    assert ("indirect", content, speaker) in [(q.type, q.text, q.speaker) for q in rule_quotes_in(text)]


@pytest.mark.parametrize("text, content", [
    ("The study found that fares had doubled, and the mayor said she would act.", "fares had doubled"),
    ("The mayor suggested that the levy was fair, while the harbour board was less sure.", "the levy was fair"),
])
def test_a_finding_stops_before_another_clause_or_a_persons_aside(rule_quotes_in, text, content):
    assert content in [q.text for q in rule_quotes_in(text)]
