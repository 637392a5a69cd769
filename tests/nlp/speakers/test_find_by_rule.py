"""``SpeakerFinder.find_by_rule``: each quote's speaker with the name of the rule that gave it, the
same speakers as ``find`` (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers.scan import SpeakerScan

pytestmark = pytest.mark.model

TEXT = ('The harbour master said the tides were calm. "We will sail at noon. '
        'The crew is ready."\n"Nothing will stop us."')


def test_each_speaker_comes_with_the_rule_that_gave_it(nlp_model):
    finder = nlp_model.get_pipe("annotator_speakers")
    doc = nlp_model(TEXT)
    scan = SpeakerScan.of(doc, finder.lexicon)
    by_rule = finder.find_by_rule(scan)
    assert {i: speaker for i, (speaker, _rule) in by_rule.items()} == finder.find(scan)
    named = {scan.quotes[i].text: (speaker.text, rule) for i, (speaker, rule) in by_rule.items()}
    assert named["the tides were calm"] == ("The harbour master", "cue")
    assert {rule for _speaker, rule in named.values()} <= {r.name for r in finder.rules}


@pytest.mark.parametrize("text, content", [
    ("Our council faced fresh questions once it was revealed last week that the harbour fund had run dry.",
     "the harbour fund had run dry"),
    ("Nobody published the fee for the striker, although it was reported in Lisbon that the club paid ten million.",
     "the club paid ten million"),
])
def test_a_passive_report_without_an_agent_names_no_speaker(rule_quotes_in, text, content):
    assert [(q.text, q.speaker) for q in rule_quotes_in(text)] == [(content, None)]


def test_a_report_with_a_subject_of_its_own_keeps_its_speaker(rule_quotes_in):
    found = rule_quotes_in("Our council faced fresh questions once the auditor revealed that the harbour fund had run dry.")
    assert [(q.text, q.speaker) for q in found] == [("the harbour fund had run dry", "the auditor")]


def test_one_asked_is_not_the_source_of_the_request(rule_quotes_in):
    found = rule_quotes_in("The harbour board met again after being asked to publish its accounts.")
    assert all(q.speaker != "The harbour board" for q in found)


def test_has_said_is_no_passive(rule_quotes_in):
    found = rule_quotes_in("Councillor Okafor has long argued that the harbour fund ran dry. She's said that the tolls must rise.")
    assert ("the tolls must rise", "She") in [(q.text, q.speaker) for q in found]
