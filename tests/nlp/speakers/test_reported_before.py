"""A direct quote paragraph with no cue takes the subject of the last speech or cognition verb in
the paragraph before it when that paragraph holds no quote found (``speakers/reported_before.py``);
our own sentences, parsed by the real model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, speaker", [
    ("If anything, Ms. Varga argued in her weekly column, the harbour plan is a gift to the builders.\n\n"
     "\"Nobody in Eastmoor asked for a second pier.\"", "Varga"),
    ("What the levy will cost is anyone's guess, though Tomas Reyn argued at length at the meeting.\n\n"
     "\"We have to be tougher with the builders.\"", "Tomas Reyn"),
    ("The board's vote is still weeks away, and Ada Pike spoke to the dockers about it on Monday night.\n\n"
     "\"Nobody will lose a job over this pier.\"", "Ada Pike"),
])
def test_the_reporter_of_the_paragraph_before_speaks(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)][-1] == speaker


def test_a_paragraph_without_a_speech_verb_gives_no_speaker(rule_quotes_in):
    quotes = rule_quotes_in("The ferry to Eastmoor left late on Tuesday morning.\n\n\"The sea is calm and the nets are full.\"")
    assert [q.speaker for q in quotes] == [None]


def test_a_paragraph_with_a_quote_of_its_own_leaves_the_quote_to_continuation(rule_quotes_in):
    quotes = rule_quotes_in("Harbour fees are too high, the mayor's critics say, and Ada Pike complained again in a letter.\n\n"
                            "\"Every family in Eastmoor will feel it.\"")
    assert quotes[-1].speaker != "Ada Pike"


def test_the_outermost_report_of_the_sentence_speaks(rule_quotes_in):
    quotes = rule_quotes_in("Tomas Reyn elaborated at the meeting, and the crowd cheered when the clerk talked about the pier.\n\n"
                            "\"Nobody will lose a job over this.\"")
    assert quotes[-1].speaker == "Tomas Reyn"
