"""The second of one subject's two predicates, read by the parser as a subjectless main verb with
the first as its clause, speaks for that clause's subject (``speakers.left_clause_subject``, after
the other cue rules); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers.left_clause_subject import left_clause_subject

pytestmark = pytest.mark.model


def _says(nlp_model, text: str):
    verb = next(t for t in nlp_model(text) if t.text == "says")
    found = left_clause_subject(verb)
    return found.text if found is not None else None


@pytest.mark.parametrize(("text", "subject"), [
    ("The mayor thanked the porters for their patience, then says she will ask the board for a raise.", "mayor"),
    ("The harbour master is pleased with the new pier, says it should last fifty years.", "master"),
])
def test_the_first_predicates_subject_speaks_for_the_second(nlp_model, text, subject):
    assert _says(nlp_model, text) == subject


def test_a_verb_with_its_own_subject_after_it_is_not_read(nlp_model):
    assert _says(nlp_model, "The new pier is sound, says the harbour master.") is None
