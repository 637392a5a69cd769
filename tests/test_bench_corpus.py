"""``bench/corpus.py`` on a tiny brat corpus written here: it scores, refuses held-out splits, skips without a corpus."""

from __future__ import annotations

import subprocess

import pytest

from tests import bench_scripts
from tests.bench_scripts import ROOT

from tests.formats.test_brat_import import TEXT, attribution_ann



def run_bench(*args: str) -> subprocess.CompletedProcess:
    return bench_scripts.run_bench("corpus.py", *args)


def test_bench_corpus_without_the_corpus_skips_cleanly(tmp_path):
    bench_scripts.assert_skips_without_corpus("corpus.py", tmp_path)


@pytest.mark.parametrize("args", [["--split", "dev"], ["--split", "test"]])
def test_bench_corpus_refuses_held_out_splits(tmp_path, args):
    (tmp_path / "data" / "dev").mkdir(parents=True)
    result = run_bench(str(tmp_path), *args)
    assert result.returncode == 2
    assert "held-out" in result.stderr


def test_bench_corpus_refuses_a_dump_inside_the_repository(tmp_path):
    result = run_bench(str(tmp_path), "--dump", str(ROOT / "bench" / "dump"))
    assert result.returncode == 2
    assert not (ROOT / "bench" / "dump").exists()


@pytest.mark.model
def test_bench_corpus_scores_a_brat_corpus_and_dumps_errors(tmp_path):
    train = tmp_path / "data" / "train"
    (train / "text").mkdir(parents=True)
    (train / "attributions").mkdir()
    (train / "text" / "budget.txt").write_text(TEXT, encoding="utf-8")
    (train / "attributions" / "budget_b2.ann").write_text(attribution_ann(TEXT), encoding="utf-8")
    (train / "attributions" / "budget_a1.ann").write_text("", encoding="utf-8")  # the first annotator is gold

    result = run_bench(str(tmp_path), "--dump", str(tmp_path / "dump"))

    assert result.returncode == 0, result.stderr
    assert "1 texts (gold: the first annotator of each)" in result.stdout
    assert "quotes: 0 direct, 0 indirect, 0 mixed" in result.stdout
    assert "documents with meta.prelabel_errors: 0 of 1" in result.stdout
    assert "ratio" in result.stdout
    assert (tmp_path / "dump" / "errors.txt").read_text(encoding="utf-8").startswith("# budget.txt\nEXTRA")
    rescored = run_bench("unused", "--dump", str(tmp_path / "dump"), "--rescore")
    assert rescored.returncode == 0 and "speaker resolved" in rescored.stdout
