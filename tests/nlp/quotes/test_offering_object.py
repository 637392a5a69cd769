"""``offer`` as a speech act: its object is what the speaker put forward (our own sentences)."""

import pytest


@pytest.mark.parametrize("text, content, speaker", [
    ("Ortiz offered a compromise on the water rules.", "a compromise on the water rules", "Ortiz"),
    ("The mayor offered no details about the levy.", "no details about the levy", "The mayor"),
])
def test_what_was_offered_is_reported(rule_quotes_in, text, content, speaker):
    assert [(q.text, q.speaker) for q in rule_quotes_in(text)] == [(content, speaker)]
