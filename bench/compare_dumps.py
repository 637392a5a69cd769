"""Is a change of keys per article real or noise? Two ``bench/corpus.py --dump DIR`` folders of the same
articles compared article by article (session 25).

    .venv/bin/python bench/compare_dumps.py DUMP_A DUMP_B [--resamples 10000] [--seed 0] [--gold a|b|both]

Each folder holds ``gold.jsonl`` and ``predicted.jsonl``. Per article the keys to gold are counted
exactly as ``bench/corpus.py``'s ``print_keys`` counts them (``measure.keys``: ``keys_to_gold`` and
``fix_keys`` plain, ``suggestion_fixes`` and ``keys_with_suggestions`` with suggestions). For each
measure it prints both means, the paired difference B - A (mean, and a 95% interval from a seeded
paired bootstrap that resamples articles), how many articles got better (fewer keys), worse and
unchanged, and the fixes per article that moved (add, delete, speaker, extent; suggestions visited
and taken). An interval that holds 0 is a difference the articles cannot tell from noise.

Articles are matched by their text, as ``print_keys`` matches a prediction to its gold. A folder
without its files, a ``predicted.jsonl`` whose articles are not its ``gold.jsonl``'s, two dumps of
different articles or with different gold for one: a message naming the file, and exit 2. The gold
is read with our own code (``import brat`` pairs quotation marks with ``nlp/marks.py``), so a change
there can change it: ``--gold a`` (or ``b``) scores both pre-labelings against that dump's gold, and
``--gold both`` prints the comparison against each in turn, with the number of articles whose gold
differs.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.records import Task  # noqa: E402
from annotator.core.sources import InputError, read_tasks  # noqa: E402
from annotator.measure.keys import fix_keys, keys_to_gold, keys_with_suggestions, suggestion_fixes  # noqa: E402

MEASURES = ("plain", "with suggestions")
#: The fixes and suggestion counts shown per article, A and B: ``keys_to_gold``'s kinds, then
#: ``suggestion_fixes``' visits and takes (``taken`` = take + replace: a quote of its own or an extent).
FIX_KINDS = ("add", "delete", "speaker", "extent")
SUGGESTION_KINDS = ("visit", "taken")


class DumpError(Exception):
    """A dump that cannot be compared; the message names the file."""


@dataclass
class ArticleKeys:
    """One article's keys to gold (plain and with suggestions) and the fixes behind them."""
    plain: int
    with_suggestions: int
    fixes: Counter
    suggested: Counter


@dataclass
class Paired:
    """B - A over the articles for one measure: the means, the mean difference, its bootstrap 95%
    interval and the articles with fewer (better), more (worse) and the same keys."""
    mean_a: float
    mean_b: float
    diff: float
    low: float
    high: float
    better: int
    worse: int
    unchanged: int


def article_keys(gold: Task, pred: Task) -> ArticleKeys:
    """The keys of one article, counted as ``bench/corpus.py print_keys`` counts them."""
    fixes = keys_to_gold(gold, pred)
    suggested = suggestion_fixes(gold, pred)
    return ArticleKeys(fix_keys(fixes), keys_with_suggestions(fixes, suggested), fixes, suggested)


def paired(a: list[int], b: list[int], *, resamples: int = 10000, seed: int = 0) -> Paired:
    """The paired difference ``b - a`` (one value per article, the same order): its mean and a
    percentile 95% interval of the mean over ``resamples`` bootstrap draws of the articles."""
    diffs = np.asarray(b, dtype=float) - np.asarray(a, dtype=float)
    n = len(diffs)
    rng = np.random.default_rng(seed)
    means = np.array([diffs[rng.integers(0, n, n)].mean() for _ in range(resamples)])
    low, high = np.percentile(means, [2.5, 97.5])
    return Paired(float(np.mean(a)), float(np.mean(b)), float(diffs.mean()), float(low), float(high),
                  int((diffs < 0).sum()), int((diffs > 0).sum()), int((diffs == 0).sum()))


