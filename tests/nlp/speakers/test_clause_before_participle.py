"""A participle set off by a comma right after a tensed clause inside its sentence, hung by the parser
on the main verb whose subject is a thing, speaks for that nearer clause's subject when it can speak
(``speakers/clause_before_participle.py``, read by ``mentions.subject_of``); our own sentences,
parsed by the real model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, speaker", [
    ("The meeting ended after the harbour master left the room, saying \u201cI have heard enough.\u201d",
     "the harbour master"),
    ("The first clash came at a school in Dunmore, when the porters cut short her address, shouting "
     "\u201cShe wins, we lose!\u201d", "the porters"),
])
def test_the_participle_speaks_for_the_nearer_clause_whose_subject_can_speak(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)] == [speaker]


def test_a_main_subject_that_can_speak_keeps_the_participle(rule_quotes_in):
    text = "Ms. Varn ended the meeting after the porters left the room, saying \u201cI have heard enough.\u201d"
    assert [q.speaker for q in rule_quotes_in(text)] == ["Varn"]



def test_after_a_relative_clause_its_subject_speaks_though_the_main_one_can(rule_quotes_in):
    text = ("The shipowner blamed the clerks for the delay, an account that the dock workers disputed, arguing "
            "that the cranes had failed.")
    assert [q.speaker for q in rule_quotes_in(text) if q.cue == "arguing"] == ["the dock workers"]


@pytest.mark.parametrize("text, speaker", [
    # a personal pronoun in the relative clause is most often the main subject again
    ("Mayor Varn thanked the harbour crew, whom she had hired in May, calling them \u201cthe best on the "
     "coast.\u201d", "Varn"),
    # a relative pronoun: the quote rules keep the one named
    ("\u201cThe pier will hold,\u201d said Lena Varn, who runs the harbour trust, pointing to the new pilings.",
     "Lena Varn"),
])
def test_a_pronoun_in_the_relative_clause_leaves_the_main_subject(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)][-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    # past the infinitive that closes the relative clause, to its tensed verb
    ('The school play ended with a song, in which the singers carry lanterns to light the stage, '
     'shouting "the toll must go!"', "the singers"),
    # a relative clause tensed by its auxiliary (``had queued``)
    ('Ekel spoke by the ferry ramp, where some thirty drivers had queued since noon, calling "the toll must go" '
     'until the talks ended.', "some thirty drivers"),
])
def test_the_nearer_clause_past_an_infinitive_or_with_a_tense_of_its_auxiliary(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)] == [speaker]
