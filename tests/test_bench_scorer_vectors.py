"""``bench/scorer_vectors.py``: weights fitted on standardised vectors read on the raw tensor give the
same logit (numbers made up here)."""

from __future__ import annotations

import sys

import numpy

from tests import bench_scripts

sys.path.insert(0, str(bench_scripts.ROOT / "bench"))

from scorer_vectors import WIDTH, raw_weights  # bench/scorer_vectors.py
from vector_features import PARTS  # bench/vector_features.py


def test_raw_weights_give_the_logit_of_the_standardised_fit():
    rng = numpy.random.default_rng(0)
    scale = 0.1
    stats = {"scale": scale, "mean": {p: rng.normal(size=WIDTH) for p in PARTS},
             "sd": {p: rng.uniform(0.5, 2, size=WIDTH) for p in PARTS}}
    fitted = {"bias": -0.3, "type=direct": 0.2}
    fitted.update({f"vec-{p}-{k}": float(rng.normal()) for p in PARTS for k in range(WIDTH) if k % 3})
    raw = {p: rng.normal(size=WIDTH) for p in ("cue", "head")}  # a candidate without a speaker
    standardised = {f"vec-{p}-{k}": scale * (raw[p][k] - stats["mean"][p][k]) / stats["sd"][p][k]
                    for p in raw for k in range(WIDTH)}
    expected = fitted["bias"] + sum(fitted.get(name, 0.0) * v for name, v in standardised.items())
    weights = raw_weights(fitted, stats)
    feats = {"bias": 1.0, **{f"vec-{p}": 1.0 for p in raw},
             **{f"vec-{p}-{k}": float(raw[p][k]) for p in raw for k in range(WIDTH)}}
    got = sum(weights.get(name, 0.0) * v for name, v in feats.items())
    assert abs(got - expected) < 1e-4  # (the weights rounded as stored)
    assert weights["type=direct"] == 0.2 and "vec-speaker" in weights


def test_the_vector_benches_skip_without_their_caches(tmp_path):
    absent = [str(tmp_path / "rows.pkl"), str(tmp_path / "pc")]
    for script, args in (("scorer_vectors.py", []),
                         ("scorer_promotion_only.py", [str(tmp_path / "corpus"), "--demote-cache", str(tmp_path / "d.pkl"),
                                                       "--vectors", str(tmp_path / "v.npy")])):
        result = bench_scripts.run_bench(script, *args, "--cache", absent[0], "--parse-cache", absent[1])
        assert result.returncode == 0, result.stderr
        assert "skipped" in result.stdout
