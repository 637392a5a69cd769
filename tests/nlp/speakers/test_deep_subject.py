"""When no other cue rule answers, the subject a cue verb shares further up its chain speaks
(``speakers.deep_subject``, the last cue rule); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.speakers import speaker_for_cue

pytestmark = pytest.mark.model


def speaker(nlp_model, text: str, verb: str) -> str | None:
    """The speaker of the cue ``verb`` for the quote that is everything after it."""
    doc = nlp_model(text)
    cue = next(doc[t.i:t.i + 1] for t in doc if t.text == verb)
    found = speaker_for_cue(cue, nlp_model.get_pipe(SUGGESTIONS).lexicon, quote=doc[cue.end:len(doc) - 1])
    return found.text if found is not None else None


#: (sentence, cue verb, the subject up its chain)
DEEP = (
    ("The treasurer froze the budget, stayed quiet about the ferry and annoyed the trustees by announcing "
     "she would retire.", "announcing", "The treasurer"),
    ("The treasurer may soon be ready to calm the trustees by publishing the accounts.", "publishing",
     "The treasurer"),
)


@pytest.mark.parametrize(("text", "verb", "subject"), DEEP)
def test_the_subject_up_the_chain_speaks(nlp_model, text, verb, subject):
    assert speaker(nlp_model, text, verb) == subject


def test_a_thing_up_the_chain_speaks_for_no_one(nlp_model):
    assert speaker(nlp_model, "The flood may soon be able to close the harbour by cutting the road.",
                   "cutting") is None
