"""A cue verb in the infinitive of an act done or of a raising verb reports for the head's subject:
``continued to insist that …``, ``went on to say that …``, ``seemed to suggest that …`` (our own
sentences); the infinitive of a verb of trying (``tries to say that``) still does not."""

import pytest


@pytest.mark.parametrize("text, content, speaker", [
    ("The mayor continued to insist that the levy was fair.", "the levy was fair", "The mayor"),
    ("Ortiz went on to say that the ferry would run again in June.", "the ferry would run again in June", "Ortiz"),
    ("The minister seemed to suggest that the talks had failed.", "the talks had failed", "The minister"),
])
def test_an_act_done_or_raised_reports(rule_quotes_in, text, content, speaker):
    assert [(q.type, q.text, q.speaker) for q in rule_quotes_in(text)] == [("indirect", content, speaker)]


def test_a_report_only_attempted_is_not_one(rule_quotes_in):
    assert rule_quotes_in("The mayor tries to say that the levy was fair.") == []


def test_a_negated_raising_verb_reports_nothing(rule_quotes_in):
    assert rule_quotes_in("The minister did not seem to suggest that the talks had failed.") == []
