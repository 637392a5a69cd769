"""A speech verb in an infinitive under a predicate adjective (``was quick to add``, ``are likely to
say``) shares the subject of the copula the adjective hangs from (``mentions.subject_of`` climbs past
the ``acomp``; our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.speakers import subject_of

pytestmark = pytest.mark.model


def subject_text(nlp_model, text: str, verb: str) -> str | None:
    doc = nlp_model(text)
    word = next(t for t in doc if t.text == verb)
    subject = subject_of(word, nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return subject.text if subject is not None else None


def test_quick_to_add_speaks_for_the_copulas_subject(nlp_model):
    assert subject_text(nlp_model, "The mayor was quick to add that the budget would pass.", "add") == "mayor"


def test_likely_to_say_speaks_for_the_copulas_subject(nlp_model):
    assert subject_text(nlp_model, "Voters in the north are more likely to say that taxes are too high.",
                        "say") == "Voters"
