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


CASES = [
    # ours running on over a relative clause after a comma
    ("Ruiz said the board backed the harbour master, who took the post in March.",
     "the board backed the harbour master, who took the post in March", "the board backed the harbour master",
     "said", ("same start", "ours ends later: , a relative clause")),
    # ours holding gold's cue before gold's words: gold is the report inside ours
    ("The minister said the opposition claims the count was rigged.",
     "the opposition claims the count was rigged", "the count was rigged",
     "claims", ("ours starts earlier: holds gold's cue", "same end")),
    # gold running on past our end over a subordinate clause
    ("Okafor said the ferry would stop running while the harbour is rebuilt.",
     "the ferry would stop running", "the ferry would stop running while the harbour is rebuilt",
     "said", ("same start", "gold ends later: a subordinate clause")),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "ours", "gold", "cue", "expected"), CASES)
def test_the_boundaries_are_classed_by_what_the_longer_span_has_more(nlp_model, text, ours, gold, cue, expected):
    doc = nlp_model(text)
    assert boundary(doc, _chars(text, ours), _chars(text, gold), _chars(text, cue)) == expected


def test_without_the_corpus_it_says_skipped(tmp_path):
    script = bench_scripts.ROOT / "bench" / "extent_misses.py"
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "none"), "--parse-cache", str(tmp_path)],
                          capture_output=True, text=True, check=False, cwd=bench_scripts.ROOT,
                          env={"PYTHONPATH": f"{bench_scripts.ROOT}:{bench_scripts.ROOT / 'bench'}"})
    assert done.returncode == 0
    assert "skipped" in done.stdout
