"""Demoting unsure pre-labels: a rule's quote the demotion model rates under its threshold leaves the
pre-labels and is suggested instead, with its cue and speaker (our own sentences)."""

from __future__ import annotations

import random

import pytest

from annotator.core.records import COREF
from annotator.nlp.convert import doc_to_task, relations_of, suggestions_in
from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest import Suggester
from annotator.nlp.suggest.demote import (
    DEMOTED_SOURCE, DemoteModel, default_demoter, overlapping_ranges, shipped_table,
)

pytestmark = pytest.mark.model

# two reported clauses: the first said by a name, the second by a pronoun
TWO = "Councillor Ruth Abernathy said the tram depot would close in March. She added that the buses would cover the route."


def run(nlp_model, model: DemoteModel | None):
    suggester = Suggester(lexicon=nlp_model.get_pipe(SUGGESTIONS).lexicon, promote=False, demoter=model)
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):
        doc = nlp_model(TWO)
    doc._.suggestions = None
    return suggester(doc)


def test_a_pre_label_the_model_rates_low_becomes_a_suggestion_with_its_cue_and_speaker(nlp_model):
    kept = run(nlp_model, None)
    assert [q.text for q in kept.spans["quotes"]] == ["the tram depot would close in March",
                                                     "the buses would cover the route"]
    # a pronoun's quote rated low, a name's high
    doc = run(nlp_model, DemoteModel({"bias": 3.0, "speaker=pronoun": -6.0}, 0.5))
    assert [q.text for q in doc.spans["quotes"]] == ["the tram depot would close in March"]
    assert [s.text for s in doc.spans["speakers"]] == ["Ruth Abernathy"]
    assert [c.text for c in doc.spans["cues"]] == ["said"]
    demoted = [s for s in suggestions_in(doc) if s.source == DEMOTED_SOURCE]
    assert [(TWO[s.quote_start:s.quote_end], TWO[s.cue_start:s.cue_end], TWO[s.speaker_start:s.speaker_end],
             s.quote_type) for s in demoted] == [("the buses would cover the route", "added", "She", "indirect")]
    assert demoted[0].score == pytest.approx(0.047, abs=1e-3)
    # the demoted speaker's coreference goes with it; the task holds no relation to a span it lacks
    assert all(TWO[r.head_start:r.head_end] != "She" for r in relations_of(doc, COREF))
    task = doc_to_task(doc)
    assert len(task.suggestions) == len(suggestions_in(doc)) and all(
        r.head_span in task.spans and r.child_span in task.spans for r in task.relations)


def test_a_speaker_another_quote_keeps_is_left_in_place(nlp_model):
    same = "Ruth Abernathy said the depot would close. Ruth Abernathy also said that the buses would run."
    suggester = Suggester(lexicon=nlp_model.get_pipe(SUGGESTIONS).lexicon, promote=False,
                          demoter=DemoteModel({"bias": -3.0}, 0.5))
    with nlp_model.select_pipes(disable=[SUGGESTIONS]):
        doc = nlp_model(same)
    before = {s.text for s in doc.spans["speakers"]}
    doc._.suggestions = None
    doc = suggester(doc)
    assert list(doc.spans["quotes"]) == [] and list(doc.spans["speakers"]) == [] and list(doc.spans["cues"]) == []
    assert before and {same[s.speaker_start:s.speaker_end] for s in suggestions_in(doc)
                       if s.source == DEMOTED_SOURCE} == before


def test_the_shipped_weights_load_with_their_threshold():
    table = shipped_table()
    model = default_demoter()
    assert model is not None and model.min_score == table["min_score"] and model.weights["bias"] == table["weights"]["bias"]
    assert 0 < model.min_score < 1 and "_made_by" in table


def test_a_table_without_its_threshold_is_refused():
    with pytest.raises(ValueError, match="min_score"):
        DemoteModel.from_table({"weights": {"bias": 1.0}})
    assert DemoteModel.from_table({"weights": [["bias", 1.0]], "min_score": 0.3}) == DemoteModel({"bias": 1.0}, 0.3)


def test_a_quote_type_of_its_own_threshold_is_demoted_under_it(nlp_model):
    # every pre-label rated 0.5: kept at 0.4, demoted where its type's own threshold is above
    def kept(model: DemoteModel) -> list[str]:
        doc = run(nlp_model, model)
        return [q.text for q in doc.spans["quotes"]]

    both = ["the tram depot would close in March", "the buses would cover the route"]
    assert kept(DemoteModel({"bias": 0.0}, 0.4)) == both
    assert kept(DemoteModel({"bias": 0.0}, 0.4, {"direct": 0.6})) == both
    assert kept(DemoteModel({"bias": 0.0}, 0.4, {"indirect": 0.6})) == []


def test_a_table_gives_each_type_its_threshold():
    model = DemoteModel.from_table({"weights": {"bias": 1.0}, "min_score": 0.3, "type_min_scores": {"direct": 0.6}})
    assert (model.threshold("direct"), model.threshold("indirect"), model.threshold("mixed")) == (0.6, 0.3, 0.3)
    with pytest.raises(ValueError, match="type_min_scores"):
        DemoteModel.from_table({"weights": {"bias": 1.0}, "min_score": 0.3, "type_min_scores": {"direct": 2}})


def test_the_shipped_table_demotes_a_doubtful_direct_quote_under_its_own_threshold(nlp_model):
    # a quotation with no speaker found, rated between the shared threshold (0.40) and the direct one (0.60)
    text = "«Nous ne céderons pas», a déclaré le ministre Paul Martin."
    doc = nlp_model(text)
    assert default_demoter().threshold("direct") > default_demoter().min_score
    assert [q.text for q in doc.spans["quotes"]] == []
    assert [text[s.quote_start:s.quote_end] for s in suggestions_in(doc) if s.source == DEMOTED_SOURCE] == [
        "Nous ne céderons pas"]


def test_the_overlapping_pre_labels_are_those_any_other_range_overlaps():
    """``overlapping_ranges`` (one pass in order) marks what comparing every pair marked: a range the
    same as another is no other, one that ends where another starts shares nothing with it."""
    def every_pair(ranges):
        return {(start, end) for start, end in ranges
                if any(s < end and start < e and (s, e) != (start, end) for s, e in ranges)}

    assert overlapping_ranges(((0, 5), (5, 9), (0, 5), (7, 12), (20, 22))) == {(5, 9), (7, 12)}
    rng = random.Random(7)
    for _ in range(300):
        ranges = []
        for _ in range(rng.randrange(0, 12)):
            start = rng.randrange(0, 40)
            ranges.append((start, start + rng.randrange(1, 10)))
        assert overlapping_ranges(tuple(ranges)) == every_pair(ranges)
