"""A full refit of what the pre-labels are made of (``bench/fit_scorer.py`` without ``--keep-promotion``):
the show model and the promotion model of the candidates, the demotion model of the rules' pre-labels
(``bench/fit_demote.py``'s rows and fit), and their thresholds chosen together on the out-of-fold
probabilities (``scorer_joint.choose_together``). Printed beside the choice: each model's reliability
by decile, the shipped promotion model on today's candidates, the settings with one threshold for
promoting and demoting alike, and the chosen setting in sample."""

from __future__ import annotations

import numpy
from sklearn.metrics import log_loss, roc_auc_score

import fit_demote  # bench/fit_demote.py
from annotator.core.records import QUOTE_TYPES
from annotator.nlp.suggest.demote import DEMOTE_CROSSES
from annotator.nlp.suggest.demote import shipped_table as demote_table
from annotator.nlp.suggest.scorer import CROSSES, crossed, shifted, shipped_table, sigmoid, weighted_sum
from scorer_choice import DocRows, Fitted, fit, promote_shifts  # bench/scorer_choice.py
from scorer_joint import (  # bench/scorer_joint.py
    refit_pays,
    Outcomes, choose_together, line, prelabel_pairs, promotable_pairs, reliability,
)


def probabilities(rows: list[DocRows], weights: dict[str, float],
                  crosses: tuple[tuple[str, str], ...] = CROSSES) -> list[list[float]]:
    """A model's probabilities of each candidate of ``rows`` (in sample when it was fitted on them)."""
    return [[sigmoid(weighted_sum(weights, crossed(c.feats, crosses))) for c in r.candidates] for r in rows]


def separation(rows: list[DocRows], probs: list[list[float]], name: str) -> None:
    """AUC and log-loss of "right with its speaker", over every candidate and over the promotable ones."""
    flat = numpy.array([p for ps in probs for p in ps])
    y = numpy.array([c.attributed for r in rows for c in r.candidates], dtype=int)
    p, yy = promotable_pairs(rows, probs)
    print(f"{name}: AUC {roc_auc_score(y, flat):.4f}, log-loss {log_loss(y, numpy.clip(flat, 1e-6, 1 - 1e-6)):.4f}; "
          f"with a cue and a speaker ({len(p)}): AUC {roc_auc_score(yy, p):.4f}, "
          f"log-loss {log_loss(yy, numpy.clip(p, 1e-6, 1 - 1e-6)):.4f}")


def the_shipped_promotion(outcomes: Outcomes, unsure: list[list[float]], shipped: dict, demote_at: float,
                          name: str) -> dict | None:
    """The shipped promotion model (its per-type shifts folded in) simulated at its threshold with
    ``outcomes``' show model and the demotion probabilities ``unsure`` under ``demote_at`` (the shipped
    model was fitted on these articles: in sample for it, whatever the others are)."""
    if shipped.get("promote_weights"):
        at = shipped["promote_min_score"]
        m = outcomes.measure(probabilities(outcomes.rows, shipped["promote_weights"]), dict.fromkeys(QUOTE_TYPES, at),
                             unsure, demote_at)
        print(line(f"{name}: the shipped promotion at {at} (its shifts folded in), demote under {demote_at}", m))
        return m
    return None


def shipped_model(rows: list[DocRows], shipped: dict) -> None:
    """How the shipped promotion model (its shifts taken out) tells today's candidates right with
    their speaker (in sample: it was fitted on these articles)."""
    if shipped.get("promote_weights"):
        plain = probabilities(rows, shifted(shipped["promote_weights"], shipped.get("promote_shifts", {}), -1.0))
        separation(rows, plain, "the shipped promotion model on today's candidates (in sample)")
        reliability(*promotable_pairs(rows, plain), "the shipped promotion model, with a cue and a speaker")


def one_threshold(outcomes: Outcomes, sure: list[list[float]], unsure: list[list[float]],
                  grid: tuple[float, ...] = (0.45, 0.5, 0.55, 0.6, 0.65)) -> None:
    """Every type promoted and the pre-labels demoted at the same probability."""
    for at in grid:
        print(line(f"one threshold {at}", outcomes.measure(sure, dict.fromkeys(QUOTE_TYPES, at), unsure, at)))


