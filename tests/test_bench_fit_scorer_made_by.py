"""``bench/fit_scorer.py --write``: the weights file's ``_made_by`` lists the commands that made the
current weights; a full fit starts the list, a threshold-only rewrite adds to it (a tiny made-up
table in a temporary file, no fit run)."""

from __future__ import annotations

import json
import sys

import pytest

from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

import fit_scorer  # bench/fit_scorer.py

TABLE = {"sources": ["made-up"], "min_score": 0.2, "promote_min_score": 0.6, "promote_shifts": {},
         "weights": {"bias": -1.0, "clear-cue": 2.0}, "promote_weights": {"bias": -2.0}}


@pytest.fixture
def weights_file(tmp_path, monkeypatch):
    path = tmp_path / "scorer_weights.json"
    monkeypatch.setattr(fit_scorer, "WEIGHTS", path)
    return path


def test_a_full_fit_starts_a_new_list_of_commands(weights_file):
    weights_file.write_text(json.dumps({"_made_by": ["an older fit", "its threshold"], **TABLE}), encoding="utf-8")
    fit_scorer.write_weights(dict(TABLE), "python bench/fit_scorer.py CORPUS --write")
    written = json.loads(weights_file.read_text(encoding="utf-8"))
    assert len(written["_made_by"]) == 1 and written["_made_by"][0].startswith("python bench/fit_scorer.py CORPUS")
    assert {k: v for k, v in written.items() if k != "_made_by"} == TABLE


def test_a_threshold_only_rewrite_appends_its_command_and_keeps_the_weights(weights_file, monkeypatch):
    fit_scorer.write_weights(dict(TABLE), "the fit")
    monkeypatch.setattr(sys, "argv", ["fit_scorer.py", "CORPUS", "--show-at", "0.3", "--write"])
    assert fit_scorer.set_show(0.3, write=True) == 0
    written = json.loads(weights_file.read_text(encoding="utf-8"))
    made = written["_made_by"]
    assert len(made) == 2 and made[0].startswith("the fit, at commit ")
    assert made[1].startswith("nice -n 10 .venv/bin/python bench/fit_scorer.py CORPUS --show-at 0.3 --write")
    assert written["min_score"] == 0.3 and written["weights"] == TABLE["weights"]


def test_an_older_single_string_is_read_as_its_commands():
    older = "fit --write, at commit a (the working tree it ran in); then fit --show-at 0.2 --write, at commit a (x)"
    assert fit_scorer.made_by(older) == ["fit --write, at commit a (the working tree it ran in)",
                                         "fit --show-at 0.2 --write, at commit a (x)"]
    assert fit_scorer.made_by(None) == [] and fit_scorer.made_by(["one"]) == ["one"]


def test_the_shipped_file_lists_its_commands_and_the_reader_ignores_them():
    from annotator.nlp.suggest.scorer import WEIGHTS_FILE, SuggestionScorer

    table = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert isinstance(table["_made_by"], list) and all(isinstance(c, str) for c in table["_made_by"])
    assert SuggestionScorer.from_table(table).weights



def test_a_write_that_dies_midway_leaves_the_old_weights_whole(weights_file, monkeypatch):
    """The new weights are written beside the file and renamed over it: a process killed after the
    bytes are out but before they are on disk (here at the flush) leaves the old file as it was."""
    import os

    fit_scorer.write_weights(dict(TABLE), "the fit")
    before = weights_file.read_bytes()

    fsync, calls = os.fsync, []

    def dies_once(fd):  # the first flush dies; the clean-up after it runs as it would
        calls.append(fd)
        if len(calls) == 1:
            raise KeyboardInterrupt
        fsync(fd)

    monkeypatch.setattr(os, "fsync", dies_once)
    with pytest.raises(KeyboardInterrupt):
        fit_scorer.write_weights(dict(TABLE, min_score=0.5), "another fit")
    assert weights_file.read_bytes() == before
    assert [p.name for p in weights_file.parent.iterdir()] == [weights_file.name]  # no temporary left
