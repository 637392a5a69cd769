"""A tensed verb the parser joins to a reported clause whose verb is bare after a modal or in the
subjunctive is the reporter's next act, not part of the clause (``mentions._finite_after_bare``):
its speaker is the reporter. Sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.speakers.mentions import subject_of
from tests.nlp.speakers.verb_reading import read

pytestmark = pytest.mark.model


def test_a_tensed_act_after_a_modal_clause_is_the_reporters(nlp_model):
    text = "The treasurer said the new toll would ruin the ferry trade, and blamed the harbour board for approving it."
    assert read(nlp_model, text, "blamed", subject_of) == "treasurer"


def test_a_tensed_act_after_a_subjunctive_clause_is_the_reporters(nlp_model):
    text = "Two trustees proposed that the librarian be replaced and requested an audit of the accounts."
    assert read(nlp_model, text, "requested", subject_of) == "trustees"


def test_a_bare_verb_shares_the_clause_and_its_modal(rule_quotes_in):
    quotes = rule_quotes_in("The treasurer said the new toll would ruin the ferry trade and empty the harbour.")
    assert [(q.text, q.speaker) for q in quotes] == [("the new toll would ruin the ferry trade and empty the harbour",
                                                      "The treasurer")]
