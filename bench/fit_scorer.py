"""Fit the suggestion scorer (``annotator/nlp/suggest/scorer.py``) on PolNeAR train's tuning part.

    nice -n 10 .venv/bin/python bench/fit_scorer.py /work/polnear --parse-cache /tmp/pc [--cache /tmp/fit_scorer/rows.pkl] [--demote-cache /tmp/fit_demote/rows.pkl] [--recollect] [--write]

Pre-labels the 755 tuning articles (never the held-out 10%), gathers every candidate of every
rate-table source with its features (``bench/scorer_data.py``; cached, ``--recollect`` to run the
pipeline again), and fits a logistic model with scikit-learn that tells the candidates worth showing
from the others, each weighed by the keys it saves or costs when shown (``scorer_data.show_gain``):
the regularisation chosen by 5-fold cross-validation grouped by article, the probabilities
calibrated on the out-of-fold scores (Platt, folded into the weights) as the probability that a
candidate is right; a second model, the same way, of a candidate right with its speaker (what a
pre-label needs). It shows a suggestion from the first's break-even (its logit 0 before calibration:
as many keys saved as spent). A full fit (the one command that remakes what the pre-labels are made
of) also gathers the rules' pre-labels and fits the demotion model (``bench/fit_demote.py``'s rows,
``--demote-cache``) and chooses the promotion thresholds (indirect, the other types) and the
demotion threshold together on the out-of-fold probabilities (``bench/scorer_refit.py``,
``bench/scorer_joint.py``: the fewest plain keys with every kind's attributed precision at its bar),
printing them in sample too, beside the shipped promotion. ``--write`` then stores both tables
(``scorer_weights.json`` and ``demote_weights.json``), only when the refit pays in sample (fewer plain
keys than the shipped promotion, every precision at its bar; ``--force``: all the same).
``--keep-promotion`` fits the first only and keeps the shipped promotion (its model, thresholds and
the show model it was chosen with: the pre-labels stay the same). ``--write`` stores the weights and
thresholds in ``annotator/nlp/suggest/scorer_weights.json``; its ``_made_by`` lists the commands (and
commit) that made the weights: a fit starts the list (a fit with ``--keep-promotion`` adds to it),
``--promote-at``/``--show-at`` with ``--write`` add to it. Without the
corpus it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import PARSE_CACHE, held_out_part, load_gold, split_folder, use_parse_cache  # noqa: E402  (bench/corpus.py)
from scorer_data import collect, label, load, save  # noqa: E402  (bench/scorer_data.py)
from scorer_choice import fit, promote_shifts, show_table  # noqa: E402  (bench/scorer_choice.py)

from annotator.core.atomic import AtomicFile  # noqa: E402
from annotator.nlp.pipeline import SUGGESTIONS, add_components, load_model  # noqa: E402
from annotator.nlp.suggest.extents import EXTENT_SOURCES  # noqa: E402
from annotator.nlp.suggest.scorer import shifted  # noqa: E402

WEIGHTS = ROOT / "annotator" / "nlp" / "suggest" / "scorer_weights.json"
DEMOTE_WEIGHTS = ROOT / "annotator" / "nlp" / "suggest" / "demote_weights.json"


def gather(corpus: Path, cache: Path, recollect: bool, limit: int | None, parse_cache: Path | None = None):
    """The candidates of the tuning articles, from ``cache`` unless ``recollect``; with ``parse_cache``
    the model's parses are read from (or saved to) that folder, as ``bench/corpus.py --parse-cache``."""
    if cache.is_file() and not recollect:
        return load(cache)
    folder = split_folder(corpus, "train")
    gold, _problems = load_gold(folder, None)
    gold = held_out_part(gold, tuning=True)[:limit]
    nlp = add_components(load_model(None))
    suggester = nlp.get_pipe(SUGGESTIONS)
    suggester.sources = frozenset(EXTENT_SOURCES)  # the candidates are gathered apart; extents as shipped
    suggester.scorer = None
    suggester.promote = False
    suggester.demoter = None  # the rules' pre-labels as they wrote them: the scorer's candidates are fitted beside those
    cached = use_parse_cache(nlp, gold, parse_cache) if parse_cache is not None else None
    rows = collect(nlp, gold)
    if cached is not None:
        nlp.remove_pipe(PARSE_CACHE)
    save(rows, cache)
    return rows


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def made_by(earlier: object) -> list[str]:
    """The commands that made the stored weights, as a list: an older file's one string (its runs
    joined by ``; then``) is split into them."""
    if isinstance(earlier, str):
        return earlier.split("; then ")
    return [str(c) for c in earlier] if isinstance(earlier, (list, tuple)) else []


