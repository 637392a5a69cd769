"""A prepositional object's content stops before the reporter's trailing relative clause, as an
object's does (``referred to the senator, who is her oldest friend``); our own sentences."""

import pytest


@pytest.mark.parametrize("text, content, cue", [
    ("The mayor often refers to the senator, who is her oldest friend.", "the senator", "refers to"),
    ("The union called for new talks with the board, which meets on Monday.", "new talks with the board", "called for"),
    # a restrictive clause is part of what is meant
    ("The mayor referred to the plan that the council rejected.", "the plan that the council rejected", "referred to"),
])
def test_a_trailing_relative_clause_is_the_reporters(rule_quotes_in, text, content, cue):
    assert [(q.text, q.cue) for q in rule_quotes_in(text)][:1] == [(content, cue)]
