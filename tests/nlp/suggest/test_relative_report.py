"""``relative:report``: a speech verb heading a relative clause inside a pre-labeled report, with a
subject of its own before it, reports the words after it for that subject; they are offered as a quote
of their own with the verb as the cue and the subject as the speaker, and the pre-label keeps its
extent. A relative clause whose verb is no speech verb, whose subject is the relative word, or whose
verb is negated offers nothing (our own sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.relative_reports import RELATIVE_REPORT, RELATIVE_REPORT_SCORES

pytestmark = pytest.mark.model


def _relative(doc) -> list[tuple[str, str | None, str | None]]:
    text = doc.text
    return [(text[s.quote_start:s.quote_end],
             text[s.cue_start:s.cue_end] if s.cue_start is not None else None,
             text[s.speaker_start:s.speaker_end] if s.speaker_start is not None else None)
            for s in doc._.suggestions if s.source == RELATIVE_REPORT]


def test_a_report_in_a_relative_clause_between_commas_is_offered_for_its_own_subject(nlp_model):
    doc = nlp_model("Ruiz said the levy, which the unions say will close the mill, was fair.")
    assert _relative(doc) == [("will close the mill", "say", "the unions")]
    assert [q.text for q in doc.spans["quotes"]] == ["the levy, which the unions say will close the mill, was fair"]
    assert {s.score for s in doc._.suggestions if s.source == RELATIVE_REPORT} == {RELATIVE_REPORT_SCORES[0]}


def test_a_report_in_a_relative_clause_at_the_end_of_the_content_is_offered(nlp_model):
    doc = nlp_model("The mayor said the report found a gap in the budget that auditors say will grow next year.")
    assert _relative(doc) == [("will grow next year", "say", "auditors")]


def test_a_relative_clause_whose_verb_is_no_speech_verb_offers_nothing(nlp_model):
    doc = nlp_model("Ruiz said the levy, which the unions opposed for months, was fair.")
    assert _relative(doc) == []


def test_a_relative_clause_whose_subject_is_the_relative_word_offers_nothing(nlp_model):
    doc = nlp_model("Ruiz said the unions, who announced a strike on Monday, would lose the vote.")
    assert _relative(doc) == []


def test_a_negated_speech_verb_in_a_relative_clause_offers_nothing(nlp_model):
    doc = nlp_model("Ruiz said the levy, which the unions did not say would close the mill, was fair.")
    assert _relative(doc) == []
