"""``As the newspaper reported, …`` / ``…, as the newspaper reported.``: the sentence an ``as`` clause
with a verb of saying attributes."""

import pytest

from annotator.nlp.quotes import as_report
from tests.nlp.quotes.helpers import found_at


@pytest.mark.parametrize("text, content, cue", [
    ("As the newspaper reported last week, the council voted to close two libraries.",
     "the council voted to close two libraries", "reported"),
    ("As Dana Ruiz noted, turnout in the county fell for the third year.",
     "turnout in the county fell for the third year", "noted"),
    ("But as one analyst observed, the plan has no money behind it.", "the plan has no money behind it", "observed"),
    ("As the mayor told reporters, the bridge will reopen in May.", "the bridge will reopen in May", "told"),
    ("The council voted to close two libraries, as the newspaper reported last week.",
     "The council voted to close two libraries", "reported"),
])
def test_an_as_clause_with_a_verb_of_saying_attributes_its_sentence(nlp_model, text, content, cue):
    assert found_at(as_report.at, nlp_model(text)) == [("indirect", content, cue)]


@pytest.mark.parametrize("text", [
    "As expected, the council voted to close two libraries.",  # no one speaks
    "As he said that, the crowd cheered.",  # the clause says something of its own
    "As I mentioned above, the council voted to close two libraries.",  # the writer's aside
    "As she spoke, the crowd cheered loudly.",  # speaking is no report
])
def test_other_as_clauses_attribute_nothing(nlp_model, text):
    assert found_at(as_report.at, nlp_model(text)) == []


def test_the_whole_pipeline_gives_the_as_clauses_subject_as_speaker(quotes_in):
    found = quotes_in("As Dana Ruiz noted, turnout in the county fell for the third year.")
    assert [(q.type, q.speaker, q.cue) for q in found] == [("indirect", "Dana Ruiz", "noted")]


def test_an_as_clause_in_the_passive_with_a_named_agent_attributes_what_follows(quotes_in):
    found = quotes_in("As first reported by the Harbor Times, the council voted to close two libraries.")
    assert [(q.type, q.text, q.speaker, q.cue) for q in found] == [
        ("indirect", "the council voted to close two libraries", "Harbor Times", "reported")]


@pytest.mark.parametrize("text", [
    "The council voted to close two libraries, as reported by the Harbor Times.",  # closing: left alone
    "As expected by most analysts, the council voted to close two libraries.",  # no verb of saying
])
def test_other_passive_as_clauses_attribute_nothing(nlp_model, text):
    assert found_at(as_report.at, nlp_model(text)) == []
