"""``rule:noun-of-content`` and ``rule:noun-content-clause``: a report noun that names nobody, with
the object of its ``of`` or its content clause (``suggest.report_noun``); sentences of our own."""

from __future__ import annotations

import pytest

from annotator.nlp.suggest.report_noun import CLAUSE_SOURCE, OF_SOURCE, REPORT_NOUN_SOURCES, TARGET_SOURCE
from tests.nlp.suggest.helpers import shape_found

pytestmark = pytest.mark.model


def found(nlp_model, text: str, *, gated: bool = True) -> list[tuple[str, str, str | None]]:
    return shape_found(nlp_model, text, set(REPORT_NOUN_SOURCES), gated=gated)


@pytest.mark.parametrize("text, content, cue, source", [
    # the object of ``of``
    ("The plan drew sharp criticism of its cost from the start.", "its cost", "criticism of", OF_SOURCE),
    ("Voters in the valley spoke openly about fears of a long drought.", "a long drought", "fears of", OF_SOURCE),
    ("The ferry firm faced accusations of neglect after the storm.", "neglect", "accusations of", OF_SOURCE),
    # the content clause, without its ``that``
    ("The mayor resigned after complaints that the buses ran late.", "the buses ran late", "complaints", CLAUSE_SOURCE),
    ("The claim that the fund was empty shocked the town.", "the fund was empty", "claim", CLAUSE_SOURCE),
    # a noun made from a verb of saying (``REPORTING_NOMINALIZATIONS``)
    ("Renewed speculation that the plant will close worried the workers.", "the plant will close", "speculation",
     CLAUSE_SOURCE),
])
def test_a_noun_no_one_voices_is_reported_without_a_speaker(nlp_model, text, content, cue, source):
    assert found(nlp_model, text) == found(nlp_model, text, gated=False) == [(content, cue, None)]
    assert shape_found(nlp_model, text, {source}) == [(content, cue, None)]


@pytest.mark.parametrize("text", [
    "The mayor's criticism of the budget surprised the council.",  # a possessor holding a stance noun
    "The criticism by the auditors of the budget was mild.",  # a holder after ``by``
    "There were complaints that the fund was empty.",  # the existential clause's
    "The report that the council published ran to forty pages.",  # a relative clause
    "The council rejected the plan to close the pier.",  # not a report noun
    "The head of the council opened the pier.",  # not a report noun
    "The views of the harbour master were ignored.",  # an ``of`` object that could be the holder
    "Speeches of the last decade were short.",  # an ``of`` object of time
])
def test_a_noun_that_names_its_source_or_reports_nothing_is_left_out(nlp_model, text):
    assert found(nlp_model, text, gated=False) == []


@pytest.mark.parametrize("text, content, cue", [
    ("The new levy came under sharp criticism after the figures were published.", "The new levy",
     "came under sharp criticism"),
    ("The ferry plan drew sharp complaints in the spring.", "The ferry plan", "drew sharp complaints"),
    ("The pier project is under fire.", "The pier project", "is under fire"),
    ("The proposal met with ridicule.", "The proposal", "met with ridicule"),
])
def test_the_subject_that_undergoes_a_report_is_its_target(nlp_model, text, content, cue):
    assert shape_found(nlp_model, text, {TARGET_SOURCE}) == shape_found(nlp_model, text, {TARGET_SOURCE}, gated=False) \
        == [(content, cue, None)]


def test_a_holder_who_can_speak_is_the_targets_speaker(nlp_model):
    assert shape_found(nlp_model, "The ferry plan drew criticism from Mayor Ann Ode.", {TARGET_SOURCE}) == [
        ("The ferry plan", "drew criticism", "Mayor Ann Ode")]


def test_a_subject_who_voices_a_report_is_no_target(nlp_model):
    """``voiced criticism``: the subject holds the report (the noun rules' and the speaker rules')."""
    assert shape_found(nlp_model, "The mayor voiced criticism of the plan.", {TARGET_SOURCE}, gated=False) == []


@pytest.mark.parametrize("text, content, cue, speaker, source", [
    # the subject of an authoring verb that governs the noun
    ("The nurses voiced fears of a long strike.", "a long strike", "fears of", "The nurses", OF_SOURCE),
    ("The bakers voiced complaints that the flour was damp.", "the flour was damp", "complaints", "The bakers",
     CLAUSE_SOURCE),
    # the subject of the verb the noun's ``in`` hangs from
    ("Dozens of fishermen marched in protest of the new quotas.", "the new quotas", "protest of",
     "Dozens of fishermen", OF_SOURCE),
    # a possessor, of the ``of`` object only (``owned_of_content``)
    ("The senator's fears of a recession were widely shared.", "a recession", "fears of", "The senator", OF_SOURCE),
    ("The union's predictions of layoffs went unheeded.", "layoffs", "predictions of", "The union", OF_SOURCE),
    ("Their accusations of fraud were never proven.", "fraud", "accusations of", "Their", OF_SOURCE),
    ("The guild's fears of a flour shortage grew.", "a flour shortage", "fears of", "The guild", OF_SOURCE),
])
def test_the_holder_who_voices_or_owns_the_noun_is_its_speaker(nlp_model, text, content, cue, speaker, source):
    assert shape_found(nlp_model, text, {source}) == [(content, cue, speaker)]


@pytest.mark.parametrize("text", [
    "The ferry firm faced accusations of neglect after the storm.",  # the subject undergoes the report
    "The council dismissed fears of a long drought.",  # not the author of the fears
])
def test_a_subject_that_does_not_author_the_noun_is_no_speaker(nlp_model, text):
    assert [speaker for *_, speaker in found(nlp_model, text, gated=False)] == [None]


@pytest.mark.parametrize("text", [
    "Our fears of a flood grew.",  # the writer's
    "Yesterday's fears of a flood were unfounded.",  # a time, no holder
    "The mayor's criticism of the governor was sharp.",  # a stance noun: ``quotes.stance_noun``'s
    "The union's warnings of layoffs went unheeded.",  # a stance noun, though not with ``of``
    "The bridge's history of delays is long.",  # not a report noun
])
def test_an_owned_noun_the_rule_cannot_read_is_left_out(nlp_model, text):
    assert shape_found(nlp_model, text, {OF_SOURCE}, gated=False) == []


@pytest.mark.parametrize("text, content, cue", [
    ("Denunciations of Ms. Ode filled the papers.", "Ms. Ode", "Denunciations of"),
    ("Praise of the crew came from every port.", "the crew", "Praise of"),
])
def test_the_person_a_noun_of_judging_judges_is_its_content(nlp_model, text, content, cue):
    """After a noun of judging (``JUDGED_OF_NOUNS``) a person as the ``of`` object is the one judged."""
    assert shape_found(nlp_model, text, {OF_SOURCE}) == [(content, cue, None)]


def test_a_person_after_a_noun_of_viewing_is_still_its_holder(nlp_model):
    assert shape_found(nlp_model, "The views of the harbour master were ignored.", {OF_SOURCE}) == []
