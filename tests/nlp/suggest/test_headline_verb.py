"""``rule:headline-verb``: a capitalised headline whose cue verb the tagger read as part of a name
(``suggest.headline_verb``); lines of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.headline_verb import HEADLINE_VERB_SOURCE
from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, {HEADLINE_VERB_SOURCE})


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("Harbour Board Chief Praises New Ferry Timetable", "New Ferry Timetable", "Praises", "Harbour Board Chief"),
    ("Mayor Ortiz Endorses Rival In Council Race", "Rival In Council Race", "Endorses", "Mayor Ortiz"),
    ("PILOTS DENOUNCED TOLL PLAN", "TOLL PLAN", "DENOUNCED", "PILOTS"),
    # the first report stops at a comma
    ("Harbour Chief Slams New Toll, Praises Pier", "New Toll", "Slams", "Harbour Chief"),
])
def test_a_capitalised_headlines_verb_cues_the_words_after_it(nlp_model, text, content, cue, speaker):
    assert found(nlp_model, text) == [(content, cue, speaker)]


@pytest.mark.parametrize("text", [
    "Mayor Plans New Toll For Ferry",  # a verb of intention: as often a noun
    "Harbour Board Claims Win In Court",  # a cue noun too
    "The harbour board praises the new ferry timetable.",  # not capitalised: the rules parse it
    "Toll Plan Backed By Ferry Pilots",  # a passive: its agent after it
])
def test_no_candidate_outside_a_capitalised_line_or_for_a_noun_like_form(nlp_model, text):
    assert found(nlp_model, text) == []
