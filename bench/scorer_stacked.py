"""The base model's vectors STACKED on the shipped scorer, out of fold and like with like: the shipped
show and promotion models kept as they are, and for each a small logistic model fitted on top, whose
inputs are the shipped model's logit (one feature, barely regularised) and the candidate's standardised
vectors (``bench/scorer_vectors.py``: cue root, content head, speaker root and the content's mean;
strongly shrunk, the vectors' own regularisation ``--c-vectors``), so the new score is the shipped
logit refined by the vectors. Fitted out of fold (GroupKFold by article, as ``bench/scorer_choice.py``)
on the rows ``bench/fit_scorer.py`` gathers; printed: AUC and log-loss beside the shipped model alone
(and the shipped logit recalibrated alone, out of fold), then keys per article at the shipped thresholds
(the component simulated as it runs: the kept choice model picks what may be promoted, the show model
what is shown, the shipped demotion model demotes), each arm against the shipped models paired by article
(bootstrap 95% interval), and the tuning precision floors.

    nice -n 10 .venv/bin/python bench/scorer_stacked.py /work/polnear --cache /tmp/s27-vec/rows.pkl --demote-cache /tmp/s27-vec/demote.pkl --parse-cache /tmp/pc --vectors /tmp/s27-vec/vectors_mean.npy
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import log_loss, roc_auc_score  # noqa: E402

import fit_demote  # noqa: E402  (bench/fit_demote.py)
from compare_dumps import paired as bootstrap_paired  # noqa: E402  (bench/compare_dumps.py)
from scorer_choice import _chosen, _out_of_fold, predicted  # noqa: E402  (bench/scorer_choice.py)
from scorer_data import label, load  # noqa: E402  (bench/scorer_data.py)
from scorer_joint import aligned  # noqa: E402  (bench/scorer_joint.py)
from scorer_vectors import gather_vectors, standardised  # noqa: E402  (bench/scorer_vectors.py)

from annotator.core.records import QUOTE_TYPES  # noqa: E402
from annotator.measure.evaluation import KindScore, evaluate  # noqa: E402
from annotator.measure.keys import document_keys  # noqa: E402
from annotator.measure.spans import Score  # noqa: E402
from annotator.nlp.frames.candidates import overlaps_any  # noqa: E402
from annotator.nlp.suggest.component import PROMOTE_SOURCELESS_MIN_SCORE  # noqa: E402
from annotator.nlp.suggest.demote import shipped_table as demote_table  # noqa: E402
from annotator.nlp.suggest.scorer import CROSSES, crossed, shifted, shipped_table, weighted_sum  # noqa: E402
from annotator.nlp.suggest.vectors import PARTS  # noqa: E402

#: The tuning precision floors (docs/prelabel.md): attributed precision per kind.
FLOORS = {"direct": 0.893, "indirect": 0.781, "mixed": 0.790, "all": 0.840}
#: The regularisation of the stacked model: its C (the logit's, barely binding on 45,000 rows).
C_LOGIT = 1.0


def logits(rows, weights: dict[str, float]) -> numpy.ndarray:
    """A shipped model's logit of every candidate, in the rows' order."""
    return numpy.array([weighted_sum(weights, crossed(c.feats, CROSSES)) for r in rows for c in r.candidates])


def stack_matrix(z: numpy.ndarray, dense: numpy.ndarray | None, c_vectors: float) -> numpy.ndarray:
    """The stacked model's inputs: the logit, and the standardised vectors scaled so that their own
    regularisation is ``c_vectors`` under ``C_LOGIT``."""
    if dense is None:
        return z.reshape(-1, 1)
    return numpy.hstack([z.reshape(-1, 1), dense * math.sqrt(c_vectors / C_LOGIT)])


def per_document(rows, flat: numpy.ndarray) -> list[list[float]]:
    out, at = [], 0
    for r in rows:
        out.append([float(v) for v in flat[at:at + len(r.candidates)]])
        at += len(r.candidates)
    return out


def sigmoid(z: numpy.ndarray) -> numpy.ndarray:
    return 1 / (1 + numpy.exp(-z))


def calibrated(s: numpy.ndarray, y: numpy.ndarray) -> tuple[numpy.ndarray, float]:
    """A by-gain logit ``s`` calibrated on ``y`` (Platt, as ``scorer_choice.fit``): the probabilities
    and the break-even's (``s`` 0)."""
    platt = LogisticRegression(C=1e6).fit(s.reshape(-1, 1), y)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    return sigmoid(a * s + b), float(sigmoid(numpy.array(b)))


