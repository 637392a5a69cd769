"""A cue verb with ``according to`` hung on it gives the quote to the one it is
according to (``speakers/according_to_report.py``); our own sentences, parsed by the real model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, speaker", [
    ("\"We will not take part in any protest on the floor,\" Pike said, according to the Daily Star.",
     "Daily Star"),
    ("The inspector told the board that the bridge was unsafe, according to a transcript of the hearing.",
     "a transcript of the hearing"),
    ("Pike, according to the Daily Star, said the levy would pass in May.", "Daily Star"),
])
def test_the_source_a_report_is_according_to_speaks(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("\"We will not take part in any protest on the floor,\" Pike said at the meeting.", "Pike"),
    # a fronted ``according to`` is the quote's own cue (``according_to``), not a report on the verb
    ("According to the Daily Star, Pike said the levy would pass in May.", "Daily Star"),
])
def test_without_a_report_on_the_verb_its_subject_speaks(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)] == [speaker]