def refit_together(rows: list[DocRows], shown: Fitted, sure: Fitted, corpus, demote_cache, recollect: bool,
                   parse_cache) -> dict[str, dict | bool]:
    """The demotion model fitted on the rules' pre-labels (gathered, or read from ``demote_cache``),
    the thresholds chosen together on the out-of-fold probabilities, and the two tables to store
    (``scorer``: ``scorer_weights.json``'s, ``demote``: ``demote_weights.json``'s), and whether the
    refit ``pays``: in sample (as ``bench/corpus.py --tuning`` measures it) fewer plain keys than the
    shipped promotion with the new show and demotion models, every precision at its bar."""
    prelabel_rows = fit_demote.gather(corpus, demote_cache, recollect, parse_cache)
    for r in prelabel_rows:
        fit_demote.label(r)
    print(f"{sum(len(r.candidates) for r in prelabel_rows)} pre-labels, "
          f"{sum(c.right for r in prelabel_rows for c in r.candidates)} right")
    unsure = fit(prelabel_rows, "right", DEMOTE_CROSSES, by_gain=True)
    show_at = shown.break_even
    separation(rows, sure.oof, "the promotion model refitted, out of fold")
    reliability(*promotable_pairs(rows, sure.oof), "the promotion model out of fold, with a cue and a speaker")
    reliability(*prelabel_pairs(prelabel_rows, unsure.oof, "right"), "the demotion model out of fold, right")
    reliability(*prelabel_pairs(prelabel_rows, unsure.oof, "attributed"),
                "the demotion model out of fold, right with its speaker")
    shipped, demote_at = shipped_table(), demote_table().get("min_score", 0.0)
    shipped_model(rows, shipped)
    outcomes = Outcomes(rows, shown.oof, show_at, prelabel_rows)
    in_sample = Outcomes(rows, probabilities(rows, shown.weights), show_at, prelabel_rows)
    unsure_in = probabilities(prelabel_rows, unsure.weights, DEMOTE_CROSSES)
    the_shipped_promotion(outcomes, unsure.oof, shipped, demote_at, "out of fold")
    before = the_shipped_promotion(in_sample, unsure_in, shipped, demote_at, "in sample")
    chosen, _ = choose_together(outcomes, sure.oof, unsure.oof, "out of fold")
    one_threshold(outcomes, sure.oof, unsure.oof)
    indirect, others, demote_at = chosen if chosen is not None else (None, None, 0.0)
    at = None if indirect is None else {"indirect": indirect, "mixed": others, "direct": others}
    reads_vectors = any(name.startswith("vec-") for name in sure.weights)  # (features the rows do not hold)
    m = in_sample.measure(sure.in_sample if reads_vectors else probabilities(rows, sure.weights), at, unsure_in, demote_at)
    print(line(f"in sample: promote {indirect} / {others}, demote under {demote_at}", m))
    pays = refit_pays(before, m)
    print("in sample, against the shipped promotion: " + ("fewer plain keys, every precision at its bar" if pays else
          "no fewer plain keys, or a precision under its bar: the refit does not pay"))
    shifts = promote_shifts(at)
    fitted_on = {"candidates": sum(len(r.candidates) for r in rows), "articles": len(rows),
                 "right": sum(c.right for r in rows for c in r.candidates), "crosses": [list(c) for c in CROSSES],
                 "show_model": "by gain", "promotion": "chosen with the demotion (bench/scorer_joint.py)"}
    scorer = {"sources": shown.sources, "min_score": show_at, "promote_min_score": indirect, "promote_shifts": shifts,
              "fit": fitted_on, "weights": shown.weights, "promote_weights": shifted(sure.weights, shifts)}
    return {"scorer": scorer, "demote": fit_demote.demote_table(unsure, demote_at, prelabel_rows, demote_at),
            "pays": pays}


__all__ = ["one_threshold", "probabilities", "refit_together", "separation", "shipped_model", "the_shipped_promotion"]
