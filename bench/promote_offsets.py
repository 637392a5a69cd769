"""Teach the shipped promotion model the sources it was never fitted on, keeping every weight it has.

    nice -n 10 .venv/bin/python bench/promote_offsets.py /work/polnear --parse-cache /tmp/pc [--cache /tmp/promote_offsets/rows.pkl] [--recollect] [--family source] [--new-at P] [--write]

The promotion model (``promote_weights`` of ``scorer_weights.json``, the probability that a suggestion
is right with its speaker) was fitted in session 18; a source added since has no ``source=…`` weight in
it, and one outside the table's ``sources`` is not scored by it at all (never promoted). This fits, on
the tuning part's candidates (``bench/scorer_data.py``, as ``bench/fit_scorer.py`` gathers them) of
the sources with no weight of their own that have a cue and a speaker (``promote.promotable``), an
offset logistic model: the offset is the shipped model's logit of their features (as it was fitted:
``promote_shifts`` taken out), the new weights are the features ``scorer_features`` names after their
source (``--family source``: ``source=X`` alone; ``type,cue-class``: and its crosses of those kinds,
``source=X|type=…``, ``source=X|cue-class=…``; ``crosses``: every ``source=X|…``), L2-regularised, the
strength chosen by 5-fold cross-validation grouped by article (a run replaces the weights an earlier one added).
It prints the out-of-fold AUC and log-loss against the shipped model alone on the same candidates, and
an out-of-fold simulation of showing and promoting (``scorer_choice.simulate``: the shipped show model
in sample, the rate table for the sources it does not know). ``--write`` adds the new weights to
``promote_weights`` and lists their sources in ``promote_sources`` (the sources the promotion model
scores), the command in ``_made_by``; the show model and its ``sources`` stay as they are. ``--new-at
P`` makes the new sources' threshold P (their ``source=X`` weight moved by the logit between P and
``promote_min_score``). ``--fold K`` writes the table fitted without fold K's articles (their indices in
``--fold-articles``): a pipeline run on it is out of fold for them. Without the corpus it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy
from scipy.optimize import minimize
from scipy.special import expit, logit
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fit_scorer import WEIGHTS, corpus_arguments, gather, made_by, unusable_folders, write_weights  # noqa: E402
from scorer_choice import measure, simulate  # noqa: E402  (bench/scorer_choice.py)
from scorer_data import label  # noqa: E402  (bench/scorer_data.py)

from annotator.nlp.suggest.scorer import crossed, shifted, sigmoid, weighted_sum  # noqa: E402
from annotator.nlp.suggest.scores import MIN_SCORE, SCORES, table_score  # noqa: E402

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5


def without_offsets(table: dict) -> dict[str, float]:
    """The table's promotion weights without those an earlier run of this script added (the ``source=X``
    weights of the sources its ``fit.promote_offsets`` lists): a run replaces them."""
    earlier = {f"source={s}" for s in table.get("fit", {}).get("promote_offsets", {}).get("sources", ())}
    return {n: v for n, v in table["promote_weights"].items() if n.split("|")[0] not in earlier}


def lacking(promote_weights: dict[str, float], sources) -> list[str]:
    """The ``sources`` with no ``source=X`` weight of their own (nor any cross of it) in the promotion model."""
    own = {name.split("|")[0].removeprefix("source=") for name in promote_weights if name.startswith("source=")}
    return sorted(set(sources) - own)


def new_names(feats: dict[str, float], source: str, family: str) -> list[str]:
    """The features of ``family`` named after the candidate's own ``source``."""
    head = f"source={source}"
    kinds = set(family.split(","))
    return [n for n in feats if n == head or n.startswith(head + "|")
            and ("crosses" in kinds or n[len(head) + 1:].partition("=")[0] in kinds)]


