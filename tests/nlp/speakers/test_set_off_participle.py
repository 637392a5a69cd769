"""A speech participle the parser hangs on a reported clause speaks for the one who reported it, when
it is set off from that clause by a comma (a closing quotation mark passed over) or by ``while``
(``mentions.subject_of``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.speakers import subject_of

pytestmark = pytest.mark.model


def subject(nlp_model, text: str, verb: str) -> str | None:
    word = next(t for t in nlp_model(text) if t.text == verb)
    found = subject_of(word, nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return found.text if found is not None else None


@pytest.mark.parametrize(("text", "verb"), [
    ("The mayor denied that the plan was late, explaining that the rain had stopped the work.", "explaining"),
    ('The mayor said that the levy was "a disgrace," adding that the council should resign.', "adding"),
    ("The mayor said the levy was fair while adding that the council should resign.", "adding"),
])
def test_a_set_off_participle_speaks_for_the_reporter(nlp_model, text, verb):
    assert subject(nlp_model, text, verb) == "mayor"
