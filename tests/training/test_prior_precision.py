"""The prior's rows kept as a precision matrix (``training/prior_precision.py``): a refit pulled by it is
close to a fit on the team's rows pooled with the prior's, a feature the prior saw often moves less than
one it saw rarely, and the matrix travels in a pipeline's folder. Hand-made rows, no spaCy model."""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np
import pytest

from annotator.training.prior_precision import PRECISION_FILE, RIDGE, PriorData, PriorPrecision, beside, precision_of, pulls
from annotator.training.scorer_fit import Row, TARGETS, fit_map, refit
from annotator.training.scorer_folds import label, plain

NAMES = ("bias", "source=rule:a", "source=rule:b", "long")


def prior_rows(n: int, rate_b: float) -> list[dict[str, float]]:
    """``n`` candidates of two sources (``rule:b`` a tenth of them), half long; labels by ``rate_b``
    for ``rule:b``, a fixed 0.4 for ``rule:a``."""
    out = []
    for i in range(n):
        source = "rule:b" if i % 10 == 0 else "rule:a"
        out.append({"bias": 1.0, f"source={source}": 1.0, "long": float(i % 2)})
    return out


def labels(rows: list[dict[str, float]], rate_b: float, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.array([rng.random() < (rate_b if "source=rule:b" in r else 0.4) for r in rows], dtype=float)


def matrix(rows: list[dict[str, float]]) -> np.ndarray:
    return np.array([[r.get(n, 0.0) for n in NAMES] for r in rows])


def fitted_prior(rows, y) -> tuple[dict[str, float], PriorPrecision]:
    w = fit_map(matrix(rows), y, np.zeros(len(NAMES)), RIDGE)
    weights = dict(zip(NAMES, w, strict=True))
    return weights, precision_of(rows, {"weights": weights, "promote_weights": weights})


def test_the_precision_is_the_curvature_of_the_log_loss_at_the_prior_weights():
    rows = prior_rows(200, 0.2)
    weights, precision = fitted_prior(rows, labels(rows, 0.2, 0))
    x = matrix(rows)
    p = 1 / (1 + np.exp(-(x @ np.array([weights[n] for n in NAMES]))))
    expected = (x.T * (p * (1 - p))) @ x
    order = [precision.names.index(n) for n in NAMES]
    assert np.allclose(precision.matrices["weights"][np.ix_(order, order)], expected)
    # over other names: a name it never saw gets the ridge alone, and the scale multiplies the rest
    pulled = precision.pull("weights", ["never", "long"], 2.0)
    assert pulled[0, 0] == RIDGE and pulled[0, 1] == 0 and np.isclose(pulled[1, 1], 2 * expected[3, 3] + RIDGE)


def test_a_refit_by_the_prior_rows_is_close_to_a_fit_on_both_sets_of_rows_pooled():
    prior, team = prior_rows(2000, 0.2), prior_rows(400, 0.6)
    y_prior, y_team = labels(prior, 0.2, 1), labels(team, 0.6, 2)
    weights, precision = fitted_prior(prior, y_prior)
    start = np.array([weights[n] for n in NAMES])
    by_matrix = fit_map(matrix(team), y_team, start, precision.pull("weights", NAMES, 1.0))
    pooled = fit_map(matrix(prior + team), np.concatenate([y_prior, y_team]), np.zeros(len(NAMES)), RIDGE)
    assert np.allclose(by_matrix, pooled, atol=0.05)
    # the team takes rule:b three times as often: its weight moves up
    assert by_matrix[2] > weights["source=rule:b"] + 0.2


def team_rows(documents: int) -> list[list[Row]]:
    """Documents where the team takes every ``rule:b`` candidate and leaves every ``rule:a`` one."""
    return [[Row({"bias": 1.0, "source=rule:a": 1.0, "long": float(k % 2)}, "rule:a", False, False) for k in range(4)]
            + [Row({"bias": 1.0, "source=rule:b": 1.0}, "rule:b", True, True)] for _ in range(documents)]


def test_a_weight_the_prior_saw_often_moves_less_than_one_it_saw_rarely():
    rows = prior_rows(2000, 0.2)
    weights, precision = fitted_prior(rows, labels(rows, 0.2, 3))
    table = {"sources": ["rule:a", "rule:b"], "weights": weights, "promote_weights": weights}
    pull = PriorData(1.0, precision)
    fit = refit(team_rows(60), prior_table=table, strengths={t: pull for t in TARGETS})
    even = refit(team_rows(60), prior_table=table, strengths={t: 300.0 for t in TARGETS})

    def ratio(table) -> float:  # how much further rule:b (a tenth of the prior's rows) moved than rule:a
        return abs(table["weights"]["source=rule:b"] - weights["source=rule:b"]) / \
            abs(table["weights"]["source=rule:a"] - weights["source=rule:a"])

    assert ratio(fit.table) > 1.5 * ratio(even.table)
    # the fit says which pull it used, as JSON keeps it
    assert label(pull) == "data×1" and plain(pull) == "data×1" and label("data×1") == "data×1"
    assert json.loads(json.dumps(fit.to_dict()))["strengths"] == {"right": "data×1", "attributed": "data×1"}


def test_the_precision_travels_in_the_pipeline_folder(tmp_path):
    rows = prior_rows(100, 0.2)
    _, precision = fitted_prior(rows, labels(rows, 0.2, 4))
    assert beside(SimpleNamespace(path=tmp_path)) is None and pulls(None) == ()
    precision.save(tmp_path / PRECISION_FILE)
    back = beside(SimpleNamespace(path=tmp_path))
    assert back.names == precision.names
    assert np.allclose(back.matrices["promote_weights"], precision.matrices["promote_weights"], rtol=1e-6)
    assert [p.label for p in pulls(back)] == ["data×1", "data×0.3"]


def test_a_save_that_fails_leaves_the_older_file_whole(tmp_path, monkeypatch):
    rows = prior_rows(100, 0.2)
    _, precision = fitted_prior(rows, labels(rows, 0.2, 4))
    path = tmp_path / PRECISION_FILE
    precision.save(path)
    before = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez_compressed", fail)
    with pytest.raises(OSError):
        precision.save(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [PRECISION_FILE]