def fit_offset(x, y, offset, c: float) -> numpy.ndarray:
    """The weights of an L2-regularised (1 / ``c``) logistic model of ``y`` over ``x`` (dense) with ``offset``."""
    def loss(w):
        z = offset + x @ w
        p = expit(z)
        value = numpy.sum(numpy.logaddexp(0, z) - y * z) + w @ w / (2 * c)
        return value, x.T @ (p - y) + w / c
    return minimize(loss, numpy.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x


def out_of_fold(x, y, offset, groups, c: float) -> numpy.ndarray:
    z = numpy.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        z[test] = offset[test] + x[test] @ fit_offset(x[train], y[train], offset[train], c)
    return z


def design(rows, weights: dict[str, float], lack: set[str], family: str):
    """The promotable candidates of the ``lack`` sources: where they are (document, index), their new
    features (dense), targets, the shipped model's logits (the offsets), groups and feature names."""
    where, feats = [], []
    for d, r in enumerate(rows):
        for i, c in enumerate(r.candidates):
            if c.source in lack and c.cue is not None and c.speaker is not None:
                where.append((d, i))
                feats.append(crossed(c.feats))
    names = sorted({n for (d, i), f in zip(where, feats, strict=True)
                    for n in new_names(f, rows[d].candidates[i].source, family)})
    index = {n: k for k, n in enumerate(names)}
    x = numpy.zeros((len(where), len(names)))
    for row, ((d, i), f) in enumerate(zip(where, feats, strict=True)):
        for n in new_names(f, rows[d].candidates[i].source, family):
            x[row, index[n]] = f.get(n, 0.0)
    y = numpy.array([rows[d].candidates[i].attributed for d, i in where], dtype=float)
    offset = numpy.array([weighted_sum(weights, f) for f in feats])
    return where, x, y, offset, numpy.array([d for d, _ in where]), names


def _report(name: str, y, z) -> str:
    p = expit(z)
    return f"{name}: AUC {roc_auc_score(y, z):.4f}, log-loss {log_loss(y, p):.4f}, mean p {p.mean():.3f}"


def simulated(rows, table: dict, where, promote_z) -> dict:
    """The out-of-fold simulation: shown by the shipped show model (its sources) or the rate table,
    promoted at ``promote_min_score`` by the shipped promotion model, ``promote_z`` the logits of the
    candidates at ``where`` (None: never promoted, as today)."""
    weights, promote, sources = table["weights"], table["promote_weights"], set(table["sources"])
    shown, sure = [], []
    for r in rows:
        feats = [crossed(c.feats) for c in r.candidates]
        shown.append([sigmoid(weighted_sum(weights, f)) if c.source in sources
                      else (table_score(SCORES, c.source, len(c.quote.text.split())) or 0.0)
                      for c, f in zip(r.candidates, feats, strict=True)])
        sure.append([sigmoid(weighted_sum(promote, f)) if c.source in sources else 0.0
                     for c, f in zip(r.candidates, feats, strict=True)])
    if promote_z is not None:
        for (d, i), z in zip(where, promote_z, strict=True):
            sure[d][i] = sigmoid(z)
    at = table["promote_min_score"]
    return measure(rows, simulate(rows, shown, min(MIN_SCORE, table["min_score"]),
                                  dict.fromkeys(("direct", "indirect", "mixed"), at), sure))


def _line(name: str, m: dict) -> str:
    cells = " ".join(f"{k} P {p:.4f}" for k, (_, p, _) in m["scores"].items())
    return f"  {name}: keys {m['keys']:.3f}, quotes {m['promoted']:.2f} per article; attributed {cells}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_arguments(parser, Path("/tmp/promote_offsets/rows.pkl"), "candidates")
    parser.add_argument("--family", default="source",
                        help="the new weights: source=X alone ('source'), with its crosses of the named kinds "
                             "('type,cue-class': source=X|type=…, source=X|cue-class=…), or every cross of it ('crosses')")
    parser.add_argument("--fold", type=int, default=None, metavar="K",
                        help="fit without the articles of cross-validation fold K (0-4) and write their indices "
                             "(in the tuning part's order) to --fold-articles: the pipeline run on that table is out "
                             "of fold for them")
    parser.add_argument("--fold-articles", type=Path, default=Path("/tmp/promote_offsets/fold.json"))
    parser.add_argument("--new-at", type=float, default=None, metavar="P",
                        help="the new sources' own promotion threshold (default: promote_min_score)")
    args = parser.parse_args()
    unusable = unusable_folders(args)
    if unusable is not None:
        return unusable
    rows = gather(args.corpus, args.cache, args.recollect, None, args.parse_cache)
    for r in rows:
        label(r)
    table = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    table["promote_weights"] = without_offsets(table)
    fitted_as = shifted(table["promote_weights"], table.get("promote_shifts", {}), -1.0)
    lack = lacking(table["promote_weights"], {c.source for r in rows for c in r.candidates})
    where, x, y, offset, groups, names = design(rows, fitted_as, set(lack), args.family)
    print(f"{len(rows)} tuning articles; sources with no weight in the promotion model: {len(lack)}; their "
          f"candidates with a cue and a speaker: {len(y)}, right with their speaker {int(y.sum())}; "
          f"{len(names)} new weights ({args.family})")
    print(_report("the shipped model alone", y, offset))
    best = None
    for c in C_GRID:
        z = out_of_fold(x, y, offset, groups, c)
        print(_report(f"C {c}, out of fold", y, z))
        loss = log_loss(y, expit(z))
        if best is None or loss < best[0]:
            best = (loss, c, z)
    _, c, z = best
    w = fit_offset(x, y, offset, c) if args.fold is None else held_out_fold(args, x, y, offset, groups, c)
    print(f"chosen C {c}; " + _report("in sample", y, offset + x @ w))
    new = {n: round(float(v), 5) for n, v in zip(names, w, strict=True) if abs(v) >= 5e-6}
    move = 0.0 if args.new_at is None else logit(table["promote_min_score"]) - logit(args.new_at)
    if move:  # (every source of ``where`` has its ``source=X`` among ``names``)
        for source in {n.split("|")[0] for n in names}:
            new[source] = round(new.get(source, 0.0) + move, 5)
    print("the source weights: " + ", ".join(f"{n} {v:+.3f}" for n, v in sorted(new.items()) if "|" not in n))
    shifts = table.get("promote_shifts", {})
    print("simulated (shown by the shipped show model or the rate table, promoted at "
          f"{table['promote_min_score']}):")
    print(_line("today (the new sources never promoted)", simulated(rows, table, where, None)))
    print(_line("the shipped model on them", simulated(rows, table, where, offset + _shift(rows, where, shifts))))
    at = f", new sources at {args.new_at}" if args.new_at else ""
    print(_line(f"refit, out of fold (C {c}){at}", simulated(rows, table, where, z + move + _shift(rows, where, shifts))))
    extra = x @ numpy.array([new.get(n, 0.0) for n in names])
    print(_line(f"refit, in sample{at}",
                simulated(rows, table, where, offset + extra + _shift(rows, where, shifts))))
    if args.write:
        write_table(table, new, lack, args.family, c)
    return 0


def held_out_fold(args: argparse.Namespace, x, y, offset, groups, c: float) -> numpy.ndarray:
    """The weights fitted without fold ``args.fold``'s articles, whose indices go to ``args.fold_articles``."""
    train, test = list(GroupKFold(n_splits=FOLDS).split(x, y, groups))[args.fold]
    articles = sorted({int(g) for g in groups[test]})
    args.fold_articles.parent.mkdir(parents=True, exist_ok=True)
    args.fold_articles.write_text(json.dumps(articles), encoding="utf-8")
    print(f"fold {args.fold}: fitted without {len(articles)} articles ({len(test)} candidates)")
    return fit_offset(x[train], y[train], offset[train], c)


def _shift(rows, where, shifts: dict[str, float]) -> numpy.ndarray:
    """Each candidate's ``promote_shifts`` (its type's), as the shipped table folds them in."""
    return numpy.array([shifts.get(f"type={rows[d].candidates[i].quote.quote_type}", 0.0) for d, i in where])


def write_table(table: dict, new: dict[str, float], lack: list[str], family: str, c: float) -> None:
    """The shipped table with ``new`` added to its promotion weights and the sources they name in
    ``promote_sources`` (the show model's ``sources`` and weights untouched)."""
    earlier = made_by(table.pop("_made_by", None))
    promote = dict(table["promote_weights"])
    for name, value in new.items():
        promote[name] = round(promote.get(name, 0.0) + value, 5)
    named = {n.split("|")[0].removeprefix("source=") for n in new}
    table["promote_weights"] = dict(sorted(promote.items()))
    table["promote_sources"] = sorted(set(table.get("promote_sources", table["sources"])) | named)
    table["fit"] = {**table["fit"], "promote_offsets": {"sources": sorted(named & set(lack)), "family": family,
                                                        "C": c, "weights": len(new)}}
    write_weights(table, "nice -n 10 .venv/bin/python bench/promote_offsets.py " + " ".join(sys.argv[1:]), earlier)


if __name__ == "__main__":
    sys.exit(main())
