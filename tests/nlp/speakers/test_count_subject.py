"""A poll's count hung on a subjectless verb is its subject (``speakers.count_subject``, read by
``mentions.subject_of`` and ``suggest.holders.verb_holder``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers import subject_of
from annotator.nlp.suggest.holders import verb_holder
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "verb", "count"), [
    ("Roughly 3 in 10 say the mayor should cut the levy.", "say", "Roughly 3 in 10"),
    ("Less than a third agreed that the levy was fair.", "agreed", "Less than a third"),
])
def test_a_count_before_a_subjectless_verb_is_its_subject(nlp_model, text, verb, count):
    assert read(nlp_model, text, verb, verb_holder) == count
    assert read(nlp_model, text, verb, subject_of) in count.split()


def test_a_verb_with_a_subject_keeps_it(nlp_model):
    assert read(nlp_model, "Last week the mayor said the levy was fair.", "said", subject_of) == "mayor"
