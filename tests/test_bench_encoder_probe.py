"""``bench/encoder_probe.py``: it skips cleanly without torch/transformers or without the corpus, splits as
learning_curve.py does, and its BIO labels over word pieces give back the quotes they were made from.
Sentences of our own, cut into pieces here (no tokenizer needed)."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys

from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

import encoder_probe  # bench/encoder_probe.py
from encoder_probe import decode_spans, paragraph_breaks, piece_labels, windows

TEXT = ("The ferry operator said the timetable would change in spring.\n"
        "“We cannot run the night boats at a loss,” a spokeswoman told reporters, adding that fares "
        "were “under review for now.”")


def _pieces(text: str) -> list[tuple[int, int]]:
    """Word pieces as a tokenizer's offsets: words, and each mark on its own."""
    return [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]


def _quote(text: str, inside: str, kind: str) -> tuple[int, int, str]:
    start = text.index(inside)
    return (start, start + len(inside), kind)


def test_it_skips_without_torch_or_without_the_corpus(tmp_path) -> None:
    result = bench_scripts.run_bench("encoder_probe.py", str(tmp_path / "absent.jsonl"))
    assert result.returncode == 0
    if importlib.util.find_spec("torch") is None or importlib.util.find_spec("transformers") is None:
        assert "skipped: torch/transformers not installed" in result.stdout
    else:
        assert "skipped: no corpus at" in result.stdout


def test_the_check_set_is_learning_curves() -> None:
    import learning_curve  # bench/learning_curve.py

    assert (encoder_probe.HELD_OUT, encoder_probe.SEED) == (learning_curve.HELD_OUT, learning_curve.SEED)


def test_bio_labels_over_pieces_give_the_quotes_back() -> None:
    quotes = [_quote(TEXT, "the timetable would change in spring", "indirect"),
              _quote(TEXT, "“We cannot run the night boats at a loss,”", "direct"),
              _quote(TEXT, "fares were “under review for now.”", "mixed")]
    offsets = _pieces(TEXT)
    labels = piece_labels(offsets, quotes)
    assert labels[offsets.index((4, 9))] == "O"  # "ferry"
    assert labels.count("B-direct") == labels.count("B-indirect") == labels.count("B-mixed") == 1
    assert decode_spans(offsets, labels) == sorted(quotes)


def test_two_quotes_side_by_side_stay_two() -> None:
    text = "She said the pier was unsafe the harbour was closed and the boats were late."
    quotes = [_quote(text, "the pier was unsafe", "indirect"), _quote(text, "the harbour was closed", "indirect")]
    offsets = _pieces(text)
    assert decode_spans(offsets, piece_labels(offsets, quotes)) == quotes


def test_a_run_takes_its_most_common_type_and_an_i_after_o_starts_one() -> None:
    offsets = [(0, 3), (4, 8), (9, 12), (13, 17), (18, 20)]
    labels = ["I-mixed", "I-direct", "I-direct", "O", "B-indirect"]
    assert decode_spans(offsets, labels) == [(0, 12, "direct"), (18, 20, "indirect")]


def test_windows_end_at_paragraph_breaks_and_cover_every_piece() -> None:
    text = "\n".join(f"Paragraph {i} has a few words of its own in it." for i in range(12))
    offsets = _pieces(text)
    breaks = paragraph_breaks(text, offsets)
    assert len(breaks) == 11 and all(offsets[b][0] == text.index(f"Paragraph {i + 1}") for i, b in enumerate(breaks))
    spans = windows(len(offsets), breaks, 40, 8)
    assert all(0 < b - a <= 40 for a, b in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(offsets)
    assert all(b == c for (_, b), (c, _) in itertools.pairwise(spans))  # cut at breaks: no overlap
    assert all(b in breaks for _, b in spans[:-1])


def test_a_paragraph_longer_than_a_window_is_cut_with_overlap() -> None:
    spans = windows(100, [], 40, 8)
    assert spans == [(0, 40), (32, 72), (64, 100)]


def test_the_encoders_quotes_fill_only_where_no_rule_quote_overlaps(tmp_path) -> None:
    from annotator.core.records import QUOTE, Task

    text = "The mayor said the bridge would reopen. Engineers warned that the cables were worn."
    rules = encoder_probe.predicted_task(Task(text=text), [_quote(text, "the bridge would reopen", "indirect")])
    found = tmp_path / "encoder.jsonl"
    found.write_text(json.dumps({"input_hash": rules.input_hash, "quotes": [
        list(_quote(text, "the bridge would reopen.", "indirect")),
        list(_quote(text, "the cables were worn", "indirect"))]}) + "\n", encoding="utf-8")
    [combined] = encoder_probe.with_gaps([rules], found)
    assert [s.text for s in combined.spans if s.label == QUOTE] == ["the bridge would reopen", "the cables were worn"]
