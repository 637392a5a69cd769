"""Do the base model's contextual vectors (``doc.tensor``) help the suggestion scorer? Out of fold,
like with like: the rows ``bench/fit_scorer.py`` gathers (its ``--cache``), each candidate's vectors at
its cue's root, content's head and speaker's root (``bench/vector_features.py``; the content's mean too
with ``--mean``) read off the parse cache's Docs with the model's ``tok2vec`` run again on each (a
DocBin does not keep ``doc.tensor``; the tok2vec reads only the tokens, so the tensor is a fresh
parse's), and the promotion model ("right with its speaker") and the show model (by gain) fitted
with and without them, grouped by article as ``bench/scorer_choice.py`` fits them.

    nice -n 10 .venv/bin/python bench/scorer_vectors.py --cache /tmp/s27-vec/rows.pkl --parse-cache /tmp/pc [--mean]

Prints the out-of-fold AUC and log-loss of each model at each regularisation ``C`` and scale of the
standardised vectors (the vectors' own regularisation is ``C`` times the scale squared)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.metrics import log_loss, roc_auc_score  # noqa: E402

from scorer_choice import _out_of_fold  # noqa: E402  (bench/scorer_choice.py)
from scorer_data import DocRows, label, load  # noqa: E402  (bench/scorer_data.py)

from annotator.nlp.suggest.scorer import CROSSES, crossed  # noqa: E402
from vector_features import PARTS, tensor_identity  # noqa: E402  (bench/vector_features.py)

WIDTH = 96


def cached_docs(nlp, parse_cache: Path) -> dict[str, list]:
    """The parse cache's Docs by text (``bench/corpus.py --parse-cache``'s files)."""
    from spacy.tokens import DocBin

    docs: dict[str, list] = {}
    for path in sorted(parse_cache.glob("parses-*.spacy")):
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
            docs.setdefault(doc.text, []).append(doc)
    return docs


def candidate_vectors(doc, r: DocRows, mean: bool) -> numpy.ndarray:
    """One row per candidate of ``r``: the tensor at its cue's root, content's head and speaker's
    root (zeros for a part it lacks), and with ``mean`` the content's mean."""
    parts = len(PARTS) + int(mean)
    out = numpy.zeros((len(r.candidates), parts * WIDTH), dtype=numpy.float32)
    for i, c in enumerate(r.candidates):
        for k, record in enumerate((c.cue, c.quote, c.speaker)):
            if record is None:
                continue
            span = doc.char_span(record.start, record.end)
            if span is None:
                raise ValueError("a candidate's span is not on the cached Doc's token edges")
            out[i, k * WIDTH:(k + 1) * WIDTH] = doc.tensor[span.root.i]
        if mean:
            span = doc.char_span(c.quote.start, c.quote.end)
            out[i, len(PARTS) * WIDTH:] = doc.tensor[span.start:span.end].mean(axis=0)
    return out


def gather_vectors(rows: list[DocRows], parse_cache: Path, mean: bool) -> tuple[numpy.ndarray, dict | None]:
    """Every candidate's vectors (``candidate_vectors``), in the rows' order, and what identifies
    them (``vector_features.tensor_identity``)."""
    from annotator.nlp.pipeline import add_components, load_model

    nlp = add_components(load_model(None))
    tok2vec = nlp.get_pipe("tok2vec")
    docs = cached_docs(nlp, parse_cache)
    started, out = time.perf_counter(), []
    for r in rows:
        waiting = docs.get(r.gold.text)
        if not waiting:
            raise ValueError("an article of the rows is not in the parse cache: gather them with the same model")
        doc = tok2vec(waiting[0])
        out.append(candidate_vectors(doc, r, mean))
    print(f"vectors of {sum(len(r.candidates) for r in rows)} candidates, {time.perf_counter() - started:.0f} s",
          file=sys.stderr)
    return numpy.vstack(out), tensor_identity(nlp)


def standardised(v: numpy.ndarray) -> numpy.ndarray:
    """Each column to mean 0 and deviation 1 (over the candidates that have the part: an absent
    part stays 0)."""
    out = numpy.zeros_like(v, dtype=numpy.float64)
    for k in range(0, v.shape[1], WIDTH):
        block = v[:, k:k + WIDTH]
        present = numpy.abs(block).sum(axis=1) > 0
        mu, sd = block[present].mean(axis=0), block[present].std(axis=0) + 1e-6
        out[present, k:k + WIDTH] = (block[present] - mu) / sd
    return out


def vector_block(rows: list[DocRows], parse_cache: Path, scale: float) -> tuple[list[str], numpy.ndarray, dict]:
    """The candidates' vectors as ``scorer_choice.fit``'s dense features: their names (``vec-PART-k``,
    as ``bench/vector_features.py`` names them), the standardised vectors times ``scale``, and what
    ``raw_weights`` needs to read the fitted weights on the raw tensor (each column's mean and deviation
    over the candidates that have the part)."""
    v, identity = gather_vectors(rows, parse_cache, mean=False)
    stats = {"scale": scale, "mean": {}, "sd": {}, "identity": identity}
    for n, part in enumerate(PARTS):
        block = v[:, n * WIDTH:(n + 1) * WIDTH]
        present = numpy.abs(block).sum(axis=1) > 0
        stats["mean"][part] = block[present].mean(axis=0).astype(float)
        stats["sd"][part] = block[present].std(axis=0).astype(float) + 1e-6
    names = [f"vec-{part}-{k}" for part in PARTS for k in range(WIDTH)]
    return names, standardised(v) * scale, stats


