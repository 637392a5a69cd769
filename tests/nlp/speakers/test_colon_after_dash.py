"""A digest line's source, a short run of names after a spaced dash right before the colon, speaks
the quote after it (``speakers.headline.name_after_dash``); our own sentences, parsed by the real
model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

_LEAD = "The ferry vote has split the island.\n\n"


@pytest.mark.parametrize("text, speaker", [
    (_LEAD + "Harbour fees are back on the agenda in Orla - Lena Varn: \u201cThe fees pay for the pier. Without "
     "them the boats stop.\u201d [Orla Post]", "Lena Varn"),
    (_LEAD + "FERRY FIGURES HOLD UP - Ada Pike and Jon Ruiz: \u201cEvery crossing this winter ran full, "
     "and the spring timetable adds two boats.\u201d [Orla Post]", "Ada Pike and Jon Ruiz"),
])
def test_the_names_after_a_dash_before_the_colon_speak(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text) if q.type == "direct"] == [speaker]


def test_lower_case_words_after_a_dash_are_no_source(rule_quotes_in):
    text = _LEAD + "The fares went up again - from the minutes: \u201cThe board agreed the rise without a vote.\u201d"
    assert [q.speaker for q in rule_quotes_in(text) if q.type == "direct"] != ["from the minutes"]
