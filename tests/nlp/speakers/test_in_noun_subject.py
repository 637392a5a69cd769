"""A cue noun after ``in`` on a verb (``in the hope that …``, ``in the belief that …``) is the stance
of that verb's subject, whatever the verb (``speakers.noun_cue.in_noun_subject``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers.noun_cue import in_noun_subject
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model

#: (sentence, cue noun, the subject of the verb the ``in`` phrase hangs from; None: a thing's, or
#: another preposition)
STANCES = (
    ("The council delayed the vote in the hope that the bridge would reopen.", "hope", "council"),
    ("She signed the bill in the belief that the courts would uphold it.", "belief", "She"),
    ("The storm hit the coast in the belief of no one.", "belief", None),
    ("The council voted against the hope that the bridge would reopen.", "hope", None),
)


@pytest.mark.parametrize(("text", "noun", "holder"), STANCES)
def test_the_subject_of_the_verb_holds_the_stance(nlp_model, text, noun, holder):
    assert read(nlp_model, text, noun, in_noun_subject) == holder


def test_the_prelabel_names_the_subject(nlp_model):
    doc = nlp_model("The council delayed the vote in the hope that the bridge would reopen.")
    assert [s.text for s in doc.spans["speakers"]] == ["The council"]