def compare(gold: list[Task], predicted_a: list[Task], predicted_b: list[Task], *, resamples: int = 10000,
            seed: int = 0) -> dict:
    """The comparison of two pre-labelings of ``gold`` (each matched to gold by text): ``measures``
    maps ``plain`` / ``with suggestions`` to their ``Paired``; ``fixes`` maps each kind of
    ``FIX_KINDS`` + ``SUGGESTION_KINDS`` to its (A, B) totals over the articles; ``articles`` is n."""
    if not gold:
        raise ValueError("no articles to compare")
    sides = []
    for predicted in (predicted_a, predicted_b):
        by_text = {p.text: p for p in predicted}
        sides.append([article_keys(g, by_text.get(g.text) or Task(text=g.text)) for g in gold])
    a, b = sides
    measures = {
        "plain": paired([k.plain for k in a], [k.plain for k in b], resamples=resamples, seed=seed),
        "with suggestions": paired([k.with_suggestions for k in a], [k.with_suggestions for k in b],
                                   resamples=resamples, seed=seed),
    }
    return {"articles": len(gold), "measures": measures, "fixes": {kind: (_total(a, kind), _total(b, kind))
                                                                   for kind in FIX_KINDS + SUGGESTION_KINDS}}


def _total(side: list[ArticleKeys], kind: str) -> int:
    if kind == "taken":
        return sum(k.suggested["take"] + k.suggested["replace"] for k in side)
    if kind == "visit":
        return sum(k.suggested["visit"] for k in side)
    return sum(k.fixes[kind] for k in side)


# -- reading two dumps -------------------------------------------------------------------------

def read_dump(folder: Path) -> tuple[list[Task], list[Task]]:
    """``folder``'s gold and predicted tasks; ``DumpError`` naming the file when one is missing or
    empty, holds one text twice, or when predicted's articles are not gold's."""
    files = {}
    for name in ("gold.jsonl", "predicted.jsonl"):
        path = folder / name
        if not path.is_file():
            raise DumpError(f"{path}: no such file (a bench/corpus.py --dump DIR folder holds gold.jsonl "
                            "and predicted.jsonl)")
        try:
            tasks = [task for _, task in read_tasks([path])]
        except InputError as error:
            raise DumpError(str(error)) from None
        if not tasks:
            raise DumpError(f"{path}: no articles")
        texts = Counter(task.text for task in tasks)
        if len(texts) < len(tasks):
            raise DumpError(f"{path}: {len(tasks) - len(texts)} articles repeat another's text "
                            "(articles are matched by text)")
        files[name] = tasks
    gold, predicted = files["gold.jsonl"], files["predicted.jsonl"]
    if {t.text for t in gold} != {t.text for t in predicted}:
        only_gold, only_pred = _differ(gold, predicted)
        raise DumpError(f"{folder / 'predicted.jsonl'}: not the articles of {folder / 'gold.jsonl'} "
                        f"({only_gold} only in gold, {only_pred} only in predicted)")
    return gold, predicted


def _differ(one: list[Task], other: list[Task]) -> tuple[int, int]:
    first, second = {t.text for t in one}, {t.text for t in other}
    return len(first - second), len(second - first)


def same_articles(folder_a: Path, gold_a: list[Task], folder_b: Path, gold_b: list[Task]) -> None:
    """``DumpError`` naming B's gold file when the two dumps hold different articles, or the same
    article with different gold (different quotes, speakers or optional spans)."""
    differ = other_gold(folder_a, gold_a, folder_b, gold_b)
    if differ:
        raise DumpError(f"{folder_b / 'gold.jsonl'}: {differ} articles have other gold than in "
                        f"{folder_a / 'gold.jsonl'} (--gold a, b or both scores both against one)")


