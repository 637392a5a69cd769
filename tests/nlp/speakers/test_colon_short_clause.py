"""A short clause before a colon at the start of its paragraph hands the word to its subject
(``speakers.headline.introducing_clause``), not the whole clause, and a description speaks there
as a name does; our own sentences, parsed by the real model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

_LEAD = "Ferry service to Orla Island resumes next week.\n\n"


@pytest.mark.parametrize("text, speaker", [
    (_LEAD + 'The mayor was blunt: "We have waited long enough for this boat."', "The mayor"),
    (_LEAD + 'Varn was blunt: "We have waited long enough for this boat."', "Varn"),
    ('The council memo was short: "The ferry will run again in May."\n\nThe harbour board voted on Tuesday.',
     "The council memo"),
])
def test_the_subject_of_a_short_clause_before_the_colon_speaks(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a subject read as a person by its ending alone introduces no one
    (_LEAD + 'The weather was awful: "The ferry will not run."', None),
    # a name before the colon still speaks whole
    (_LEAD + 'Harbour master Lena Varn: "We have waited long enough for this boat."', "Harbour master Lena Varn"),
])
def test_a_name_speaks_and_a_thing_does_not(rule_quotes_in, text, speaker):
    assert [q.speaker for q in rule_quotes_in(text)] == [speaker]