def write_weights(table: dict, command: str, earlier: list[str] | None = None, path: Path | None = None) -> None:
    """The shipped table (names and numbers only), its ``_made_by`` the commands that made these weights:
    a full fit (``earlier`` None) starts the list, a threshold-only rewrite adds its command to ``earlier``."""
    path = path or WEIGHTS
    entry = f"{command}, at commit {commit()} (the working tree it ran in)"
    made = {"_made_by": [*(earlier or []), entry]}
    with AtomicFile(path) as out:  # a crash mid-write leaves the old weights, never half of the new
        out.file.write((json.dumps({**made, **table}, indent=1) + "\n").encode("utf-8"))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def rewrite_thresholds(table: dict) -> None:
    """The shipped ``table`` read by a threshold-only run, written back with its command appended."""
    earlier = made_by(table.pop("_made_by", None))
    write_weights(table, "nice -n 10 .venv/bin/python bench/fit_scorer.py " + " ".join(sys.argv[1:]), earlier)


def set_show(given: float, write: bool) -> int:
    """The shipped table with a new show threshold (``min_score``), without fitting."""
    if not 0 < given < 1:
        print(f"--show-at {given}: a threshold between 0 and 1", file=sys.stderr)
        return 2
    table = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    table["min_score"] = given
    print(f"show at {given}")
    if write:
        rewrite_thresholds(table)
    return 0


def set_promotion(given: str, write: bool) -> int:
    """The shipped table with new promotion thresholds: the old ``promote_shifts`` taken out of the
    promotion weights and the new ones folded in (``scorer_choice.promote_shifts``)."""
    try:
        indirect, others = (float(v) for v in given.split(","))
    except ValueError:
        print(f"--promote-at {given}: give two thresholds, INDIRECT,OTHERS (e.g. 0.62,0.5)", file=sys.stderr)
        return 2
    if not (0 < indirect < 1 and 0 < others < 1):
        print(f"--promote-at {given}: each threshold is between 0 and 1", file=sys.stderr)
        return 2
    table = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    shifts = promote_shifts({"indirect": indirect, "mixed": others, "direct": others})
    weights = shifted(shifted(table["promote_weights"], table.get("promote_shifts", {}), -1.0), shifts)
    table.update(promote_weights=weights, promote_shifts=shifts, promote_min_score=indirect)
    print(f"promote indirect at {indirect}, the others at {others}: shifts {shifts}")
    if write:
        rewrite_thresholds(table)
    return 0


def corpus_arguments(parser: argparse.ArgumentParser, cache: Path, gathered: str) -> None:
    """The options a fit on the tuning part shares: the corpus, where the ``gathered`` rows are kept
    (``cache``), ``--recollect``, ``--parse-cache`` and ``--write``."""
    parser.add_argument("corpus", type=Path, help="PolNeAR's folder (with data/train) or the split folder")
    parser.add_argument("--cache", type=Path, default=cache,
                        help=f"where the gathered {gathered} are kept (outside the repository)")
    parser.add_argument("--recollect", action="store_true", help="run the pipeline again even with a cache")
    parser.add_argument("--parse-cache", type=Path, default=None, help="folder OUTSIDE the repository for the "
                        "model's parses of the tuning texts (bench/corpus.py's): gathering runs only our components")
    parser.add_argument("--write", action="store_true", help="store the weights in the package")


