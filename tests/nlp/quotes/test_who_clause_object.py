"""A stance verb's object in a ``who`` relative clause (``the senator, who opposes the levy``) is
what the noun the clause hangs from holds (our own sentences)."""

import pytest


@pytest.mark.parametrize("text, content", [
    ("The vote was delayed by Senator Ruiz, who opposes the levy on fishing boats.", "the levy"),
    ("Lee met the mayor, who criticized the new port plan on Monday.", "the new port plan"),
])
def test_the_object_of_a_who_clause_is_reported(rule_quotes_in, text, content):
    assert [q.text for q in rule_quotes_in(text)] == [content]


def test_a_which_clause_about_a_thing_reports_nothing(rule_quotes_in):
    assert rule_quotes_in("The vote was delayed by the storm, which closed the port on Monday.") == []
