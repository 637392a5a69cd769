"""``embrace`` as taking up a view or a cause: ``embraced the plan`` (our own sentences)."""

import pytest


@pytest.mark.parametrize("text, content, speaker", [
    ("The farmers' union embraced the new water rules.", "the new water rules", "The farmers' union"),
    ("Senator Okafor embraced the plan to rebuild the harbor.", "the plan to rebuild the harbor", "Okafor"),
])
def test_an_approval_is_reported(rule_quotes_in, text, content, speaker):
    assert [(q.text, q.speaker) for q in rule_quotes_in(text)] == [(content, speaker)]
