"""``bench/fit_scorer.py``: skips without a corpus, and its fit (``bench/scorer_choice.py``) learns a
feature that separates right from wrong candidates, calibrated out of fold (rows made up here)."""

from __future__ import annotations

import random
import sys

from annotator.core.records import QUOTE, Span, Task
from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from scorer_choice import fit  # bench/scorer_choice.py
from scorer_data import Candidate, DocRows  # bench/scorer_data.py


def test_bench_fit_scorer_without_a_corpus_skips_cleanly(tmp_path):
    result = bench_scripts.run_bench("fit_scorer.py", str(tmp_path / "absent"), "--cache", str(tmp_path / "rows.pkl"))
    assert result.returncode == 0
    assert "no corpus at" in result.stdout and "skipped" in result.stdout


def test_bench_fit_scorer_refuses_a_cache_inside_the_repository(tmp_path):
    result = bench_scripts.run_bench("fit_scorer.py", str(tmp_path), "--cache", str(bench_scripts.ROOT / "rows.pkl"))
    assert result.returncode == 2 and "inside the repository" in result.stderr


def test_bench_fit_scorer_refuses_a_parse_cache_inside_the_repository(tmp_path):
    result = bench_scripts.run_bench("fit_scorer.py", str(tmp_path), "--cache", str(tmp_path / "rows.pkl"),
                                     "--parse-cache", str(bench_scripts.ROOT / "parses"))
    assert result.returncode == 2 and "--parse-cache" in result.stderr and "inside the repository" in result.stderr
    assert not (bench_scripts.ROOT / "parses").exists()


def made_up_rows(n_docs: int = 40, per_doc: int = 25) -> list[DocRows]:
    """Candidates whose ``clear-cue`` feature makes them right 70% of the time, 10% without it."""
    chance = random.Random(7)
    rows = []
    quote = Span(0, 4, 0, 0, QUOTE, text="word", quote_type="indirect")
    for _ in range(n_docs):
        task = Task(text="word")
        doc = DocRows(task, task)
        for _ in range(per_doc):
            clear = chance.random() < 0.5
            right = chance.random() < (0.7 if clear else 0.1)
            feats = {"bias": 1.0, "source=frame:clause": 1.0, **({"clear-cue": 1.0} if clear else {})}
            doc.candidates.append(Candidate(feats, "frame:clause", quote, None, None, right=right, attributed=right))
        rows.append(doc)
    return rows


def test_the_fit_learns_the_feature_that_separates_right_from_wrong():
    rows = made_up_rows()
    fitted = fit(rows, "right")
    assert fitted.weights["clear-cue"] > 1.5
    assert fitted.sources == ["frame:clause"]
    with_cue = [p for r, ps in zip(rows, fitted.oof, strict=True) for c, p in zip(r.candidates, ps, strict=True)
                if "clear-cue" in c.feats]
    without = [p for r, ps in zip(rows, fitted.oof, strict=True) for c, p in zip(r.candidates, ps, strict=True)
               if "clear-cue" not in c.feats]
    assert 0.6 < sum(with_cue) / len(with_cue) < 0.8 and 0.05 < sum(without) / len(without) < 0.15


def test_a_threshold_per_quote_type_is_folded_into_the_type_weight():
    from scorer_choice import promote_shifts  # bench/scorer_choice.py

    from annotator.nlp.suggest.scorer import sigmoid

    at = {"indirect": 0.6, "mixed": 0.4, "direct": 0.4}
    shifts = promote_shifts(at)
    assert set(shifts) == {"type=mixed", "type=direct"} and shifts["type=mixed"] > 0
    for z in (-1.0, -0.45, -0.35, 0.0, 0.38, 0.45, 1.0):
        assert (sigmoid(z) >= at["mixed"]) == (sigmoid(z + shifts["type=mixed"]) >= at["indirect"])
    assert promote_shifts(None) == {} and promote_shifts(dict.fromkeys(at, 0.5)) == {}


def test_bench_fit_scorer_sets_the_promotion_thresholds_only_when_asked_and_checks_them(tmp_path):
    shown = bench_scripts.run_bench("fit_scorer.py", str(tmp_path), "--promote-at", "0.6,0.5")
    assert shown.returncode == 0 and "promote indirect at 0.6, the others at 0.5" in shown.stdout
    assert "wrote" not in shown.stdout  # without --write the package is left as it is
    for wrong in ("0.6", "1.5,0.4", "half,0.4"):
        refused = bench_scripts.run_bench("fit_scorer.py", str(tmp_path), "--promote-at", wrong)
        assert refused.returncode == 2 and "--promote-at" in refused.stderr and "Traceback" not in refused.stderr


def test_bench_fit_scorer_refuses_a_show_threshold_out_of_range(tmp_path):
    result = bench_scripts.run_bench("fit_scorer.py", str(tmp_path), "--show-at", "1.5")
    assert result.returncode == 2 and "between 0 and 1" in result.stderr


def test_fit_scorer_refuses_to_write_a_table_that_reads_vectors(tmp_path):
    result = bench_scripts.run_bench("fit_scorer.py", str(tmp_path / "absent"), "--vectors", "0.1", "--write")
    assert result.returncode == 2
    assert "no scorer reads the vectors" in result.stderr
