"""``X made (it) clear that CLAUSE``: the clause is what the speaker stated (our own sentences)."""

import pytest


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("The mayor made it clear that the pool would stay closed.", "the pool would stay closed", "The mayor",
     "made it clear"),
    ("The mayor made clear the pool would stay closed.", "the pool would stay closed", "The mayor", "made clear"),
    ("The union has made it plain that it will strike in May.", "it will strike in May", "The union",
     "made it plain"),
    ("Ortiz made known that she would not run again.", "she would not run again", "Ortiz", "made known"),
])
def test_a_clause_made_clear_is_reported(rule_quotes_in, text, content, speaker, cue):
    assert [(q.type, q.text, q.speaker, q.cue) for q in rule_quotes_in(text)] == [("indirect", content, speaker, cue)]


@pytest.mark.parametrize("text", [
    "The figures make it clear that the pool will stay closed.",  # a thing states nothing
    "The mayor did not make clear whether the pool would stay closed.",  # nothing stated
    "We made it clear that the pool would stay closed.",  # the writer's own words
    "The mayor made the pool clean before it opened.",  # no adjective of stating
])
def test_no_statement_without_a_speaker_who_states(rule_quotes_in, text):
    assert rule_quotes_in(text) == []
