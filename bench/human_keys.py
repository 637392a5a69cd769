"""What a second annotator's own labels cost to bring to the first annotator's gold, in keys, beside
what our pre-labels cost on the same articles (counts only, never text): usage

    nice .venv/bin/python bench/human_keys.py CORPUS_DIR [--tuning | --held-out] [--dump DIR]

PolNeAR has some texts labeled by two annotators. ``bench/corpus.py`` takes the first annotator's
labels as gold (the first ``.ann`` by annotator id); here the second annotator's labels are scored
against that gold exactly as a pre-labeler's are: issue 17's keys per article (``measure.keys``: add
a missed attribution 8, delete one 3, fix a speaker 5) and attributed F1 by kind
(``measure.evaluation``). Both directions are printed (the second annotator brought to the first's
labels, and the first to the second's), since the keys are not symmetric. It is the figure a person
doing the whole article again by hand would reach: how far the 70 keys of issue 17 are from what
two trained annotators agree on.

With ``--dump DIR`` (``bench/corpus.py --dump``: its ``predicted.jsonl``) our pre-labels on the same
articles are scored beside them, plain and with the suggestions (``keys_with_suggestions``), so the
comparison is on one set of articles. ``--tuning`` and ``--held-out`` take the parts of the texts
``bench/corpus.py`` uses (the seeded 10% split); without either, every text of ``train`` with two
annotators. Without the corpus it says "skipped" and exits 0."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy

from annotator.core.records import Task
from annotator.formats.brat_labels import DEFAULT_LABELS
from annotator.formats.brat_reading import convert_pair
from annotator.formats.brat_standoff import find_pairs
from annotator.measure.evaluation import Evaluation, score_task
from annotator.measure.keys import KEY_COSTS, fix_keys, keys_to_gold, keys_with_suggestions, suggestion_fixes
from corpus import held_out_part, load_gold, split_folder  # bench/corpus.py: the same split


def annotated_often(folder: Path) -> tuple[list[list[Task]], list[str]]:
    """The tasks of every text with two or more ``.ann`` files, one per annotator in annotator id
    order (so the first is the one ``bench/corpus.py`` takes as gold), in text name order; and the
    problems met (a text with a file that does not convert is left out and named)."""
    pairs, _unpaired, failed = find_pairs([folder])
    by_text: dict[Path, list] = {}
    for pair in pairs:
        by_text.setdefault(pair.text, []).append(pair)
    nlp = spacy.blank("en")
    out, problems = [], [str(err) for err in failed]
    for text in sorted(by_text, key=lambda p: p.name):
        if len(by_text[text]) < 2:
            continue
        try:
            out.append([convert_pair(pair, nlp, DEFAULT_LABELS)[0].task for pair in by_text[text]])
        except ValueError as err:
            problems.append(str(err))
    return out, problems


def scored(pairs: list[tuple[Task, Task]]) -> tuple[list[int], Counter]:
    """Plain keys per (gold, labels) pair to bring the labels to that gold, and the fixes summed by kind."""
    per_pair = [keys_to_gold(gold, labels) for gold, labels in pairs]
    return [fix_keys(fixes) for fixes in per_pair], sum(per_pair, Counter())


def describe(name: str, pairs: list[tuple[Task, Task]], per_text: list[int]) -> str:
    """One printed row for ``pairs`` of (gold, labels): keys per article (the mean over texts of each
    text's mean, so a text read by six annotators weighs as one read by two), fixes per article,
    attributed F1 (P / R) by kind over every pair."""
    keys, fixes = scored(pairs)
    means, at = [], 0
    for count in per_text:
        means.append(statistics.fmean(keys[at:at + count]))
        at += count
    evaluation = Evaluation(entities={})  # evaluate() pairs by text, and here one text has many labelings
    for gold, labels in pairs:
        evaluation.documents += 1
        score_task(gold, labels, evaluation, set())
    kinds = "; ".join(f"{kind} {evaluation.by_kind[kind]['attributed'].f1:.3f}" for kind in ("direct", "indirect", "mixed"))
    a = evaluation.attributed
    per = ", ".join(f"{kind} {fixes[kind] / len(pairs):.1f}" for kind in KEY_COSTS if kind != "extent")
    return (f"{name} ({len(pairs)} pairs): keys per article {statistics.fmean(means):.1f}, median of texts "
            f"{statistics.median(means):.1f} ({per} per pair); attributed F1 all {a.f1:.3f} (P {a.precision:.3f}, "
            f"R {a.recall:.3f}); {kinds}")


def read_dump(folder: Path) -> dict[str, Task]:
    """``bench/corpus.py --dump``'s predictions by text."""
    path = folder / "predicted.jsonl"
    with path.open(encoding="utf-8") as lines:
        tasks = [Task.from_dict(json.loads(line)) for line in lines if line.strip()]
    return {task.text: task for task in tasks}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="PolNeAR's folder (with data/train) or the split folder")
    part = parser.add_mutually_exclusive_group()
    part.add_argument("--tuning", action="store_true", help="only texts of bench/corpus.py's tuning 90%%")
    part.add_argument("--held-out", action="store_true", help="only texts of bench/corpus.py's held-out 10%%")
    parser.add_argument("--dump", type=Path, help="bench/corpus.py --dump folder: score our pre-labels on the same texts")
    args = parser.parse_args(argv)
    folder = split_folder(args.corpus, "train")
    if folder is None:
        print(f"no corpus at {args.corpus} (looked for data/train/ and train/): skipped")
        return 0
    often, problems = annotated_often(folder)
    for problem in problems:
        print(f"left out: {problem}", file=sys.stderr)
    if args.tuning or args.held_out:
        # the split is drawn over every text, as bench/corpus.py draws it, then these texts kept
        every, _problems = load_gold(folder, None)
        kept = {task.input_hash for task in held_out_part(every, tuning=args.tuning)}
        often = [tasks for tasks in often if tasks[0].input_hash in kept]
    if not often:
        print("skipped: no text with two annotators in this part")
        return 0
    part_name = "tuning 90%" if args.tuning else "held-out 10%" if args.held_out else "all of train"
    print(f"{len(often)} texts with 2 or more annotators ({part_name}; "
          f"{sum(len(tasks) for tasks in often)} annotations)")
    others = [(tasks[0], other) for tasks in often for other in tasks[1:]]
    print(describe("another annotator → the first annotator's labels (bench/corpus.py's gold)", others,
                   [len(tasks) - 1 for tasks in often]))
    every_pair = [(gold, other) for tasks in often for gold in tasks for other in tasks if other is not gold]
    print(describe("another annotator → an annotator's labels, every ordered pair", every_pair,
                   [len(tasks) * (len(tasks) - 1) for tasks in often]))
    if args.dump is not None:
        ours = read_dump(args.dump)
        missing = [tasks[0] for tasks in often if tasks[0].text not in ours]
        if missing:
            print(f"{args.dump}: {len(missing)} of these texts have no predictions (a dump of another part?)",
                  file=sys.stderr)
            return 2
        first = [(tasks[0], ours[tasks[0].text]) for tasks in often]
        print(describe("our pre-labels → the first annotator's labels", first, [1] * len(often)))
        each = [(gold, ours[tasks[0].text]) for tasks in often for gold in tasks]
        print(describe("our pre-labels → each annotator's labels", each, [len(tasks) for tasks in often]))
        with_suggestions = [keys_with_suggestions(keys_to_gold(g, p), suggestion_fixes(g, p)) for g, p in first]
        print(f"our pre-labels with the suggestions (visit 1, take 1) → the first annotator's labels: keys per "
              f"article {statistics.fmean(with_suggestions):.1f}, median {statistics.median(with_suggestions):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
