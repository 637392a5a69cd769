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


def test_bench_corpus_linking_needs_a_trained_pipeline(tmp_path):
    (tmp_path / "data" / "train").mkdir(parents=True)
    result = run_bench(str(tmp_path), "--linking", "gap+clauses@0")
    assert result.returncode == 2
    assert "--model MODEL_DIR" in result.stderr


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


def test_bench_corpus_refuses_a_parse_cache_inside_the_repository(tmp_path):
    result = run_bench(str(tmp_path), "--parse-cache", str(ROOT / "bench" / "parses"))
    assert result.returncode == 2
    assert "--parse-cache" in result.stderr
    assert not (ROOT / "bench" / "parses").exists()


@pytest.mark.model
def test_bench_corpus_parse_cache_gives_the_same_predictions(tmp_path):
    second = "Officials said on Monday that the bridge would reopen in May, and the mayor agreed."
    bench_scripts.write_brat_train(tmp_path, {"budget": (TEXT, attribution_ann(TEXT)), "bridge": (second, ""),
                                              "bridge_again": (second, "")})  # a repeated text too

    plain = run_bench(str(tmp_path), "--speed-docs", "0", "--misses", "--dump", str(tmp_path / "plain"))
    first = run_bench(str(tmp_path), "--speed-docs", "0", "--misses", "--parse-cache", str(tmp_path / "cache"),
                      "--dump", str(tmp_path / "first"))
    again = run_bench(str(tmp_path), "--speed-docs", "0", "--misses", "--parse-cache", str(tmp_path / "cache"),
                      "--dump", str(tmp_path / "again"))

    assert plain.returncode == first.returncode == again.returncode == 0, plain.stderr + first.stderr + again.stderr
    assert len(list((tmp_path / "cache").glob("parses-*.spacy"))) == 1
    expected = (tmp_path / "plain" / "predicted.jsonl").read_text(encoding="utf-8")
    assert "QUOTE" in expected  # the pipeline found something, so equality says something
    assert (tmp_path / "first" / "predicted.jsonl").read_text(encoding="utf-8") == expected
    assert (tmp_path / "again" / "predicted.jsonl").read_text(encoding="utf-8") == expected
    def misses(out: str) -> str:
        return out[out.index("not found, by what carries them"):out.index("wrote ")]

    assert "| all | " in misses(plain.stdout)  # --misses classed the gold attributions off the parse
    assert misses(first.stdout) == misses(again.stdout) == misses(plain.stdout)


def test_bench_corpus_parse_cache_key_changes_with_the_tokenizer():
    import sys

    import spacy

    from annotator.nlp.glued_marks import split_glued_marks

    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import tokenizer_patterns

    stock = tokenizer_patterns(spacy.blank("en"))
    assert all(stock) and tokenizer_patterns(split_glued_marks(spacy.blank("en"))) != stock