def unusable_folders(args: argparse.Namespace) -> int | None:
    """2 when ``--cache`` or ``--parse-cache`` is inside the repository (said on stderr), 0 when there
    is neither corpus nor cache (said: skipped), else None."""
    for option, chosen in (("--cache", args.cache), ("--parse-cache", args.parse_cache)):
        if chosen is not None and chosen.resolve().is_relative_to(ROOT):
            print(f"{option} {chosen}: inside the repository; choose a folder elsewhere", file=sys.stderr)
            return 2
    if split_folder(args.corpus, "train") is None and not args.cache.is_file():
        print(f"no corpus at {args.corpus}: skipped")
        return 0
    return None


def fit_promotion(rows, scale: float | None, parse_cache: Path | None):
    """The promotion model; with ``scale``, reading the base model's vectors too (its weights on the raw
    tensor, ``scorer_vectors.raw_weights``) and what identifies them, for the table."""
    if scale is None:
        return fit(rows, "attributed"), None
    from scorer_vectors import raw_weights, vector_block  # bench/scorer_vectors.py

    names, dense, stats = vector_block(rows, parse_cache, scale)
    sure = fit(rows, "attributed", dense=(names, dense))
    sure.weights = raw_weights(sure.weights, stats)
    return sure, {"identity": stats["identity"], "models": ["promotion"], "scale": scale}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_arguments(parser, Path("/tmp/fit_scorer/rows.pkl"), "candidates")
    parser.add_argument("--limit", type=int, default=None, help="only the first N tuning texts")
    parser.add_argument("--promote-at", metavar="INDIRECT,OTHERS", default=None,
                        help="only set the shipped table's promotion thresholds (indirect, the other types) "
                             "without fitting: its type= shifts are folded in anew")
    parser.add_argument("--keep-promotion", action="store_true",
                        help="fit the show model only: the shipped promotion model and thresholds stay, so the "
                             "pre-labels it promotes stay the same")
    parser.add_argument("--demote-cache", type=Path, default=Path("/tmp/fit_demote/rows.pkl"),
                        help="where the rules' pre-labels are kept for the demotion model (bench/fit_demote.py's "
                             "--cache; gathered again with --recollect)")
    parser.add_argument("--force", action="store_true",
                        help="with --write, store a full refit even when it does not pay in sample")
    parser.add_argument("--vectors", type=float, default=None, metavar="SCALE",
                        help="the promotion model reads the base model's vectors too (bench/scorer_vectors.py: "
                             "standardised, times SCALE; with --parse-cache)")
    parser.add_argument("--show-at", type=float, default=None,
                        help="only set the shipped table's show threshold (min_score) without fitting")
    args = parser.parse_args()
    if args.vectors is not None and args.write:
        parser.error("--vectors cannot be written: no scorer reads the vectors inside its models (only stacked "
                     "on them: bench/scorer_stacked.py --write)")
    if args.show_at is not None:
        return set_show(args.show_at, args.write)
    if args.promote_at is not None:
        return set_promotion(args.promote_at, args.write)
    unusable = unusable_folders(args)
    if unusable is not None:
        return unusable
    rows = gather(args.corpus, args.cache, args.recollect, args.limit, args.parse_cache)
    for r in rows:
        label(r)
    n = sum(len(r.candidates) for r in rows)
    print(f"{len(rows)} tuning articles, {n} candidates, {sum(c.right for r in rows for c in r.candidates)} right")
    command = "nice -n 10 .venv/bin/python bench/fit_scorer.py " + " ".join(sys.argv[1:])
    shown = fit(rows, "right", by_gain=True)
    if args.keep_promotion:
        shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
        table = show_table(rows, shown, shipped)
        if args.write:  # the promotion model was made by the shipped table's commands: they stay listed
            write_weights(table, command, made_by(shipped.get("_made_by")))
        return 0
    from scorer_refit import refit_together  # bench/scorer_refit.py (it reads bench/fit_demote.py, which reads this)

    sure, vectors = fit_promotion(rows, args.vectors, args.parse_cache)
    tables = refit_together(rows, shown, sure, args.corpus, args.demote_cache, args.recollect, args.parse_cache)
    if vectors is not None:
        tables["scorer"]["vectors"] = vectors
    if args.write and not (tables["pays"] or args.force):
        print("not written: the refit does not pay in sample (--force writes it all the same)")
    elif args.write:
        write_weights(tables["scorer"], command)
        write_weights(tables["demote"], command, path=DEMOTE_WEIGHTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
