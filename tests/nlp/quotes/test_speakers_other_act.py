"""A clause of concession or contrast inside a report whose subject is the speaker again and whose
verb is a cue (``…, though she did not mention the cost``) is the reporter telling another act:
the report stops before it, and the act is a report of its own (our own sentences)."""

import pytest


@pytest.mark.parametrize("text, found", [
    ("The mayor said the pool would reopen in May, though she did not mention the cost.",
     [("the pool would reopen in May", "The mayor"), ("the cost", "she")]),
    ("Ruiz has long said that she will back the levy, even as she has criticized its authors.",
     [("she will back the levy", "Ruiz"), ("its authors", "she")]),
])
def test_the_speakers_other_act_is_cut_and_reported(rule_quotes_in, text, found):
    assert [(q.text, q.speaker) for q in rule_quotes_in(text)] == found


@pytest.mark.parametrize("text, content", [
    # a clause with another subject is part of what was said
    ("The mayor said the pool would reopen in May, though the cost was unclear.",
     "the pool would reopen in May, though the cost was unclear"),
    # a clause whose verb is no cue is too
    ("The mayor said the pool would reopen in May, though she was tired of the delays.",
     "the pool would reopen in May, though she was tired of the delays"),
])
def test_a_concession_without_another_act_stays_in_the_report(rule_quotes_in, text, content):
    assert [q.text for q in rule_quotes_in(text)] == [content]
