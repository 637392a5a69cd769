"""A part of a group that can speak can speak (``name_words.could_speak`` through
``speaking_group``): ``some of the ferry captains`` as a passive agent, ``many of the porters`` as an
object that controls a complement, ``two of the councillors`` as the subject of an adjective cue; a
part of a thing cannot. Sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.speakers import speaker_for_cue
from annotator.nlp.name_words import could_speak, speaking_group
from annotator.nlp.suggest.holders import mention, verb_holder
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model


def _word(nlp_model, text: str, word: str):
    return next(t for t in nlp_model(text) if t.text == word)


def test_a_part_of_a_speaking_group_speaks(nlp_model):
    some = _word(nlp_model, "The toll was opposed by some of the ferry captains.", "some")
    assert could_speak(some) and speaking_group(some).text == "captains"


def test_a_part_of_a_thing_does_not_speak(nlp_model):
    some = _word(nlp_model, "The toll was mentioned in some of the old maps.", "some")
    assert not could_speak(some)


def test_the_mention_holds_the_group(nlp_model):
    many = _word(nlp_model, "The storm led many of the porters to ask whether the toll would rise.", "many")
    assert mention(many).text == "many of the porters"


def test_a_part_of_a_group_controls_a_complement(nlp_model):
    text = "The storm led many of the porters to ask whether the toll would rise."
    assert read(nlp_model, text, "ask", verb_holder) == "many of the porters"


def test_a_part_of_a_group_as_passive_agent_is_the_source(nlp_model):
    doc = nlp_model("The toll was attacked at the meeting by some of the ferry captains.")
    cue = next(doc[t.i:t.i + 1] for t in doc if t.text == "attacked")
    found = speaker_for_cue(cue, nlp_model.get_pipe(SUGGESTIONS).lexicon, quote=doc[0:2])
    assert found is not None and found.text.startswith("some of")


def test_a_part_of_a_group_holds_an_adjective_cue_stance(rule_quotes_in):
    found = rule_quotes_in("Two of the councillors were critical of the new parking plan.")
    assert [(q.text, q.speaker) for q in found] == [("the new parking plan", "Two of the councillors")]


def test_a_part_of_a_thing_holds_no_stance(rule_quotes_in):
    assert rule_quotes_in("Two of the old bridges were critical of the new parking plan.") == []
