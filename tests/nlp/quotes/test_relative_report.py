"""``a deadline that officials said went unnoticed``: the relative pronoun before the cue belongs to
the reported clause, but what was said is the clause after the cue, and the cue's subject says it."""

import pytest

from annotator.nlp.quotes import reported
from tests.nlp.quotes.helpers import found_at


@pytest.mark.parametrize("text, content, cue", [
    ("The council set a deadline that several county officials said went unnoticed.", "went unnoticed", "said"),
    ("The leases, which he estimates will not expire for another decade, are a burden.",
     "will not expire for another decade", "estimates"),
])
def test_the_clause_after_a_relative_clauses_cue_is_what_was_said(nlp_model, text, content, cue):
    assert found_at(reported.at, nlp_model(text)) == [("indirect", content, cue)]


def test_the_whole_pipeline_gives_the_relative_clauses_speaker(quotes_in):
    found = quotes_in("The council set a deadline that several county officials said went unnoticed.")
    assert [(q.type, q.text, q.speaker) for q in found] == [("indirect", "went unnoticed", "several county officials")]
