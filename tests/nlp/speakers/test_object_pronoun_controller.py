"""A person's object pronoun controls a subjectless complement as a named object does (``forcing
them to reconsider …``, ``thanked her for explaining …``): ``control.speaking_object`` takes ``him``,
``her`` and ``them``, which ``could_speak`` (a reader of subjects) does not; sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers.control import controller
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model

#: (sentence, subjectless verb, the object pronoun that does what it says)
CONTROLLED = (
    ("The storm closed the harbour, forcing them to reconsider the toll.", "reconsider", "them"),
    ("The trustees thanked her for explaining the budget.", "explaining", "her"),
    ("The council urged her to explain the levy.", "explain", "her"),
)


def _controller(word, lexicon):
    return controller(word)


@pytest.mark.parametrize(("text", "verb", "pronoun"), CONTROLLED)
def test_an_object_pronoun_controls_the_complement(nlp_model, text, verb, pronoun):
    assert read(nlp_model, text, verb, _controller) == pronoun


def test_the_readers_own_pronoun_controls_nothing(nlp_model):
    assert read(nlp_model, "The storm forced us to reconsider the toll.", "reconsider", _controller) is None
