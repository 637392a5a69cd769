"""A linking verb with a phrase that takes a side (``lexicon.side_phrases``: ``is against``, ``is in
favor of``, ``is on board with``) reports the phrase's object, the subject its speaker
(``quotes.adjective_object``); a place, a thing as subject, or a negated verb does not. Our own
sentences, parsed by the real model."""

import pytest

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.quotes import adjective_object
from tests.nlp.quotes.helpers import found_at
from tests.nlp.test_speaker_rules import said_by


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    ("The union is against the merger.", "the merger", "is against", "The union"),
    ("Mayor Ruiz is in favor of the new levy.", "the new levy", "is in favor of", "Ruiz"),
    ("The growers are on board with the plan.", "the plan", "are on board with", "The growers"),
])
def test_a_side_taken_reports_its_object(nlp_model, text, content, cue, speaker):
    doc = nlp_model(text)
    assert found_at(adjective_object.at, doc) == [("indirect", content, cue)]
    assert any(c == content and speaker in s for c, s in said_by(doc))


@pytest.mark.parametrize("text", [
    "She is in Paris.",
    "She is in Paris with her family.",
    "The wind was against the sailors.",
    "The council is not against the merger.",
])
def test_no_side_no_report(nlp_model, text):
    assert found_at(adjective_object.at, nlp_model(text)) == []


def test_the_side_phrases_are_a_configurable_class(nlp_model):
    assert found_at(adjective_object.at, nlp_model("The union is against the merger."), Lexicon(side_phrases=[])) == []


def test_a_side_taken_after_an_adverb(nlp_model):
    assert found_at(adjective_object.at, nlp_model("The union is firmly against the merger.")) == [
        ("indirect", "the merger", "is firmly against")]
