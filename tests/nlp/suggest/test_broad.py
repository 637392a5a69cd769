"""The broad candidates (``nlp/suggest/broad.py``): each shape finds its content and leaves other
shapes alone; sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.quotes.scan import QuoteScan
from annotator.nlp.suggest import SCORES, SOURCES, proposals
from annotator.nlp.suggest.broad import BROAD_SOURCES, broad_candidates

pytestmark = pytest.mark.model


def found(nlp_model, text: str, source: str) -> list[tuple[str, str, str | None]]:
    """(content, cue, speaker or None when the rules read it) of ``source``'s candidates in ``text``."""
    doc = nlp_model(text)
    scan = QuoteScan.of(doc, nlp_model.get_pipe(SUGGESTIONS).lexicon)
    return [(b.found.span.text, b.found.cue.text, b.speaker.text if b.speaker is not None else None)
            for b in broad_candidates(scan, {source})]


def test_every_broad_source_is_proposed_and_scored():
    assert set(BROAD_SOURCES) <= set(SOURCES)
    assert set(BROAD_SOURCES) <= set(SCORES)


@pytest.mark.parametrize("text, subject, complement", [
    ("The new bridge is expected to open next spring.", "The new bridge", "to open next spring"),
    ("The senator is widely seen as the favourite for the nomination.", "The senator",
     "as the favourite for the nomination"),
    ("The plan appears to have stalled in the committee.", "The plan", "to have stalled in the committee"),
])
def test_a_raised_subject_and_its_complement_are_two_pieces_without_a_speaker(nlp_model, text, subject, complement):
    assert [content for content, _, speaker in found(nlp_model, text, "rule:raised-subject") if speaker is None] == [subject]
    assert [content for content, _, _ in found(nlp_model, text, "rule:raised-complement")] == [complement]


@pytest.mark.parametrize("text", ["The bridge was opened in May.", "There appears to be a problem with the pumps."])
def test_a_passive_without_an_infinitive_or_an_empty_subject_is_no_raised_subject(nlp_model, text):
    assert found(nlp_model, text, "rule:raised-subject") == []
    assert found(nlp_model, text, "rule:raised-complement") == []


def test_an_object_inside_a_relative_clause_is_its_subjects(nlp_model):
    text = "The senator, who opposed the treaty, left the chamber early."
    assert [(c, cue) for c, cue, _ in found(nlp_model, text, "rule:embedded-object")] == [("the treaty", "opposed")]
    assert found(nlp_model, "The senator opposed the treaty.", "rule:embedded-object") == []  # the object frame's


def test_an_object_with_what_the_verb_says_of_it_is_one_content(nlp_model):
    text = "The union asked the court to halt the closure of the plant."
    assert [c for c, _, _ in found(nlp_model, text, "rule:object-predicate")] == ["the court to halt the closure of the plant"]
    assert found(nlp_model, "The committee paid the bill.", "rule:object-predicate") == []
    assert found(nlp_model, "The committee paid the bill.", "rule:object-preposition") == []


def test_an_object_and_its_prepositional_phrase_are_their_own_source(nlp_model):
    text = "The study puts the cost of the repairs at two million dollars."
    assert [c for c, _, _ in found(nlp_model, text, "rule:object-preposition")] == [
        "the cost of the repairs at two million dollars"]
    assert found(nlp_model, text, "rule:object-predicate") == []


def test_what_a_thing_reports_is_a_thing_subjects_content(nlp_model):
    text = "The figures paint a grim picture of the regional economy."
    assert [(c, cue) for c, cue, _ in found(nlp_model, text, "rule:thing-subject")] == [
        ("a grim picture of the regional economy", "paint")]
    assert found(nlp_model, "The mayor paints a grim picture of the regional economy.", "rule:thing-subject") == []


def test_a_clause_under_a_negated_verb_is_proposed(nlp_model):
    text = "The minister did not say whether the plant would close."
    assert [(c, cue) for c, cue, _ in found(nlp_model, text, "rule:negated-clause")] == [("whether the plant would close", "say")]
    assert found(nlp_model, "The minister said the plant would close.", "rule:negated-clause") == []


def test_a_clause_under_a_verb_inside_another_clause_is_proposed(nlp_model):
    text = "Farmers who think the new dam will fail are angry."
    assert [(c, cue) for c, cue, _ in found(nlp_model, text, "rule:nested-clause")] == [("the new dam will fail", "think")]
    assert found(nlp_model, "The minister did not say whether the plant would close.", "rule:nested-clause") == []


def test_a_nouns_prepositional_complement_is_its_possessors(nlp_model):
    text = "The governor's stance on immigration has shifted."
    assert found(nlp_model, text, "rule:noun-preposition") == [("immigration", "stance on", "The governor")]
    assert found(nlp_model, "Its effect on the town was severe.", "rule:noun-preposition") == []


def test_the_writers_own_view_outside_quotation_marks_is_proposed_with_them_as_speaker(nlp_model):
    text = "We believe the court made a serious error."
    assert found(nlp_model, text, "rule:first-person-clause") == [("the court made a serious error", "believe", "We")]
    assert found(nlp_model, '"We believe the court made a serious error," she said.', "rule:first-person-clause") == []
    assert found(nlp_model, "They believe the court made a serious error.", "rule:first-person-clause") == []


def test_a_nouns_prepositional_complement_without_a_possessor_is_its_own_source(nlp_model):
    text = "Concerns about the new tariff grew last week."
    assert [(c, cue) for c, cue, _ in found(nlp_model, text, "rule:bare-noun-preposition")] == [
        ("the new tariff", "Concerns about")]
    assert found(nlp_model, text, "rule:noun-preposition") == []
    assert found(nlp_model, "The road to the town was closed.", "rule:bare-noun-preposition") == []


def test_a_broad_candidate_overlapping_a_pre_label_is_left_out(nlp_model):
    doc = nlp_model("The union asked the court to halt the closure of the plant.")
    assert [q.text for q in doc.spans["quotes"]] == ["the court to halt the closure of the plant"]
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    assert [p for p in proposals(doc, lexicon, set(BROAD_SOURCES))] == []


def test_a_broad_candidate_comes_with_its_source_and_the_rules_speaker(nlp_model):
    doc = nlp_model("Residents who fear the river will flood again have moved away.")
    lexicon = nlp_model.get_pipe(SUGGESTIONS).lexicon
    assert [(p.source, p.span.text, p.cue.text, p.speaker.text) for p in proposals(doc, lexicon, {"rule:embedded-object"})] \
        == [("rule:embedded-object", "the river", "fear", "who")]
