"""``bench/swallowed.py``: a pre-label that holds two gold attributions, one of them missed, classed by
where the missed one's cue is, what lies between the two and whether they share a cue. Sentences of
our own."""

from __future__ import annotations

import sys

from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from swallowed import classify, gap_class  # bench/swallowed.py
from tests.test_bench_compare_dumps import task


def _classes(text: str, gold: list[tuple[str, str, str]], ours: tuple[str, str, str]) -> dict:
    """``classify``'s counts for ``gold`` attributions against the one pre-label ``ours``, zeros left out."""
    return {k: v for k, v in classify(task(text, *gold), task(text, ours)).items() if v}


def test_the_gap_between_two_gold_quotes_is_classed_by_its_marks_and_first_word() -> None:
    assert gap_class(", the harbour chief since May, ") == "aside"
    assert gap_class(" — a levy on fuel — ") == "aside"
    assert gap_class(", and ") == "coordination"
    assert gap_class(" but ") == "coordination"
    assert gap_class(". ") == "sentence end"
    assert gap_class(", ") == "nothing"
    assert gap_class(" which the mayor said ") == "relative word"
    assert gap_class(" after the engineers warned ") == "words"


def test_a_pre_label_holding_a_second_report_counts_the_missed_one_by_its_cue_inside() -> None:
    text = "Ortiz said the fares on every route would rise sharply in the spring and Lee claimed they would not."
    assert _classes(text, [("the fares on every route would rise sharply in the spring", "said", "Ortiz"),
                           ("they would not", "claimed", "Lee")],
                    ("the fares on every route would rise sharply in the spring and Lee claimed they would not",
                     "said", "Ortiz")) == {
        ("pre-labels", "holding two or more, one missed"): 1, ("missed", "all"): 1, ("cue", "inside ours"): 1,
        ("place", "after its neighbour"): 1, ("gap", "coordination"): 1,  # "and Lee claimed" lies between
        ("cue × gap", "inside ours, coordination"): 1, ("type", "indirect"): 1,
        ("neighbour", "another cue or none"): 1}


def test_two_pieces_of_one_attribution_around_an_aside_share_the_cue() -> None:
    text = "Ortiz said the ferry, which sails at noon, would be late on every crossing to the islands this week."
    counts = _classes(text, [("the ferry", "said", "Ortiz"),
                             ("would be late on every crossing to the islands this week", "said", "Ortiz")],
                      ("the ferry, which sails at noon, would be late on every crossing to the islands this week",
                       "said", "Ortiz"))
    # the longer piece pairs with ours, the subject is missed
    assert counts[("cue × gap", "ours, aside")] == counts[("place", "before its neighbour")] == 1
    assert counts[("neighbour", "same cue (pieces of one attribution)")] == 1


def test_a_pre_label_holding_one_gold_quote_counts_nothing() -> None:
    text = "Ortiz said the fares would rise."
    assert _classes(text, [("the fares would rise", "said", "Ortiz")], ("the fares would rise", "said", "Ortiz")) == {}
