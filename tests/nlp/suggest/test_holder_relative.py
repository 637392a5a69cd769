"""A suggestion's holder agrees with the speaker rules on relative clauses
(``speakers.cue_subject.relative_above``): a verb sharing the subject of a relative clause's verb is
held by the relative pronoun, ``which`` and ``that`` as well as ``who`` (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest.holders import verb_holder

pytestmark = pytest.mark.model


def holder_of(nlp_model, text: str, verb: str) -> str | None:
    doc = nlp_model(text)
    word = next(t for t in doc if t.text == verb)
    held = verb_holder(word, nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return held.text if held is not None else None


def test_a_verb_coordinated_in_a_which_clause_is_held_by_which(nlp_model):
    text = "The union, which backed the mayor last year and criticized the council in May, lost its vote."
    assert holder_of(nlp_model, text, "criticized") == "which"


def test_a_who_clause_keeps_who(nlp_model):
    text = "The plan was backed by the nurses, who hope to end the long night shifts in the wards."
    assert holder_of(nlp_model, text, "end") == "who"
