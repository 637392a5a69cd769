"""A share of a group standing alone (``a majority``, ``some``: ``name_words.reporting_subject``) is a
report rule's source as a person is; with an ``of`` phrase the share is the thing's, and a thing is
none. Our own sentences, parsed by the real model."""

import pytest
import spacy

from annotator.nlp.name_words import reporting_subject


@pytest.mark.model
@pytest.mark.parametrize("text, quote, speaker", [
    ("A majority remain skeptical of the new levy.", "the new levy", "A majority"),
    ("Some are worried about the pier.", "the pier", "Some"),
    ("A majority said no to the levy.", "no to the levy", "A majority"),
])
def test_a_bare_share_reports(rule_quotes_in, text, quote, speaker):
    assert [(q.text, q.speaker) for q in rule_quotes_in(text)] == [(quote, speaker)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The harbour remains skeptical of the new levy.",
    "Half of the budget is worried about the pier.",
])
def test_a_thing_or_a_share_of_a_thing_does_not(rule_quotes_in, text):
    assert rule_quotes_in(text) == []


def test_no_subject_and_first_persons_are_no_reporting_subject():
    doc = spacy.blank("en")("We said most")
    assert not reporting_subject(None)
    assert not reporting_subject(doc[0])
