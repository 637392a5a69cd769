"""``bench/scorer_bands.py``: skips without a cache, and counts each shown or hidden suggestion's
net keys in its source's score band (rows and sentences made up here)."""

from __future__ import annotations

import sys

from annotator.core.records import QUOTE, SAID_BY, SPEAKER, Relation, Span, Task
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from scorer_bands import band_gains  # bench/scorer_bands.py
from scorer_data import Candidate, DocRows  # bench/scorer_data.py

TEXT = "Ann said the plan works. Bob thinks the tax is fair. Cy hopes rain comes."


def span(words: str, label: str = QUOTE) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), 0, 0, label, text=words, quote_type="indirect")


def candidate(words: str, right: bool, attributed: bool = False, source: str = "frame:clause") -> Candidate:
    return Candidate({"bias": 1.0}, source, span(words), None, None, right=right, attributed=attributed)


def test_bench_scorer_bands_without_a_cache_skips_cleanly(tmp_path):
    result = bench_scripts.run_bench("scorer_bands.py", "--cache", str(tmp_path / "absent.pkl"))
    assert result.returncode == 0
    assert "no cache at" in result.stdout and "skipped" in result.stdout


def test_each_suggestion_counts_its_visit_take_and_speaker_fix_in_its_band():
    said = span("the tax is fair")
    gold = Task(text=TEXT, spans=[said, span("Bob", SPEAKER)], relations=[Relation(said, span("Bob", SPEAKER), SAID_BY)])
    rows = DocRows(gold, Task(text=TEXT), [
        candidate("the plan works", right=True),  # shown, no gold speaker to fix: 8 - 2
        candidate("the tax is fair", right=True, source="rule:free-object"),  # shown, speaker missed: 8 - 2 - 5
        candidate("rain comes", right=False),  # hidden below the threshold: a visit
        candidate("tax is", right=True),  # overlaps a shown one: left out
    ])
    gains = band_gains([rows], [[0.5, 0.3, 0.1, 0.1]], show_at=0.2)
    assert gains[("frame:clause", 0.45, "keys")] == 6
    assert gains[("rule:free-object", 0.3, "keys")] == 1
    assert (gains[("frame:clause", 0.1, "n")], gains[("frame:clause", 0.1, "keys")]) == (1, -1)
    assert gains[("all", 0.1, "n")] == 1 and gains[("all", 0.1, "right")] == 0
    assert sum(v for (source, _, kind), v in gains.items() if source == "all" and kind == "n") == 3
