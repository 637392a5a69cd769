"""Under an expletive ``it`` whose verb a subjectless clause shares, the one who acts is the verb's
object or the object of its ``to``/``for`` (``holders.expletive_stand_in``, read by
``holders.verb_holder``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.holders import verb_holder
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model

#: (sentence, subjectless verb, who acts)
STAND_INS = (
    ("It took the treasurer a month to reply, sending a long letter to the trustees.", "sending", "the treasurer"),
    ("It fell to the harbour board to rule on the toll.", "rule", "the harbour board"),
    ("It took the trustees a month to approve the budget.", "approve", "the trustees"),
)


@pytest.mark.parametrize(("text", "verb", "holder"), STAND_INS)
def test_the_object_under_an_expletive_it_acts(nlp_model, text, verb, holder):
    assert read(nlp_model, text, verb, verb_holder) == holder


def test_a_thing_under_an_expletive_it_is_no_stand_in(nlp_model):
    assert read(nlp_model, "It took a week to repair the bridge, costing the city a fortune.", "repair",
                verb_holder) != "a week"
