"""A cue verb with a named subject of its own, hanging as the clause of a verb before it that
reports nothing, reports for its own subject (``reported._named_reporter``); our own sentences,
parsed by the real model."""

import pytest


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Part of the trouble is that many farmers think the levy is unfair.", "the levy is unfair", "many farmers",
     "think"),
    ("The problem is that voters know he lied.", "he lied", "voters", "know"),
])
def test_a_cue_under_a_verb_that_reports_nothing_reports_for_its_subject(rule_quotes_in, text, content, speaker, cue):
    assert [(q.type, q.text, q.speaker, q.cue) for q in rule_quotes_in(text)] == [("indirect", content, speaker, cue)]


@pytest.mark.parametrize("text", [
    "It is clear that she thinks the levy is unfair.",  # a pronoun subject: the nesting stands
    "Ruiz knows that the mayor said the levy is unfair.",  # under a cue verb: a report inside a report
])
def test_a_pronoun_or_a_reporting_head_keeps_the_report_nested(rule_quotes_in, text):
    assert all(q.cue not in ("thinks", "said") for q in rule_quotes_in(text))
