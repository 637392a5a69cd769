"""A speech verb's participle on a noun reports for that noun (``subject_of``): ``farmers saying
they would sell``, ``a memo warning that …``. Our own sentences."""

import pytest


@pytest.mark.parametrize("text, content, speaker", [
    ("Crowds gathered outside the town hall, with angry farmers saying they would sell their land next year.",
     "they would sell their land next year", "angry farmers"),
    ("Residents sent letters to the council, with several neighbours warning that the bridge was unsafe.",
     "the bridge was unsafe", "several neighbours"),
])
def test_a_participle_on_a_noun_reports_for_it(rule_quotes_in, text, content, speaker):
    assert ("indirect", content, speaker) in [(q.type, q.text, q.speaker) for q in rule_quotes_in(text)]


def test_a_participle_of_finding_on_a_noun_reports_nothing(rule_quotes_in):
    found = rule_quotes_in("The ferry operators published figures showing that fares had doubled.")
    assert [q for q in found if q.cue == "showing"] == []


def test_a_participle_on_a_thing_keeps_its_issuer_as_speaker(rule_quotes_in):
    found = rule_quotes_in("The mayor issued a statement saying the ferry would run again in June.")
    assert [q.speaker for q in found if q.text == "the ferry would run again in June"] == ["The mayor"]
