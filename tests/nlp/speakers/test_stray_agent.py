"""A passive cue's ``by`` agent that the parser hangs on a noun after the verb is still its source
(``speakers.passive_agent.stray_agent``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.speakers import speaker_for_cue
from annotator.nlp.speakers.passive_agent import stray_agent
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model


def agent(nlp_model, text: str, verb: str) -> str | None:
    return read(nlp_model, text, verb, lambda word, _: stray_agent(word))


@pytest.mark.parametrize(("text", "verb", "source"), [
    ("The two senators are both seen as strong candidates by most voters.", "seen", "voters"),
    ("The plan was praised in a statement by the union.", "praised", "union"),
])
def test_a_by_hung_on_a_noun_after_a_passive_is_its_agent(nlp_model, text, verb, source):
    assert agent(nlp_model, text, verb) == source


def test_a_by_under_another_verb_is_not_the_agent(nlp_model):
    assert agent(nlp_model, "The plan was praised after it was drafted by the union.", "praised") is None


def test_the_cue_rules_give_the_stray_agent(nlp_model):
    doc = nlp_model("The plan was praised in a statement by the union.")
    cue = next(doc[t.i:t.i + 1] for t in doc if t.text == "praised")
    speaker = speaker_for_cue(cue, nlp_model.get_pipe(SUGGESTIONS).lexicon)
    assert speaker is not None and speaker.root.text == "union"
