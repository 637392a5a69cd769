"""A relative ``which``/``that`` clause right after a quote's closing mark is said of the quote's
words (or of the quote itself), not an attribution: its pronoun is no speaker
(``speakers.trailing_attribution``); our own sentences, parsed by the real model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The count is tight. \"Both Orla and Brinmoor will carry it for us,\" which vote in June.",
    "It was the chant of \"Sink the toll!\" that unsettled the mayor most.",
])
def test_a_relative_pronoun_after_the_mark_is_no_speaker(rule_quotes_in, text):
    assert [q.speaker for q in rule_quotes_in(text)] == [None]


def test_a_name_after_the_mark_still_speaks(rule_quotes_in):
    text = "The count is tight. \"Both towns are ours,\" Lena Varn beamed."
    assert [q.speaker for q in rule_quotes_in(text)] == ["Lena Varn"]
