"""``rule:evidential-subject`` / ``rule:evidential-predicate`` (``suggest/evidential.py``): a clause
whose verb carries an adverb of hearsay is a report that names nobody, cut in two around the adverb;
sentences of our own."""

from __future__ import annotations

import pytest

from annotator.core.records import CUE_REL, QUOTE, SAID_BY
from annotator.nlp.convert import doc_to_task
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest import SCORES, SOURCES, Suggester
from annotator.nlp.suggest.evidential import EVIDENTIAL_SOURCES
from tests.nlp.suggest.test_broad import found

pytestmark = pytest.mark.model

SUBJECT, PREDICATE = EVIDENTIAL_SOURCES


def pieces(nlp_model, text: str) -> list[tuple[str, str, str, str | None]]:
    return [(source, content, cue, speaker) for source in EVIDENTIAL_SOURCES
            for content, cue, speaker in found(nlp_model, text, source)]


def test_the_sources_are_proposed_and_scored():
    assert set(EVIDENTIAL_SOURCES) <= set(SOURCES)
    assert set(EVIDENTIAL_SOURCES) <= set(SCORES)


@pytest.mark.parametrize("text, subject, predicate, cue", [
    ("The ferry company has reportedly cancelled its winter timetable.", "The ferry company has",
     "cancelled its winter timetable", "reportedly"),
    ("The new lighthouse keeper was supposedly on holiday during the storm.", "The new lighthouse keeper was",
     "on holiday during the storm", "supposedly"),
])
def test_a_hearsay_adverb_cuts_its_clause_in_two_without_a_speaker(nlp_model, text, subject, predicate, cue):
    assert pieces(nlp_model, text) == [(SUBJECT, subject, cue, None), (PREDICATE, predicate, cue, None)]


def test_a_coordinated_clause_is_left_out_of_the_predicate(nlp_model):
    text = "The mayor allegedly ignored the warnings, but the council acted quickly."
    assert [c for _, c, _, _ in pieces(nlp_model, text)] == ["The mayor", "ignored the warnings"]


def test_an_adverb_before_the_subject_gives_the_clause_in_one_piece(nlp_model):
    text = "Reportedly, the harbour board rejected the dredging plan."
    assert pieces(nlp_model, text) == [(PREDICATE, "the harbour board rejected the dredging plan", "Reportedly", None)]


@pytest.mark.parametrize("text", [
    "The harbour master reportedly said the pier was unsafe.",  # a speech verb names its own source
    "The councillor was fined for allegedly parking on the pier.",  # a preposition's gerund
    "The ferry company apparently cancelled its timetable.",  # appearance, the writer's own inference
])
def test_no_piece_where_a_source_is_named_or_nothing_is_heard(nlp_model, text):
    assert pieces(nlp_model, text) == []


def test_at_the_tables_rate_the_pieces_become_pre_labels_with_their_cue_and_no_speaker(nlp_model):
    """Scored by the rate table (0.52, at least ``promote_sourceless_min_score``): pre-labels without a source."""
    rates = Suggester(lexicon=nlp_model.get_pipe(SUGGESTIONS).lexicon, scorer=None)
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):
        doc = nlp_model("The ferry company has reportedly cancelled its winter timetable.")
    task = doc_to_task(rates(doc))
    quotes = sorted(task.span_text(s) for s in task.spans if s.label == QUOTE)
    assert quotes == ["The ferry company has", "cancelled its winter timetable"]
    assert {task.span_text(r.child_span) for r in task.relations if r.label == CUE_REL} == {"reportedly"}
    assert not [r for r in task.relations if r.label == SAID_BY]


def test_with_the_shipped_scorer_the_pieces_have_no_speaker(nlp_model):
    """The shipped scorer scores them (shown or promoted, as it rates them): never with a speaker."""
    doc = nlp_model("The ferry company has reportedly cancelled its winter timetable.")
    task = doc_to_task(doc)
    shown = [task.span_text(s.quote) for s in task.suggestions if s.speaker is None]
    labelled = [task.span_text(s) for s in task.spans if s.label == QUOTE]
    assert sorted(shown + labelled) == ["The ferry company has", "cancelled its winter timetable"]
    assert not [r for r in task.relations if r.label == SAID_BY]
    assert all(s.speaker is None for s in task.suggestions)