def simulate(r, show, choice, choice_at: float, show_at: float, sure, promote_at: dict[str, float], down,
             sourceless=None):
    """One article as the component makes it with a kept choice model: the promoted chosen among the
    ``choice`` model's at ``choice_at`` (a cue, a speaker and ``sure`` at least their type's threshold),
    the rest shown by ``show`` at ``show_at`` clear of them, those with a cue and no speaker shown at
    ``PROMOTE_SOURCELESS_MIN_SCORE`` promoted too (by ``sourceless``' score when given), the pre-labels
    ``down`` demoted."""
    cands = r.candidates
    first = _chosen(list(zip(cands, choice, strict=True)), choice_at)
    sure_of = {id(c): q for c, q in zip(cands, sure, strict=True)}
    up = [c for c, _ in first if c.cue is not None and c.speaker is not None
          and sure_of[id(c)] >= promote_at[c.quote.quote_type]]
    taken = [(c.quote.start, c.quote.end) for c in up]
    shown_of = {id(c): p for c, p in zip(cands, show, strict=True)}
    rest = [(c, p) for c, p in zip(cands, show, strict=True) if not overlaps_any(c.quote.start, c.quote.end, taken)]
    kept = _chosen(rest, show_at) + [(c, shown_of[id(c)]) for c in up]
    by = dict(zip(map(id, cands), sourceless, strict=True)) if sourceless is not None else shown_of
    up += [c for c, _ in kept if c.speaker is None and c.cue is not None and by[id(c)] >= PROMOTE_SOURCELESS_MIN_SCORE
           and c not in up]
    return fit_demote.demoted(predicted(r, kept, up), down)


def measure(rows, prelabels, show, show_at, *, choice, choice_at, sure, promote_at, unsure, demote_at,
            sourceless=None) -> dict:
    """Keys per article (plain, with suggestions) and attributed precision per kind, as ``simulate`` acts."""
    plain, shown, kinds, every = [], [], {k: KindScore() for k in QUOTE_TYPES}, Score()
    for i, r in enumerate(rows):
        down = [(c, p) for c, p in zip(prelabels[i].candidates, unsure[i], strict=True) if p < demote_at]
        task = simulate(r, show[i], choice[i], choice_at, show_at, sure[i], promote_at, down,
                        None if sourceless is None else sourceless[i])
        keys = document_keys(r.gold, task)
        plain.append(keys[0])
        shown.append(keys[1])
        result = evaluate([r.gold], [task])
        for k in QUOTE_TYPES:
            kinds[k].add(result.by_kind[k]["attributed"])
        every.add(result.attributed)
    precision = {k: s.precision for k, s in kinds.items()} | {"all": every.precision}
    return {"plain": numpy.array(plain, dtype=float), "shown": numpy.array(shown, dtype=float), "P": precision}


def paired(a: dict, b: dict, key: str, seed: int = 0, n: int = 10000) -> str:
    """B - A per article (``compare_dumps.paired``): the mean, a bootstrap 95% interval over articles,
    articles better and worse."""
    d = bootstrap_paired(a[key], b[key], resamples=n, seed=seed)
    return f"{d.diff:+.3f} [{d.low:+.3f}, {d.high:+.3f}] (better {d.better}, worse {d.worse})"


def line(name: str, m: dict, base: dict | None = None) -> str:
    held = all(m["P"][k] >= f for k, f in FLOORS.items())
    text = (f"  {name}: keys {m['plain'].mean():.3f}, with suggestions {m['shown'].mean():.3f}; P "
            + " ".join(f"{k} {p:.4f}" for k, p in m["P"].items()) + ("" if held else " (UNDER A FLOOR)"))
    if base is not None:
        text += f"\n    paired B-A: plain {paired(base, m, 'plain')}; with suggestions {paired(base, m, 'shown')}"
    return text


def fit_stacked(z, dense, y, groups, weights, c_vectors):
    """Out of fold: the stacked model's decision (its logit) for every row."""
    return _out_of_fold(stack_matrix(z, dense, c_vectors), y, groups, C_LOGIT, weights)


