"""A tensed verb the parser joins to a reported clause whose verb is bare after a modal or in the
subjunctive is the reporter's next act, not part of the clause (``mentions._finite_after_bare``):
its speaker is the reporter. Sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers.mentions import subject_of
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model


#: (sentence, the tensed act, the reporter): after a modal clause, after a subjunctive one
TENSED_ACTS = (
    ("The treasurer said the new toll would ruin the ferry trade, and blamed the harbour board for approving it.",
     "blamed", "treasurer"),
    ("Two trustees proposed that the librarian be replaced and requested an audit of the accounts.",
     "requested", "trustees"),
)


@pytest.mark.parametrize(("text", "verb", "reporter"), TENSED_ACTS)
def test_a_tensed_act_after_a_bare_clause_is_the_reporters(nlp_model, text, verb, reporter):
    assert read(nlp_model, text, verb, subject_of) == reporter


def test_a_bare_verb_shares_the_clause_and_its_modal(rule_quotes_in):
    quotes = rule_quotes_in("The treasurer said the new toll would ruin the ferry trade and empty the harbour.")
    assert [(q.text, q.speaker) for q in quotes] == [("the new toll would ruin the ferry trade and empty the harbour",
                                                      "The treasurer")]
