"""``bench/swallowed.py``: a pre-label that holds two gold attributions, one of them missed, classed by
where the missed one's cue is, what lies between the two and whether they share a cue. Sentences of
our own."""

from __future__ import annotations

import sys

from annotator.core.records import CUE, CUE_REL, QUOTE, SAID_BY, SPEAKER, Relation, Span, Task
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from swallowed import classify, gap_class  # bench/swallowed.py
from tests.test_bench_compare_dumps import at, tokens_of


def _task(text: str, *attributions: tuple[str, str, str]) -> Task:
    spans: list[Span] = []
    relations: list[Relation] = []
    for content, cue, speaker in attributions:
        said, cue_span, speaker_span = at(text, content, QUOTE), at(text, cue, CUE), at(text, speaker, SPEAKER)
        spans += [said, cue_span, speaker_span]
        relations += [Relation(said, cue_span, CUE_REL), Relation(said, speaker_span, SAID_BY)]
    return Task(text=text, tokens=tokens_of(text), spans=spans, relations=relations)


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
    gold = _task(text, ("the fares on every route would rise sharply in the spring", "said", "Ortiz"),
                 ("they would not", "claimed", "Lee"))
    ours = _task(text, ("the fares on every route would rise sharply in the spring and Lee claimed they would not",
                        "said", "Ortiz"))
    counts = classify(gold, ours)
    assert counts[("missed", "all")] == 1
    assert counts[("cue", "inside ours")] == 1
    assert counts[("gap", "coordination")] == 1  # "and Lee claimed" lies between
    assert counts[("place", "after its neighbour")] == 1
    assert counts[("neighbour", "another cue or none")] == 1


def test_two_pieces_of_one_attribution_around_an_aside_share_the_cue() -> None:
    text = "Ortiz said the ferry, which sails at noon, would be late on every crossing to the islands this week."
    gold = _task(text, ("the ferry", "said", "Ortiz"),
                 ("would be late on every crossing to the islands this week", "said", "Ortiz"))
    ours = _task(text, ("the ferry, which sails at noon, would be late on every crossing to the islands this week",
                        "said", "Ortiz"))
    counts = classify(gold, ours)
    assert counts[("missed", "all")] == 1  # the longer piece pairs with ours, the subject is missed
    assert counts[("cue", "ours")] == 1
    assert counts[("gap", "aside")] == 1
    assert counts[("place", "before its neighbour")] == 1
    assert counts[("neighbour", "same cue (pieces of one attribution)")] == 1


def test_a_pre_label_holding_one_gold_quote_counts_nothing() -> None:
    text = "Ortiz said the fares would rise."
    gold = _task(text, ("the fares would rise", "said", "Ortiz"))
    assert not classify(gold, gold)
