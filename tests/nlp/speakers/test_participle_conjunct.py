"""A participle the parser joins to a tensed verb inside the reported clause before it is a further
act of the one who reports that clause (``speakers.participle_conjunct``, read by
``mentions.subject_of``); our own sentences, parsed by the real model."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers import subject_of
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model

_SLOWED = ("Senator Pike defended the levy on Friday, saying that the plan had broad support but was slowed by "
           "a court ruling - and insisting that the council would vote in May.")


def test_a_participle_joined_into_the_reported_clause_is_the_reporters(nlp_model):
    assert read(nlp_model, _SLOWED, "insisting", subject_of) == "Pike"


def test_the_reported_clause_keeps_its_own_subject(nlp_model):
    assert read(nlp_model, _SLOWED, "had", subject_of) == "plan"
