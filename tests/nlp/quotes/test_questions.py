"""Reported questions (``asked X if …``); a negated verb of saying (``would not say whether …``,
``did not say that …``) reports nothing."""

import pytest

from annotator.nlp.quotes import reported
from tests.nlp.quotes.helpers import found_at


def test_an_if_clause_after_a_verb_of_asking_is_what_was_asked(nlp_model):
    doc = nlp_model("The reporter asked the senator if she had been preparing for the debate.")
    assert found_at(reported.at, doc) == [("indirect", "if she had been preparing for the debate", "asked")]


def test_the_whole_pipeline_gives_the_question_its_asker(quotes_in):
    found = quotes_in("The reporter asked the senator if she had been preparing for the debate.")
    assert [(q.type, q.speaker, q.cue) for q in found] == [("indirect", "The reporter", "asked")]


def test_an_if_clause_after_a_verb_of_saying_is_a_condition_not_a_report(nlp_model):
    doc = nlp_model("The coach told the players they could leave early if they won the match.")
    assert all(not text.startswith("they won") for _, text, _ in found_at(reported.at, doc))


@pytest.mark.parametrize("text", [
    "Her office would not say whether the mayor would run again.",
    "The ministry did not say when the new rules would take effect.",
])
def test_a_negated_verb_of_saying_over_a_question_reports_nothing(nlp_model, text):
    # PolNeAR counts these; our own gold sets do not, and the quality floors hold them.
    assert found_at(reported.at, nlp_model(text)) == []


def test_a_negated_said_that_reports_nothing(nlp_model):
    doc = nlp_model("The governor did not say that taxes would rise.")
    assert found_at(reported.at, doc) == []