def raw_weights(weights: dict[str, float], stats: dict) -> dict[str, float]:
    """Weights fitted on ``vector_block``'s standardised vectors as weights on the raw tensor values
    (``bench/vector_features.py``' features): each ``vec-PART-k`` weight divided by its column's deviation
    (times the scale), the centring folded into the part's flag ``vec-PART``. The same logit."""
    out = {k: v for k, v in weights.items() if not k.startswith("vec-")}
    scale = stats["scale"]
    for part in PARTS:
        flag = 0.0
        for k, (mu, sd) in enumerate(zip(stats["mean"][part], stats["sd"][part], strict=True)):
            w = weights.get(f"vec-{part}-{k}", 0.0)
            if w:
                out[f"vec-{part}-{k}"] = round(w * scale / sd, 7)
                flag -= w * scale * mu / sd
        out[f"vec-{part}"] = round(flag, 6)
    return out


def targets(rows: list[DocRows]):
    y_right = numpy.array([c.right for r in rows for c in r.candidates], dtype=int)
    y_attr = numpy.array([c.attributed for r in rows for c in r.candidates], dtype=int)
    gains = numpy.array([c.gain for r in rows for c in r.candidates], dtype=float)
    groups = numpy.array([i for i, r in enumerate(rows) for _ in r.candidates])
    both = numpy.array([c.cue is not None and c.speaker is not None for r in rows for c in r.candidates])
    return y_right, y_attr, gains, groups, both


def evaluate(name: str, x, fit_y, auc_y, groups, weights, c_grid, both) -> tuple[float, float, float]:
    """Out-of-fold log-loss (weighed as fitted) and AUC of ``auc_y`` at each C; the best by log-loss."""
    best = None
    for c in c_grid:
        started = time.perf_counter()
        z = _out_of_fold(x, fit_y, groups, c, weights)
        loss = log_loss(fit_y, 1 / (1 + numpy.exp(-z)), sample_weight=weights)
        auc, auc_both = roc_auc_score(auc_y, z), roc_auc_score(auc_y[both], z[both])
        print(f"  {name}, C {c}: log-loss {loss:.4f}, AUC {auc:.4f} (with a cue and a speaker {auc_both:.4f}) "
              f"[{time.perf_counter() - started:.0f} s]", flush=True)
        if best is None or loss < best[0]:
            best = (loss, auc, auc_both)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True, help="bench/fit_scorer.py's --cache (the rows)")
    parser.add_argument("--parse-cache", type=Path, required=True)
    parser.add_argument("--vectors", type=Path, default=None, help="where the vectors are kept (.npy, outside the repository)")
    parser.add_argument("--mean", action="store_true", help="the content's mean vector too")
    parser.add_argument("--models", default="promotion,show")
    parser.add_argument("--scales", default="0.1,0.3,1")
    parser.add_argument("--c", default="0.03,0.1,0.3")
    parser.add_argument("--parts", default=None, help="only these parts' vectors, e.g. cue,head (default: all)")
    args = parser.parse_args()
    if not args.cache.is_file() or not args.parse_cache.is_dir():
        print(f"skipped: no rows at {args.cache} or no parse cache at {args.parse_cache} (make them with "
              "bench/fit_scorer.py CORPUS --cache ... --parse-cache ...)")
        return 0
    rows = load(args.cache)
    for r in rows:
        label(r)
    if args.vectors is not None and args.vectors.is_file():
        v = numpy.load(args.vectors)
    else:
        v, _ = gather_vectors(rows, args.parse_cache, args.mean)
        if args.vectors is not None:
            numpy.save(args.vectors, v)
    names = [*PARTS, "mean"][:v.shape[1] // WIDTH]
    if args.parts:
        keep = [names.index(p) for p in args.parts.split(",")]
        v = numpy.hstack([v[:, k * WIDTH:(k + 1) * WIDTH] for k in keep])
        names = [names[k] for k in keep]
    dense = standardised(v)
    y_right, y_attr, gains, groups, both = targets(rows)
    feats = [crossed(c.feats, CROSSES) for r in rows for c in r.candidates]
    x = DictVectorizer().fit_transform(feats).tocsr()
    print(f"{len(rows)} articles, {x.shape[0]} candidates, {x.shape[1]} named features; vectors: {', '.join(names)}")
    c_grid = tuple(float(c) for c in args.c.split(","))
    models = {"promotion": (y_attr, y_attr, None), "show": ((gains > 0).astype(int), y_right, numpy.abs(gains))}
    for model in args.models.split(","):
        fit_y, auc_y, weights = models[model]
        print(f"{model}:")
        base = evaluate("without the vectors", x, fit_y, auc_y, groups, weights, c_grid, both)
        for scale in (float(s) for s in args.scales.split(",")):
            with_v = sparse.hstack([x, sparse.csr_matrix(dense * scale)]).tocsr()
            got = evaluate(f"with the vectors at scale {scale}", with_v, fit_y, auc_y, groups, weights, c_grid, both)
            print(f"  => {model}, scale {scale}: log-loss {base[0]:.4f} → {got[0]:.4f}, AUC {base[1]:.4f} → {got[1]:.4f}"
                  f" (with a cue and a speaker {base[2]:.4f} → {got[2]:.4f})", flush=True)
    return 0


__all__ = ["candidate_vectors", "cached_docs", "gather_vectors", "raw_weights", "standardised", "vector_block"]

if __name__ == "__main__":
    sys.exit(main())
