"""``rule:relative-report``: a noun whose relative clause says, thinks or judges it, the clause's subject
the one who does, and ``rule:what-object``, a free relative ``what`` such a verb takes
(``suggest.relative_report``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.relative_report import RELATIVE_REPORT_SOURCE, WHAT_OBJECT_SOURCE
from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, {RELATIVE_REPORT_SOURCE}, gated=gated)


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("Nobody read the report the auditors praised so warmly.", "the report", "praised", "the auditors"),
    ("It is a question the harbour master asks every spring.", "a question", "asks", "the harbour master"),
    # the cue verb under the clause's own verb
    ("The toll plan the mayor keeps defending is costly.", "The toll plan", "defending", "the mayor"),
    # a relative pronoun, the gap in the verb's infinitive or clause; the comma left out
    ("The old pier, which the fishermen hope to save, is rotting.", "The old pier", "hope", "the fishermen"),
    ("The pier, which the pilots fear the board will close, is old.", "The pier", "fear", "the pilots"),
])
def test_a_noun_its_relative_clause_reports_is_the_content(nlp_model, text, content, cue, speaker):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == [(content, cue, speaker)]


@pytest.mark.parametrize("text", [
    "The boat the fishermen bought last year sank.",  # no verb of our cue classes
    "They cut the funds the port needs.",  # what one needs or wants: left out
    "It was a levy that she said was unfair.",  # the noun is the reported clause's subject
    "That was the year the mayor said she would retire.",  # a time, not the object
    "It was a rally at which the mayor pledged to cut taxes.",  # a preposition's object
    "The plan the mayor did not defend was dropped.",  # negated
    "Vote for any candidate you like.",  # free choice
    "The ferry route I prefer runs north.",  # the writer's own
    "The mayor opposed the levy, which the council supported.",  # ``object_of_cue.relative_at``'s
])
def test_no_candidate_where_the_noun_is_not_what_the_clause_reports(nlp_model, text):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == []


@pytest.mark.parametrize("text, speaker, cue", [
    ("Nobody believed what the pilots said about the storm.", "the pilots", "said"),
    ("It echoed what the board wrote in May.", "the board", "wrote"),
])
def test_a_free_relative_what_a_cue_verb_takes_is_the_content(nlp_model, text, speaker, cue):
    what = shape_found(nlp_model, text, {WHAT_OBJECT_SOURCE})
    assert what == shape_found(nlp_model, text, {WHAT_OBJECT_SOURCE}, gated=False) == [("what", cue, speaker)]


@pytest.mark.parametrize("text", [
    "They ate what the cook made.",  # no verb of our cue classes
    "Nobody believed what the pilots did not say.",  # negated
])
def test_no_what_object_without_a_cue_verb(nlp_model, text):
    assert shape_found(nlp_model, text, {WHAT_OBJECT_SOURCE}) == []
