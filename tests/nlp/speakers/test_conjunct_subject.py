"""A second clause joined by ``and``/``but`` whose subject the parser hung on the first clause's
object keeps that subject (``speakers.conjunct_subject``, read by ``mentions.subject_of``);
sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers import subject_of
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model


def test_a_tensed_conjunct_keeps_the_subject_hung_on_the_object_before_it(nlp_model):
    text = "After the vote, the Gazette will call the plan a folly and the Herald will blame the mayor for the cost."
    assert read(nlp_model, text, "blame", subject_of) == "Herald"


def test_a_conjunct_without_a_tense_of_its_own_shares_the_first_subject(nlp_model):
    text = "The mayor praised the plan and the porters, and thanked the treasurer for the figures."
    assert read(nlp_model, text, "thanked", subject_of) == "mayor"
