"""Fitting the suggestion scorer and choosing its thresholds on the rows of ``bench/scorer_data.py``
(``bench/fit_scorer.py`` runs it): a logistic model over the named features, its regularisation
chosen by cross-validation grouped by article, calibrated on the out-of-fold scores; then, on those
out-of-fold probabilities, the show threshold (least keys per article) and the promotion threshold
(attributed F1 up with each kind's precision held), each simulated as the component would act."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import GroupKFold

from annotator.core.records import CUE_REL, QUOTE, QUOTE_TYPES, SAID_BY, Relation, Span, Suggestion, Task
from annotator.measure.evaluation import evaluate
from annotator.measure.keys import document_keys
from annotator.nlp.frames.candidates import overlaps_any
from annotator.nlp.suggest.component import PROMOTE_SOURCELESS_MIN_SCORE
from annotator.nlp.suggest.scorer import CROSSES, crossed, shifted
from annotator.nlp.suggest.scores import MIN_SCORE, SCORES, table_score
from scorer_data import Candidate, DocRows

C_GRID = (0.03, 0.1, 0.3)
FOLDS = 5
#: The promotion thresholds tried: one for all, then for the suggestions other than indirect apart.
PROMOTE_GRID = (0.8, 0.7, 0.65, 0.62, 0.6, 0.58, 0.55, 0.5, 0.45, 0.4, 0.35)
#: How far each kind's attributed precision on tuning may fall below the rules' (the margins between
#: the held-out precision and its floor: direct .915/.893, indirect .794/.781, mixed .832/.790, all .855/.840).
PRECISION_MARGINS = {"direct": 0.022, "indirect": 0.013, "mixed": 0.042, "all": 0.015}


@dataclass
class Fitted:
    weights: dict[str, float]
    sources: list[str]
    oof: list[list[float]]  # per document, per candidate: the out-of-fold probability
    #: a model fitted by gain (``fit``'s ``by_gain``): the probability at which showing breaks even
    break_even: float | None = None
    #: per document, per candidate: the probability in sample (the final model's)
    in_sample: list[list[float]] | None = None


def _matrix(rows: list[DocRows], target: str, crosses: tuple[tuple[str, str], ...]):
    feats = [crossed(c.feats, crosses) for r in rows for c in r.candidates]
    y = numpy.array([getattr(c, target) for r in rows for c in r.candidates], dtype=int)
    groups = numpy.array([i for i, r in enumerate(rows) for _ in r.candidates])
    vectorizer = DictVectorizer()
    return vectorizer, vectorizer.fit_transform(feats), y, groups


def _model(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=2000, solver="lbfgs")


def _out_of_fold(x, y, groups, c: float, weights: numpy.ndarray | None = None) -> numpy.ndarray:
    z = numpy.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        fold_weights = None if weights is None else weights[train]
        z[test] = _model(c).fit(x[train], y[train], sample_weight=fold_weights).decision_function(x[test])
    return z


def fit(rows: list[DocRows], target: str = "right", crosses: tuple[tuple[str, str], ...] = CROSSES, *,
        by_gain: bool = False, dense: tuple[list[str], numpy.ndarray] | None = None) -> Fitted:
    """The calibrated logistic model of ``target`` (a candidate's ``right`` or ``attributed``) over
    every candidate of ``rows`` (their base features with ``crosses``, as ``scorer.features``
    gives them at run time), with out-of-fold probabilities. ``by_gain``: the model is fitted to tell
    the candidates worth showing (``gain`` above 0) from the others, each weighed by the keys it
    saves or costs (``scorer_data.show_gain``), so its logit 0 is where showing breaks even; it is
    then calibrated on ``target`` as the other (its order kept), and ``break_even`` is that logit's
    probability. ``dense``: more features, named, one row per candidate (``bench/scorer_vectors.py``'s)."""
    print(f"{target}: {sum(getattr(c, target) for r in rows for c in r.candidates)} of "
          f"{sum(len(r.candidates) for r in rows)} candidates" + (", fitted by the keys each saves" if by_gain else ""))
    vectorizer, x, y, groups = _matrix(rows, target, crosses)
    names = list(vectorizer.get_feature_names_out()) + (dense[0] if dense is not None else [])
    x = x if dense is None else sparse.hstack([x, sparse.csr_matrix(dense[1])]).tocsr()
    fit_y, weights = y, None
    if by_gain:
        gains = numpy.array([c.gain for r in rows for c in r.candidates], dtype=float)
        fit_y, weights = (gains > 0).astype(int), numpy.abs(gains)
    best = None
    for c in C_GRID:
        z = _out_of_fold(x, fit_y, groups, c, weights)
        loss = log_loss(fit_y, 1 / (1 + numpy.exp(-z)), sample_weight=weights)
        print(f"  C {c}: out-of-fold log-loss {loss:.4f}{' (weighed by gain)' if by_gain else ''}, "
              f"AUC {roc_auc_score(y, z):.4f}")
        if best is None or loss < best[0]:
            best = (loss, c, z)
    _, c, z = best
    platt = LogisticRegression(C=1e6, solver="lbfgs").fit(z.reshape(-1, 1), y)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    p = 1 / (1 + numpy.exp(-(a * z + b)))
    table = numpy.array([table_score(SCORES, cand.source, len(cand.quote.text.split())) or 0.0
                         for r in rows for cand in r.candidates])
    print(f"chosen C {c}; Platt a {a:.3f}, b {b:.3f}. Out-of-fold: log-loss {log_loss(y, p):.4f} "
          f"(the rate table {log_loss(y, numpy.clip(table, 1e-3, 1 - 1e-3)):.4f}), AUC {roc_auc_score(y, p):.4f} "
          f"(the rate table {roc_auc_score(y, table):.4f}), Brier {numpy.mean((p - y) ** 2):.4f} "
          f"(table {numpy.mean((table - y) ** 2):.4f})")
    _print_calibration(p, y)
    final = _model(c).fit(x, fit_y, sample_weight=weights)
    fitted = {name: a * float(w) for name, w in zip(names, final.coef_[0], strict=True) if w != 0.0}
    fitted["bias"] = fitted.get("bias", 0.0) + a * float(final.intercept_[0]) + b
    break_even = round(1 / (1 + math.exp(-b)), 4) if by_gain else None
    inside = 1 / (1 + numpy.exp(-(a * final.decision_function(x) + b)))
    return Fitted({k: round(v, 5) for k, v in fitted.items()}, sorted({c.source for r in rows for c in r.candidates}),
                  _per_document(rows, p), break_even, _per_document(rows, inside))


def _per_document(rows: list[DocRows], p: numpy.ndarray) -> list[list[float]]:
    out, at = [], 0
    for r in rows:
        out.append([float(v) for v in p[at:at + len(r.candidates)]])
        at += len(r.candidates)
    return out


def _print_calibration(p: numpy.ndarray, y: numpy.ndarray) -> None:
    edges = (0, 0.05, 0.1, 0.17, 0.25, 0.35, 0.5, 0.65, 0.8, 1.01)
    cells = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        inside = (p >= lo) & (p < hi)
        if inside.any():
            cells.append(f"{lo:.2f}–{min(hi, 1):.2f}: {inside.sum()} mean {p[inside].mean():.3f} right {y[inside].mean():.3f}")
    print("calibration (out-of-fold): " + "; ".join(cells))


# -- simulating the component ----------------------------------------------------------------------

def _chosen(scored: list[tuple[Candidate, float]], min_score: float) -> list[tuple[Candidate, float]]:
    """As ``propose.choose``: at least ``min_score``, none overlapping another, the higher score first."""
    rated = sorted(((c, p) for c, p in scored if p >= min_score),
                   key=lambda cp: (-cp[1], cp[0].quote.token_start, cp[0].quote.token_end - cp[0].quote.token_start))
    kept: list[tuple[Candidate, float]] = []
    for c, p in rated:
        if not overlaps_any(c.quote.start, c.quote.end, [(k.quote.start, k.quote.end) for k, _ in kept]):
            kept.append((c, p))
    return kept


def promote(base: Task, promoted: list[Candidate]) -> Task:
    """``base`` with each candidate as a pre-labeled quote with its CUE and SAID_BY (when it has a speaker) relations."""
    spans, relations = list(base.spans), list(base.relations)
    keyed = {s.key: s for s in spans}

    def own(span: Span) -> Span:
        if span.key not in keyed:
            spans.append(span)
            keyed[span.key] = span
        return keyed[span.key]

    for c in promoted:
        quote = own(c.quote)
        relations.append(Relation(quote, own(c.cue), CUE_REL))
        if c.speaker is not None:
            relations.append(Relation(quote, own(c.speaker), SAID_BY))
    return Task(text=base.text, tokens=base.tokens, spans=spans, relations=relations, suggestions=base.suggestions)


def simulate(rows: list[DocRows], probs: list[list[float]], min_score: float,
             promote_at: float | dict[str, float] | None = None, promote_probs: list[list[float]] | None = None,
             sourceless_at: float | None = PROMOTE_SOURCELESS_MIN_SCORE):
    """Predicted tasks: each document's pre-labels, the promoted candidates (``promote_probs`` at
    least ``promote_at``, one threshold or one per quote type; and, when promoting, those with a cue
    and no speaker shown at ``sourceless_at`` or more, as the component promotes them) and the shown ones."""
    if promote_at is not None and not isinstance(promote_at, dict):
        promote_at = dict.fromkeys(QUOTE_TYPES, promote_at)
    out = []
    for i, (r, ps) in enumerate(zip(rows, probs, strict=True)):
        kept = _chosen(list(zip(r.candidates, ps, strict=True)), min_score)
        sure = {id(c): q for c, q in zip(r.candidates, promote_probs[i], strict=True)} if promote_probs else {}
        out.append(predicted(r, kept, promoted(kept, sure, promote_at, sourceless_at)))
    return out


def promoted(kept: list[tuple[Candidate, float]], sure: dict[int, float], promote_at: dict[str, float] | None,
             sourceless_at: float | None = PROMOTE_SOURCELESS_MIN_SCORE) -> list[Candidate]:
    """Those of the ``kept`` (chosen, with their shown probability) that are promoted: with a speaker,
    their probability of being right with it (``sure``, by ``id``) at least their type's ``promote_at``;
    with a cue and no speaker, shown at ``sourceless_at`` or more (none without ``promote_at``)."""
    if promote_at is None:
        return []
    return [c for c, p in kept if c.cue is not None and (
        sure.get(id(c), 0.0) >= promote_at[c.quote.quote_type] if c.speaker is not None
        else sourceless_at is not None and p >= sourceless_at)]


def predicted(r: DocRows, kept: list[tuple[Candidate, float]], up: list[Candidate]) -> Task:
    """The document's pre-labels with ``up`` promoted, the rest of ``kept`` shown, and the extents
    offered clear of them."""
    shown = [Suggestion(c.quote, c.cue, c.speaker, round(p, 3), c.source) for c, p in kept if c not in up]
    taken = [(c.quote.start, c.quote.end) for c, _ in kept]
    extents = [s for s in r.base.suggestions if not overlaps_any(s.quote.start, s.quote.end, taken)]
    task = promote(r.base, up)
    task.suggestions = shown + extents
    return task


def measure(rows: list[DocRows], predicted: list[Task]) -> dict:
    gold = [r.gold for r in rows]
    result = evaluate(gold, predicted)
    keys = []
    for g, p in zip(gold, predicted, strict=True):
        keys.append(document_keys(g, p)[1])
    scores = {kind: result.by_kind[kind]["attributed"] for kind in QUOTE_TYPES}
    scores["all"] = result.attributed
    return {"keys": sum(keys) / len(keys), "shown": sum(len(p.suggestions) for p in predicted) / len(predicted),
            "promoted": sum(sum(1 for s in p.spans if s.label == QUOTE) for p in predicted) / len(predicted),
            "scores": {k: (s.f1, s.precision, s.recall) for k, s in scores.items()}}


def _line(name: str, m: dict) -> str:
    cells = " ".join(f"{k} {f:.3f} (P {p:.3f} R {r:.3f})" for k, (f, p, r) in m["scores"].items())
    return f"  {name}: keys {m['keys']:.2f}, shown {m['shown']:.1f}, quotes {m['promoted']:.1f} per article; {cells}"


def show_threshold(rows: list[DocRows], fitted: Fitted) -> float:
    """The show threshold: a model fitted by gain shows from its break-even (where the keys a shown
    suggestion saves match those it costs, chosen by the model, not by a sweep); another the one of a
    few with the least keys per article on its out-of-fold probabilities (both printed)."""
    shows = {}
    for t in sorted({0.12, 0.14, 0.17, 0.20, 0.24} | ({fitted.break_even} if fitted.break_even is not None else set())):
        shows[t] = measure(rows, simulate(rows, fitted.oof, t, None))
        print(_line(f"scorer, shown at {t}", shows[t]), flush=True)
    return fitted.break_even if fitted.break_even is not None else min(shows, key=lambda t: shows[t]["keys"])


def show_table(rows: list[DocRows], fitted: Fitted, shipped: dict) -> dict:
    """The table of a fit of the show model only: its weights and threshold (``show_threshold``),
    the ``shipped`` table's promotion model and thresholds kept as they are, and the show model the
    promotion was chosen with (``promote_choice``: the shipped one's, or the shipped show model), so
    the pre-labels stay the same."""
    min_score = show_threshold(rows, fitted)
    print(f"chosen: show at {min_score}; the shipped promotion kept (at {shipped.get('promote_min_score')})")
    choice = shipped.get("promote_choice") or {"min_score": shipped["min_score"], "weights": shipped["weights"]}
    return {"sources": fitted.sources, "min_score": min_score, "promote_min_score": shipped.get("promote_min_score"),
            "promote_shifts": shipped.get("promote_shifts", {}),
            "fit": {"candidates": sum(len(r.candidates) for r in rows), "articles": len(rows),
                    "right": sum(c.right for r in rows for c in r.candidates), "crosses": [list(c) for c in CROSSES],
                    "show_model": "by gain", "promotion": "kept"},
            "weights": fitted.weights, "promote_weights": shipped.get("promote_weights", {}), "promote_choice": choice}


def choose_thresholds(rows: list[DocRows], fitted: Fitted, sure: Fitted) -> dict:
    """The show threshold of ``fitted`` and the promote threshold of ``sure`` (the model of a right
    speaker too) chosen on their out-of-fold probabilities, and the table to store."""
    table = [[table_score(SCORES, c.source, len(c.quote.text.split())) or 0.0 for c in r.candidates] for r in rows]
    before = measure(rows, simulate(rows, table, MIN_SCORE, None))
    print(_line(f"rate table, shown at {MIN_SCORE}", before))
    min_score = show_threshold(rows, fitted)
    floors = {k: before["scores"][k][1] - PRECISION_MARGINS[k] for k in before["scores"]}
    best, best_f1 = None, before["scores"]["all"][0]
    tried: set[tuple[float, float]] = set()

    def attempt(indirect: float, other: float) -> None:
        nonlocal best, best_f1
        if (indirect, other) in tried:
            return
        tried.add((indirect, other))
        at = {"indirect": indirect, "mixed": other, "direct": other}
        m = measure(rows, simulate(rows, fitted.oof, min_score, at, sure.oof))
        held = all(m["scores"][k][1] >= floors[k] for k in floors)
        print(_line(f"promote indirect at {indirect}, the others at {other}"
                    f"{'' if held else ' (a precision below its floor)'}", m), flush=True)
        if held and m["scores"]["all"][0] > best_f1:
            best, best_f1 = at, m["scores"]["all"][0]

    for t in PROMOTE_GRID:  # one threshold for all, then the others' own below or above the best
        attempt(t, t)
    if best is not None:
        for other in PROMOTE_GRID:
            attempt(best["indirect"], other)
    print(f"chosen: show at {min_score}, promote at {best}")
    shifts = promote_shifts(best)
    promote_weights = shifted(sure.weights, shifts)
    return {"sources": fitted.sources, "min_score": min_score,
            "promote_min_score": None if best is None else best["indirect"], "promote_shifts": shifts,
            "fit": {"candidates": sum(len(r.candidates) for r in rows), "articles": len(rows),
                    "right": sum(c.right for r in rows for c in r.candidates), "crosses": [list(c) for c in CROSSES]},
            "weights": fitted.weights, "promote_weights": promote_weights}


def promote_shifts(at: dict[str, float] | None) -> dict[str, float]:
    """One promotion threshold per quote type as the one ``promote_min_score`` (the indirect one's)
    reads it: each other type's ``type=…`` weight moved by the logit between the two thresholds, so
    ``p ≥ at[type]`` before is ``p' ≥ at["indirect"]`` after."""
    if at is None:
        return {}
    def logit(p: float) -> float:
        return math.log(p / (1 - p))
    return {f"type={kind}": round(logit(at["indirect"]) - logit(t), 5) for kind, t in sorted(at.items())
            if t != at["indirect"]}
