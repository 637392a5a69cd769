"""``bench/extent_misses.py``: a missed gold attribution under a span of another extent, classed by where
gold's boundaries fall against ours (sentences of our own)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from extent_misses import boundary  # bench/extent_misses.py


def _chars(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.mark.model
def test_ours_running_on_over_a_relative_clause_after_a_comma(nlp_model):
    text = "Ruiz said the board backed the harbour master, who took the post in March."
    doc = nlp_model(text)
    ours = _chars(text, "the board backed the harbour master, who took the post in March")
    gold = _chars(text, "the board backed the harbour master")
    assert boundary(doc, ours, gold, _chars(text, "said")) == ("same start", "ours ends later: , a relative clause")


@pytest.mark.model
def test_ours_holding_gold_s_cue_before_gold_s_words(nlp_model):
    text = "The minister said the opposition claims the count was rigged."
    doc = nlp_model(text)
    ours = _chars(text, "the opposition claims the count was rigged")
    gold = _chars(text, "the count was rigged")
    assert boundary(doc, ours, gold, _chars(text, "claims")) == ("ours starts earlier: holds gold's cue", "same end")


@pytest.mark.model
def test_gold_running_on_past_our_end_over_a_subordinate_clause(nlp_model):
    text = "Okafor said the ferry would stop running while the harbour is rebuilt."
    doc = nlp_model(text)
    ours = _chars(text, "the ferry would stop running")
    gold = _chars(text, "the ferry would stop running while the harbour is rebuilt")
    assert boundary(doc, ours, gold, _chars(text, "said"))[1] == "gold ends later: a subordinate clause"


def test_without_the_corpus_it_says_skipped(tmp_path):
    script = bench_scripts.ROOT / "bench" / "extent_misses.py"
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "none"), "--parse-cache", str(tmp_path)],
                          capture_output=True, text=True, check=False, cwd=bench_scripts.ROOT,
                          env={"PYTHONPATH": f"{bench_scripts.ROOT}:{bench_scripts.ROOT / 'bench'}"})
    assert done.returncode == 0
    assert "skipped" in done.stdout
