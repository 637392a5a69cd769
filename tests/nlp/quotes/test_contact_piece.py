"""``a decision the ministry said was final``: a contact relative clause (no relative word) whose cue
verb reports a clause with no subject of its own; the noun phrase before it is a piece of the same
report (``relative_piece._contact_pieces``). Our own sentences, parsed by the real model."""

import pytest


@pytest.mark.parametrize("text, piece, clause, cue", [
    ("The levy was dropped in March, a decision the ministry said was final.", "a decision", "was final", "said"),
    ("It was a deadline the auditors said had passed unnoticed.", "a deadline", "had passed unnoticed", "said"),
    ("The bridge was closed, a step the engineers said would keep drivers safe.", "a step",
     "would keep drivers safe", "said"),
])
def test_the_noun_before_a_contact_clause_is_a_piece_of_its_report(rule_quotes_in, text, piece, clause, cue):
    found = sorted((q.text, q.cue) for q in rule_quotes_in(text))
    assert found == sorted([(piece, cue), (clause, cue)])


def test_a_clause_with_a_subject_of_its_own_gets_no_piece(rule_quotes_in):
    # ``she regretted``: the reported clause has its own subject, the noun is not its subject
    found = rule_quotes_in("Nobody was hurt, a choice the mayor said she regretted.")
    assert "a choice" not in [q.text for q in found]