def fit_offset(z, x, y, weights, c_vectors: float) -> numpy.ndarray:
    """The vectors' weights of a logistic model with the logit ``z`` as a fixed offset (its weight 1,
    no intercept): ``z + x·w`` minimises Σ weight × log-loss + |w|² / (2 ``c_vectors``). ``z`` keeps its
    calibration and thresholds; the vectors (centred) only move each candidate about it."""
    from scipy.optimize import minimize

    weights = numpy.ones(len(y)) if weights is None else weights

    def loss(w):
        s = z + x @ w
        p = sigmoid(s)
        value = numpy.sum(weights * (numpy.logaddexp(0, s) - y * s)) + w @ w / (2 * c_vectors)
        return value, x.T @ (weights * (p - y)) + w / c_vectors

    return minimize(loss, numpy.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x


def offset_out_of_fold(z, x, y, groups, weights, c_vectors: float) -> numpy.ndarray:
    """``fit_offset`` out of fold (GroupKFold by article, as ``scorer_choice``): each row's ``z + x·w``."""
    from sklearn.model_selection import GroupKFold

    from scorer_choice import FOLDS  # bench/scorer_choice.py

    out = numpy.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        w = fit_offset(z[train], x[train], y[train], None if weights is None else weights[train], c_vectors)
        out[test] = z[test] + x[test] @ w
    return out


def report(name: str, y, z, fit_y=None, weights=None) -> float:
    """AUC of ``y`` and log-loss (of ``fit_y`` weighed by ``weights`` when given) of a logit ``z``."""
    fit_y = y if fit_y is None else fit_y
    loss = log_loss(fit_y, numpy.clip(sigmoid(z), 1e-9, 1 - 1e-9), sample_weight=weights)
    print(f"  {name}: AUC {roc_auc_score(y, z):.4f}, log-loss {loss:.4f}", flush=True)
    return loss


def best_of(name, grid, fit_one, y, fit_y=None, weights=None) -> tuple[float, numpy.ndarray]:
    """``fit_one(c)`` (an out-of-fold logit) at each vector C of ``grid``; the best by log-loss."""
    best = None
    for cv in grid:
        z = fit_one(cv)
        loss = report(f"{name}, vectors' C {cv}, out of fold", y, z, fit_y, weights)
        if best is None or loss < best[0]:
            best = (loss, cv, z)
    return best[1], best[2]


def models(rows, z_show, show_at: float, z_promo, dense, grid) -> dict:
    """The show model (by gain) and the promotion model stacked, out of fold, two ways: ``free`` (the
    logit a feature with its own weight, an intercept) and ``offset`` (the logit kept as it is,
    ``fit_offset``); at each vector C of ``grid``, the best of each by log-loss; with the logit alone
    recalibrated out of fold beside them. Each promotion logit as the shipped one reads it; each show
    logit with its threshold."""
    y_right = numpy.array([c.right for r in rows for c in r.candidates], dtype=int)
    y_attr = numpy.array([c.attributed for r in rows for c in r.candidates], dtype=int)
    gains = numpy.array([c.gain for r in rows for c in r.candidates], dtype=float)
    groups = numpy.array([i for i, r in enumerate(rows) for _ in r.candidates])
    out = {"promotion": {}, "show": {}}
    print("promotion (right with its speaker):")
    report("the shipped model (its shifts taken out)", y_attr, z_promo)
    out["promotion"]["recalibrated"] = fit_stacked(z_promo, None, y_attr, groups, None, 0.0)
    report("the shipped logit recalibrated, out of fold", y_attr, out["promotion"]["recalibrated"])
    for way, fit_one in (("free", lambda cv: fit_stacked(z_promo, dense, y_attr, groups, None, cv)),
                         ("offset", lambda cv: offset_out_of_fold(z_promo, dense, y_attr, groups, None, cv))):
        cv, z = best_of(f"stacked ({way})", grid, fit_one, y_attr)
        out["promotion"][way] = z
        print(f"  => promotion, {way}: vectors' C {cv}")
    print("show (by gain; AUC of right, log-loss of gain > 0 weighed by gain):")
    fit_y, w = (gains > 0).astype(int), numpy.abs(gains)
    b = math.log(show_at / (1 - show_at))
    report("the shipped logit less its threshold's", y_right, z_show - b, fit_y, w)
    recal = fit_stacked(z_show, None, fit_y, groups, w, 0.0)
    report("the shipped logit recalibrated by gain, out of fold", y_right, recal, fit_y, w)
    out["show"]["recalibrated"] = (*calibrated(recal, y_right),)
    cv, z = best_of("stacked (free)", grid, lambda cv: fit_stacked(z_show, dense, fit_y, groups, w, cv), y_right, fit_y, w)
    out["show"]["free"] = calibrated(z, y_right)
    print(f"  => show, free: vectors' C {cv} (calibrated on right, break-even {out['show']['free'][1]:.4f})")
    cv, z = best_of("stacked (offset)", grid, lambda cv: offset_out_of_fold(z_show - b, dense, fit_y, groups, w, cv),
                    y_right, fit_y, w)
    out["show"]["offset"] = (sigmoid(z + b), show_at)
    print(f"  => show, offset: vectors' C {cv} (the shipped threshold)")
    return out


def raw_term(w: numpy.ndarray, v: numpy.ndarray, width: int) -> dict[str, dict]:
    """Weights ``w`` fitted on ``standardised(v)`` (``fit_offset``) as ``vectors.VectorTerm``'s
    weights on the raw tensor rows, per part: each column's weight over its deviation, the centring a
    constant added when the part is there (the same term, to float precision)."""
    out = {}
    for n, part in enumerate(PARTS):
        block = v[:, n * width:(n + 1) * width].astype(numpy.float64)
        present = numpy.abs(block).sum(axis=1) > 0
        mu, sd = block[present].mean(axis=0), block[present].std(axis=0) + 1e-6
        raw = w[n * width:(n + 1) * width] / sd
        out[part] = {"constant": round(float(-(raw @ mu)), 7), "weights": [round(float(x), 7) for x in raw]}
    return out


def write_term(args, rows, v, dense, z_show: numpy.ndarray, show_at: float, z_promo: numpy.ndarray, table: dict) -> None:
    """The offset models fitted on every row (``--show-c``, ``--promotion-c``) stored as
    ``annotator/nlp/suggest/vector_weights.json``: the raw weights, the pipeline's ``tensor_identity``
    and the fingerprint of the shipped scorer they were fitted on."""
    from fit_scorer import commit  # bench/fit_scorer.py

    from annotator.core.atomic import AtomicFile
    from annotator.nlp.pipeline import load_model
    from annotator.nlp.suggest.vectors import VECTOR_WEIGHTS_FILE, scorer_fingerprint, tensor_identity, tok2vec_weights

    y_attr = numpy.array([c.attributed for r in rows for c in r.candidates], dtype=int)
    gains = numpy.array([c.gain for r in rows for c in r.candidates], dtype=float)
    scale = {"show": args.show_c, "promotion": args.promotion_c}
    fitted = {}
    if "show" in args.models.split(","):
        fitted["show"] = fit_offset(z_show - math.log(show_at / (1 - show_at)), dense, (gains > 0).astype(int),
                                    numpy.abs(gains), args.show_c)
    if "promotion" in args.models.split(","):
        fitted["promotion"] = fit_offset(z_promo, dense, y_attr, None, args.promotion_c)
    width = v.shape[1] // len(PARTS)
    for model, w in fitted.items():
        raw, term = raw_term(w, v, width), numpy.zeros(len(v))
        for n, part in enumerate(PARTS):
            block = v[:, n * width:(n + 1) * width]
            present = numpy.abs(block).sum(axis=1) > 0
            term += present * (block @ numpy.array(raw[part]["weights"]) + raw[part]["constant"])
        print(f"{model}: the term's spread {numpy.std(dense @ w):.4f}; read on the raw rows, off by at most "
              f"{numpy.abs(term - dense @ w).max():.2g}")
    made = f"nice -n 10 .venv/bin/python bench/scorer_stacked.py {' '.join(sys.argv[1:])}, at commit {commit()}"
    nlp = load_model(None)
    out = {"_made_by": [made], "identity": {**tensor_identity(nlp), "tok2vec_weights": tok2vec_weights(nlp)}, "width": width,
           "scorer": scorer_fingerprint(table["weights"], table["promote_weights"], fitted),
           "fit": {"candidates": len(z_show), "articles": len(rows), "vectors_c": {m: scale[m] for m in fitted},
                   "parts": list(PARTS),
                   "offset": "the shipped logits (show less its threshold's; promotion without its shifts)"},
           **{model: raw_term(w, v, width) for model, w in fitted.items()}}
    with AtomicFile(VECTOR_WEIGHTS_FILE) as f:
        f.file.write((json.dumps(out, indent=1) + "\n").encode("utf-8"))
    print(f"wrote {VECTOR_WEIGHTS_FILE.relative_to(ROOT)}")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache", type=Path, required=True, help="bench/fit_scorer.py's --cache (the rows)")
    parser.add_argument("--demote-cache", type=Path, required=True, help="bench/fit_demote.py's --cache")
    parser.add_argument("--parse-cache", type=Path, required=True)
    parser.add_argument("--vectors", type=Path, required=True,
                        help="bench/scorer_vectors.py's --vectors file, made with --mean (outside the repository)")
    parser.add_argument("--c-vectors", default="0.0001,0.0003,0.001", help="the vectors' own regularisation tried")
    parser.add_argument("--write", action="store_true", help="fit the offset models on every row (no measuring) "
                        "and store them as annotator/nlp/suggest/vector_weights.json")
    parser.add_argument("--show-c", type=float, default=0.0001, help="with --write: the show model's vectors' C")
    parser.add_argument("--promotion-c", type=float, default=0.0003, help="with --write: the promotion model's")
    parser.add_argument("--models", default="show", help="with --write: the models the term moves (show,promotion); "
                        "the promotion's term did not pay at equal precision (docs/prelabel.md, session 28)")
    return parser.parse_args()


def main() -> int:
    args = arguments()
    if not args.cache.is_file() or not args.demote_cache.is_file() or not args.parse_cache.is_dir():
        print(f"skipped: no rows at {args.cache}, no pre-labels at {args.demote_cache} or no parse cache at "
              f"{args.parse_cache} (make them with bench/fit_scorer.py CORPUS --cache ... --demote-cache ... --parse-cache ...)")
        return 0
    rows, prelabels = load(args.cache), fit_demote.gather(args.corpus, args.demote_cache, False, args.parse_cache)
    for r in rows:
        label(r)
    for r in prelabels:
        fit_demote.label(r)
    aligned(rows, prelabels)
    v = numpy.load(args.vectors) if args.vectors.is_file() else gather_vectors(rows, args.parse_cache, True)[0]
    dense = standardised(v)
    table, demoting = shipped_table(), demote_table()
    choice = table["promote_choice"]
    z_show, z_choice = logits(rows, table["weights"]), logits(rows, choice["weights"])
    z_promo = logits(rows, shifted(table["promote_weights"], table.get("promote_shifts", {}), -1.0))
    print(f"{len(rows)} articles, {len(z_show)} candidates, vectors {v.shape[1]} wide")
    if args.write:
        write_term(args, rows, v, dense, z_show, table["min_score"], z_promo, table)
        return 0
    fitted = models(rows, z_show, table["min_score"], z_promo, dense, [float(c) for c in args.c_vectors.split(",")])
    at = shipped_at(table)
    arm = {"choice": per_document(rows, sigmoid(z_choice)), "choice_at": choice["min_score"], "promote_at": at,
           "unsure": fit_demote.in_sample(prelabels, demoting["weights"]), "demote_at": demoting["min_score"]}
    shows = {"shipped": (per_document(rows, sigmoid(z_show)), table["min_score"])}
    shows |= {k: (per_document(rows, p), t) for k, (p, t) in fitted["show"].items()}
    sures = {"shipped": per_document(rows, sigmoid(z_promo))}
    sures |= {k: per_document(rows, sigmoid(z)) for k, z in fitted["promotion"].items()}
    print(f"at the shipped thresholds (promote {at}, show at {table['min_score']}, choice at {choice['min_score']}, "
          f"demote under {demoting['min_score']}), out of fold:")
    base = measure(rows, prelabels, *shows["shipped"], sure=sures["shipped"], **arm)
    print(line("the shipped models", base), flush=True)
    for show, sure in (("shipped", "recalibrated"), ("shipped", "free"), ("shipped", "offset"),
                       ("recalibrated", "shipped"), ("free", "shipped"), ("offset", "shipped"),
                       ("recalibrated", "recalibrated"), ("free", "free"), ("offset", "offset")):
        m = measure(rows, prelabels, *shows[show], sure=sures[sure], **arm)
        print(line(f"show {show}, promotion {sure}", m, base), flush=True)
    m = measure(rows, prelabels, *shows["offset"], sure=sures["shipped"], sourceless=shows["shipped"][0], **arm)
    print(line("show offset, promotion shipped, sourceless promoted by the shipped show score", m, base), flush=True)
    print("the promotion models along the indirect threshold (the others at theirs; show offset in both):")
    for sure, grid in (("shipped", (0.5, 0.53, 0.56)), ("offset", (0.56, 0.59, 0.62))):
        for t in grid:
            m = measure(rows, prelabels, *shows["offset"], sure=sures[sure], **{**arm, "promote_at": {**at, "indirect": t}})
            print(line(f"show offset, promotion {sure} at indirect {t}", m, base), flush=True)
    return 0


def shipped_at(table: dict) -> dict[str, float]:
    """The shipped promotion threshold of each quote type (``promote_min_score`` with its shifts undone)."""
    at = table["promote_min_score"]
    logit = math.log(at / (1 - at))
    return {k: round(float(sigmoid(numpy.array(logit - table.get("promote_shifts", {}).get(f"type={k}", 0.0)))), 4)
            for k in QUOTE_TYPES}


if __name__ == "__main__":
    sys.exit(main())
