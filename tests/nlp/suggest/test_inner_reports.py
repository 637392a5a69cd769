"""``extent:inner-report``: a report the quote rules found inside another report's words (which
``nested.outermost`` drops from the pre-labels) is offered as a quote of its own, with its own cue and
speaker, when it hangs as an adverbial or relative clause and its cue's subject is no personal
pronoun; ``extent:before-inner-report`` offers the holder cut before an adverbial one (our own
sentences)."""

from __future__ import annotations

import pytest

from annotator.nlp.quotes.nested import inner_reports
from annotator.nlp.suggest.inner_reports import BEFORE_INNER, INNER_REPORT, INNER_REPORT_SCORES
from tests.nlp.suggest.helpers import shown

pytestmark = pytest.mark.model

MINE = {INNER_REPORT, BEFORE_INNER}


def test_a_report_in_an_adverbial_clause_is_offered_with_its_own_cue_and_speaker(nlp_model):
    doc = nlp_model("The mayor said the old ferry would keep its winter timetable for the next three years, "
                    "although fishermen have argued that the crossings are unsafe after dark.")
    assert shown(doc, MINE) == [
        ("the old ferry would keep its winter timetable for the next three years", BEFORE_INNER, None, None),
        ("the crossings are unsafe after dark", INNER_REPORT, "argued", "fishermen")]
    cut = next(s for s in doc._.suggestions if s.source == BEFORE_INNER)
    assert doc.text[cut.replaces_start:cut.replaces_end].startswith("the old ferry would keep")
    assert cut.replaces_end == len(doc.text) - 1


def test_a_short_holder_cut_is_not_shown_but_the_inner_report_is(nlp_model):
    doc = nlp_model("The mayor said the ferry would keep its winter timetable, although fishermen have argued "
                    "that the crossings are unsafe after dark.")
    assert shown(doc, MINE) == [("the crossings are unsafe after dark", INNER_REPORT, "argued", "fishermen")]
    assert doc._.suggestions[-1].score == INNER_REPORT_SCORES[INNER_REPORT][1]


def test_a_report_in_a_relative_clause_is_offered(nlp_model):
    doc = nlp_model("Okafor said the new levy on diesel, which the growers' union says will ruin small farms, "
                    "would pass in May.")
    assert shown(doc, MINE) == [("will ruin small farms", INNER_REPORT, "says", "the growers' union")]


def test_a_report_whose_subject_is_a_personal_pronoun_is_not_offered(nlp_model):
    doc = nlp_model("Okafor said the new levy on diesel, which she says will ruin small farms, would pass in May.")
    assert shown(doc, MINE) == []


def test_a_second_verb_of_the_holders_clause_is_not_offered(nlp_model):
    doc = nlp_model("Okafor said the levy would pass and the union warned that farms would close.")
    assert [(r.span.text, r.cue.text) for r, _ in inner_reports(doc)] == [("farms would close", "warned")]
    assert shown(doc, MINE) == []


def test_the_dropped_reports_are_kept_with_where_their_holder_starts(nlp_model):
    doc = nlp_model("Okafor said the new levy on diesel, which the growers' union says will ruin small farms, "
                    "would pass in May.")
    [(report, holder_start)] = inner_reports(doc)
    assert (report.cue.text, doc[holder_start].text) == ("says", "the")
    assert report.quote_type == "indirect"
