"""The show model fitted by the keys a shown suggestion saves (``bench/scorer_data.show_gain``,
``bench/scorer_choice.fit(by_gain=True)``) and a fit of the show model alone that keeps the shipped
promotion (``show_table``); rows made up here."""

from __future__ import annotations

import random
import sys

from annotator.core.records import QUOTE, Span, Task
from annotator.measure.keys import KEY_COSTS, SUGGESTION_COSTS
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from scorer_choice import fit, show_table  # bench/scorer_choice.py
from scorer_data import Candidate, DocRows, show_gain  # bench/scorer_data.py


def test_a_shown_suggestion_saves_its_add_less_its_keys_and_its_speaker_fix():
    taken = KEY_COSTS["add"] - SUGGESTION_COSTS["visit"] - SUGGESTION_COSTS["take"]
    assert show_gain(False, True, False, True) == -SUGGESTION_COSTS["visit"]
    assert show_gain(True, True, True, True) == taken
    assert show_gain(True, True, False, True) == taken - KEY_COSTS["speaker"]
    assert show_gain(True, True, False, False) == taken - KEY_COSTS["speaker"]
    assert show_gain(True, False, False, True) == taken - KEY_COSTS["delete"]
    assert show_gain(True, False, False, False) == taken


def rows_with_speakers(n_docs: int = 40, per_doc: int = 25) -> list[DocRows]:
    """Candidates right half the time with ``named-holder`` (their speaker gold's) and half the time
    with ``wrong-holder`` (their speaker not gold's, so a right one saves 1 key), 10% with neither."""
    chance = random.Random(11)
    quote = Span(0, 4, 0, 0, QUOTE, text="word", quote_type="indirect")
    rows = []
    for _ in range(n_docs):
        task = Task(text="word")
        doc = DocRows(task, task)
        for _ in range(per_doc):
            kind = chance.choice(("named-holder", "wrong-holder", "neither"))
            right = chance.random() < (0.5 if kind != "neither" else 0.1)
            gain = show_gain(right, True, kind == "named-holder", True)
            doc.candidates.append(Candidate({"bias": 1.0, "source=frame:clause": 1.0, kind: 1.0}, "frame:clause",
                                            quote, None, None, right=right, attributed=right, gain=gain))
        rows.append(doc)
    return rows


def test_fitted_by_gain_a_right_candidate_with_a_wrong_speaker_weighs_less():
    rows = rows_with_speakers()
    by_right, by_gain = fit(rows, "right"), fit(rows, "right", by_gain=True)
    assert by_right.break_even is None and 0 < by_gain.break_even < 1
    # both right half the time; by gain, the one whose right candidates save a key each ranks lower
    assert abs(by_right.weights["named-holder"] - by_right.weights["wrong-holder"]) < 0.3
    assert by_gain.weights["named-holder"] > by_gain.weights["wrong-holder"] + 0.5


def test_a_fit_of_the_show_model_keeps_the_shipped_promotion_and_its_choice():
    rows = rows_with_speakers(n_docs=20)
    shipped = {"sources": ["frame:clause"], "min_score": 0.2, "promote_min_score": 0.6,
               "promote_shifts": {"type=direct": 0.1}, "weights": {"bias": -1.0}, "promote_weights": {"bias": 0.5}}
    table = show_table(rows, fit(rows, "right", by_gain=True), shipped)
    assert table["promote_weights"] == {"bias": 0.5} and table["promote_min_score"] == 0.6
    assert table["promote_shifts"] == {"type=direct": 0.1}
    assert table["promote_choice"] == {"min_score": 0.2, "weights": {"bias": -1.0}}
    assert table["weights"] != shipped["weights"]
    again = show_table(rows, fit(rows, "right", by_gain=True), table)
    assert again["promote_choice"] == table["promote_choice"]  # a second refit keeps the first choice model
