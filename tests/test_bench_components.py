"""``bench/components.py`` on texts written here: it times every component, reads the ratios, refuses
held-out splits and skips without a corpus."""

from __future__ import annotations

import subprocess

import pytest

from tests import bench_scripts

TEXTS = (
    "The mayor said on Monday that the new bridge would open in May.\n\n"
    "\u201cWe are ready,\u201d she told reporters. Officials in Lyon declined to comment.",
    "LAGOS (Reuters) - Grace Mensah, the finance minister, warned that costs were rising.\n\n"
    "The budget would be delayed, according to the ministry.",
)


def run_bench(*args: str) -> subprocess.CompletedProcess:
    return bench_scripts.run_bench("components.py", *args)


def test_bench_components_without_a_corpus_skips_cleanly(tmp_path):
    bench_scripts.assert_skips_without_corpus("components.py", tmp_path)


def test_bench_components_refuses_held_out_splits(tmp_path):
    texts = tmp_path / "data" / "dev" / "text"
    texts.mkdir(parents=True)
    (texts / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    result = run_bench(str(tmp_path / "data" / "dev"))
    assert result.returncode == 2
    assert "held out" in result.stderr


@pytest.mark.model
def test_bench_components_times_each_component_and_reads_the_ratios(tmp_path):
    texts = tmp_path / "data" / "train" / "text"
    texts.mkdir(parents=True)
    for number, text in enumerate(TEXTS):
        (texts / f"{number}.txt").write_text(text, encoding="utf-8")

    result = run_bench(str(tmp_path), "--rounds", "1", "--chunk", "1")

    assert result.returncode == 0, result.stderr
    assert "texts: 2 from text/" in result.stdout
    for name in ("annotator_quotes", "annotator_speakers", "annotator_entities", "annotator_coref", "ner"):
        assert f"  {name} " in result.stdout
    assert "ours: " in result.stdout and "without the suggestions" in result.stdout
    for step in ("all proposals", "scoring", "the Doc's facts", "demotion model", "doubtful classes", "the rest"):
        assert f"    {step}" in result.stdout
    assert "rules                ratio " in result.stdout and "rules + suggestions  ratio " in result.stdout