def other_gold(folder_a: Path, gold_a: list[Task], folder_b: Path, gold_b: list[Task]) -> int:
    """How many articles have other gold in B than in A; ``DumpError`` naming B's gold file when the
    dumps hold different articles."""
    if {t.text for t in gold_a} != {t.text for t in gold_b}:
        only_a, only_b = _differ(gold_a, gold_b)
        raise DumpError(f"{folder_b / 'gold.jsonl'}: not the articles of {folder_a / 'gold.jsonl'} ({only_a} only "
                        f"in A, {only_b} only in B)")
    by_text = {t.text: t for t in gold_a}
    return sum(1 for t in gold_b if _gold_of(t) != _gold_of(by_text[t.text]))


def _gold_of(task: Task) -> tuple:
    spans = sorted((s.start, s.end, s.label, s.quote_type or "") for s in task.spans)
    relations = sorted((r.head_span.start, r.head_span.end, r.child_span.start, r.child_span.end, r.label)
                       for r in task.relations)
    return spans, relations, sorted(map(tuple, task.meta.get("optional", [])))


# -- printing ------------------------------------------------------------------------------------

def print_comparison(result: dict, name_a: str, name_b: str, resamples: int, seed: int) -> None:
    n = result["articles"]
    print(f"{n} articles; A = {name_a}, B = {name_b}; B - A per article, paired bootstrap over articles "
          f"({resamples} resamples, seed {seed})")
    for measure, p in result["measures"].items():
        verdict = "holds 0: not told from noise" if p.low <= 0 <= p.high else "excludes 0"
        print(f"keys {measure}: A {p.mean_a:.3f}, B {p.mean_b:.3f}; B - A {p.diff:+.3f}, 95% interval "
              f"[{p.low:+.3f}, {p.high:+.3f}] ({verdict}); articles better {p.better}, worse {p.worse}, "
              f"unchanged {p.unchanged}")
    print("per article, A → B: " + ", ".join(
        f"{kind} {a / n:.3f} → {b / n:.3f} ({(b - a) / n:+.3f})"
        for kind, (a, b) in result["fixes"].items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dump_a", type=Path, help="the first bench/corpus.py --dump DIR (A, e.g. main)")
    parser.add_argument("dump_b", type=Path, help="the second, of the same articles (B, the change)")
    parser.add_argument("--resamples", type=int, default=10000, help="bootstrap resamples (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="the bootstrap's seed (default 0)")
    parser.add_argument("--gold", choices=("a", "b", "both"), default=None,
                        help="score both against A's gold, B's, or each in turn (dumps whose gold differs; "
                             "default: the gold must be the same)")
    args = parser.parse_args(argv)
    try:
        gold_a, pred_a = read_dump(args.dump_a)
        gold_b, pred_b = read_dump(args.dump_b)
        if args.gold is None:
            same_articles(args.dump_a, gold_a, args.dump_b, gold_b)
            golds = [("", gold_a)]
        else:
            golds = _golds(args, gold_a, gold_b)
    except DumpError as error:
        print(f"compare_dumps: {error}", file=sys.stderr)
        return 2
    for label, gold in golds:
        if label:
            print(label)
        result = compare(gold, pred_a, pred_b, resamples=args.resamples, seed=args.seed)
        print_comparison(result, str(args.dump_a), str(args.dump_b), args.resamples, args.seed)
    return 0


def _golds(args: argparse.Namespace, gold_a: list[Task], gold_b: list[Task]) -> list[tuple[str, list[Task]]]:
    """The golds ``--gold`` asks for, each with its heading; the dumps must hold the same articles."""
    differ = other_gold(args.dump_a, gold_a, args.dump_b, gold_b)
    named = {"a": (f"against A's gold ({differ} articles with other gold in B)", gold_a),
             "b": (f"against B's gold ({differ} articles with other gold in A)", gold_b)}
    return [named["a"], named["b"]] if args.gold == "both" else [named[args.gold]]


if __name__ == "__main__":
    sys.exit(main())
