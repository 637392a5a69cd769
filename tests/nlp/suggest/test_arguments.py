"""The pronoun objects and passives' subjects no other shape proposes
(``nlp/suggest/arguments.py``), registered with the shapes (``shapes.py``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest import SCORES, SOURCES
from annotator.nlp.suggest.arguments import PASSIVE_SUBJECT, PRONOUN_OBJECT
from annotator.nlp.suggest.shapes import SHAPE_SOURCES, every_shape

pytestmark = pytest.mark.model

NEW_SOURCES = (PRONOUN_OBJECT, PASSIVE_SUBJECT)


def found(nlp_model, text: str, source: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    """(content, cue, the shape's own speaker or None) of ``source``'s candidates in ``text``."""
    doc = nlp_model(text)
    scan = QuoteScan.of(doc, nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return [(b.found.span.text, b.found.cue.text, b.speaker.text if b.own_speaker else None)
            for b in every_shape(scan, {source}, gated=gated)]


def test_the_new_sources_are_shapes_proposed_and_scored():
    assert set(NEW_SOURCES) <= set(SHAPE_SOURCES) <= set(SOURCES)
    assert set(NEW_SOURCES) <= set(SCORES)


def test_a_pronoun_object_is_proposed_but_not_a_reflexive_or_a_question_word(nlp_model):
    assert found(nlp_model, "The harbour master flatly denied it on Tuesday.", PRONOUN_OBJECT) == \
        [("it", "denied", None)]
    assert found(nlp_model, "The harbour master blamed himself for the delay.", PRONOUN_OBJECT) == []
    assert found(nlp_model, "Nobody knows what the harbour master wants.", PRONOUN_OBJECT) == []


def test_a_subjectless_verbs_pronoun_object_has_the_speaker_it_shares(nlp_model):
    text = "The fishermen met the minister and rejected them all, walking out."
    assert ("them all", "rejected", "The fishermen") in found(nlp_model, text, PRONOUN_OBJECT)


def test_a_passives_subject_has_its_agent_as_speaker(nlp_model):
    assert found(nlp_model, "The new ferry timetable was criticized by the island council.", PASSIVE_SUBJECT) == \
        [("The new ferry timetable", "criticized", "the island council")]
    assert found(nlp_model, "The ferry timetable was widely praised.", PASSIVE_SUBJECT) == \
        [("The ferry timetable", "praised", None)]


def test_a_passive_with_an_infinitive_is_the_raised_rules_and_a_negated_one_is_nobodys(nlp_model):
    assert found(nlp_model, "The ferry timetable is expected to change in May.", PASSIVE_SUBJECT) == []
    assert found(nlp_model, "The ferry timetable was not criticized by anyone.", PASSIVE_SUBJECT) == []


@pytest.mark.parametrize("text", [
    "The minister denied it, and the levy that the dock workers oppose was criticized by the council.",
    "They praised her, though the plan was rejected and the mayor, blaming them, resigned.",
])
def test_the_gates_let_through_every_candidate_of_the_new_shapes(nlp_model, text):
    for source in NEW_SOURCES:
        assert found(nlp_model, text, source) == found(nlp_model, text, source, gated=False)
