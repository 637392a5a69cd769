"""A linking verb with an adjective of will (``lexicon.will_adjectives``: ``eager``, ``reluctant``)
reports the adjective's ``to`` infinitive, the subject its speaker (``quotes.adjective_cue``); an
adjective of likelihood or readiness, a negated one, or a first-person subject does not. Our own
sentences, parsed by the real model."""

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import adjective_cue
from tests.nlp.quotes.helpers import found_at
from tests.nlp.test_speaker_rules import said_by


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("The council is eager to reopen the pier.", "to reopen the pier", "is eager", "The council"),
    ("Senator Blake is inclined to vote for the bill.", "to vote for the bill", "is inclined", "Blake"),
    ("The growers remain reluctant to sell their land.", "to sell their land", "remain reluctant", "The growers"),
])
def test_an_adjective_of_will_reports_its_infinitive(nlp_model, text, content, cue, speaker):
    doc = nlp_model(text)
    assert found_at(adjective_cue.at, doc) == [("indirect", content, cue)]
    assert any(c == content and speaker in s for c, s in said_by(doc))


@pytest.mark.parametrize("text", [
    "The road is likely to flood.",
    "The team is ready to play.",
    "The farmers are not eager to sell their land.",
    "The growers are willing to sell their land.",
    "We are eager to hear from readers.",
    "She is in Paris.",
])
def test_no_will_no_report(nlp_model, text):
    assert found_at(adjective_cue.at, nlp_model(text)) == []


def test_the_will_adjectives_are_a_configurable_class(nlp_model):
    doc = nlp_model("The council is eager to reopen the pier.")
    assert found_at(adjective_cue.at, doc, Lexicon(will_adjectives=[])) == []


def test_a_will_supposed_under_a_modal_is_no_report(nlp_model):
    assert found_at(adjective_cue.at, nlp_model("The council would be eager to reopen the pier.")) == []
