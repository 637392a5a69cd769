"""``Ruiz leads Lee by six points in the latest poll.``: a poll named in the phrase that closes the
main clause is the source of the clause before it (``poll_source._closing_poll``). Our own sentences,
parsed by the real model."""

import pytest

from annotator.nlp.quotes import poll_source
from tests.nlp.quotes.helpers import found_by


@pytest.mark.parametrize("text, content", [
    ("Ruiz leads Lee by six points in the latest poll.", "Ruiz leads Lee by six points"),
    ("The mayor is well ahead in the polls.", "The mayor is well ahead"),
])
def test_a_closing_poll_phrase_reports_the_clause_before_it(nlp_model, text, content):
    assert found_by(poll_source.find, nlp_model(text)) == [("indirect", content, "in")]


def test_the_poll_is_the_source(rule_quotes_in):
    found = rule_quotes_in("Ruiz leads Lee by six points in the latest poll.")
    assert [(q.text, q.speaker, q.cue) for q in found] == [("Ruiz leads Lee by six points", "the latest poll", "in")]


@pytest.mark.parametrize("text", [
    "Ruiz spoke for an hour in the town hall.",  # no poll
    "Ruiz was asked about her lead in the poll by a reporter on Monday.",  # the clause goes on after it
])
def test_no_closing_poll_no_report(nlp_model, text):
    assert found_by(poll_source.find, nlp_model(text)) == []


def test_a_poll_named_in_title_case_opens_a_sentence_too(nlp_model):
    # ``Poll`` as part of a name, tagged PROPN, with its own case: the lexicon's ``poll`` all the same
    doc = nlp_model("In the latest Harbor Times Poll, most farmers oppose the new dam.")
    assert [t.pos_ for t in doc if t.text == "Poll"] == ["PROPN"]
    assert found_by(poll_source.find, doc) == [("indirect", "most farmers oppose the new dam", "In")]


@pytest.mark.parametrize("text, content", [
    ("Ruiz continues to lead in state polls.", "Ruiz continues to lead"),            # under an xcomp
    ("The mayor flew to Dover, where she has been leading in the polls.", "she has been leading"),  # relative
])
def test_a_closing_poll_phrase_on_a_clause_below_the_main_verb(nlp_model, text, content):
    assert found_by(poll_source.find, nlp_model(text)) == [("indirect", content, "in")]


def test_taking_part_in_a_poll_is_not_its_finding(nlp_model):
    assert found_by(poll_source.find, nlp_model("Most farmers voted in the poll.")) == []


def test_a_report_inside_a_polls_clause_is_the_polls_finding(rule_quotes_in):
    found = rule_quotes_in("In a Gazette poll, 38 percent of voters said the mayor should resign.")
    assert [(q.text, q.speaker, q.cue) for q in found] == [
        ("38 percent of voters said the mayor should resign", "a Gazette poll", "In")]


def test_a_report_beside_a_polls_clause_stays(rule_quotes_in):
    found = rule_quotes_in("Ruiz leads Lee in the latest poll. Her aide said the lead would grow.")
    assert [(q.text, q.speaker) for q in found] == [("Ruiz leads Lee", "the latest poll"),
                                                    ("the lead would grow", "Her aide")]
