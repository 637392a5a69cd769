"""The pre-labels too long or too short for a gold quote with the same cue, by what differs at the
boundary (counts, dependency labels and parts of speech only, never text): usage

    PYTHONPATH=. nice python bench/extent_boundaries.py CORPUS_DIR --parse-cache DIR [--top N]

Runs the pipeline on train's tuning part (as ``bench/corpus.py --tuning``; never the held-out part)
and takes the missed gold attributions ``--coverage`` puts under a pre-label of another extent that
"holds it, same cue" (ours too long) or lies "inside it, same cue" (ours too short). Each stretch
one has and the other lacks, at the start or the end, is classed by the head of the stretch read
off our parse (its dependency label and part of speech, what it hangs on: the cue, the content's
head, a word inside the shorter span; after a comma or a dash or not), with the rule that made the
pre-label (the quote span's ``id_``, ``FoundQuote.rule``). Prints the top groups, and the top
groups by rule."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from annotator.core.records import QUOTE, Task

from corpus_coverage import PLACES, coverage_places, most_overlapping  # bench/corpus_coverage.py
from cue_lemma_misses import tuning_run  # bench/cue_lemma_misses.py
from corpus_misses import keep_per_text, sourced_quotes  # bench/corpus_misses.py

#: The two kinds of ``extent_kind`` this script reads, and what each means for our extent.
KINDS = {"holds it, same cue": "too long", "inside it, same cue": "too short"}


def stretch_head(doc, start: int, end: int, inner: tuple[int, int], cue_words) -> str:
    """The class of the stretch ``start:end`` (characters) beside the span ``inner``: the dependency
    label and part of speech of its highest word, what that word hangs on, and the punctuation that
    opens the stretch."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return "unaligned"
    tokens = [t for t in words if not (t.is_punct or t.is_space)]
    if not tokens:
        return "punctuation only"
    inside = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    top = tops[0]
    cue = {t.i for t in cue_words} if cue_words is not None else set()
    span = doc.char_span(*inner, alignment_mode="expand")
    if top.head.i == top.i:
        on = "root"
    elif top.head.i in cue:
        on = "the cue"
    elif span is not None and top.head.i == span.root.i:
        on = "the content head"
    elif span is not None and span.start <= top.head.i < span.end:
        on = "a word inside"
    else:
        on = "a word outside"
    opener = next((t.text for t in words if not t.is_space), "")
    lead = f"after '{opener}' " if opener in (",", "-", "--", "—", "–", "(", ";", ":") else ""
    several = f" (+{len(tops) - 1} more)" if len(tops) > 1 else ""
    return f"{lead}{top.dep_} {top.pos_} on {on}{several}"


def boundary_classes(doc, ours: tuple[int, int], gold: tuple[int, int], cue: tuple[int, int] | None) -> list[str]:
    """Each stretch where ``ours`` and ``gold`` differ: "start"/"end" and its ``stretch_head``."""
    longer, shorter = (ours, gold) if ours[0] <= gold[0] and gold[1] <= ours[1] else (gold, ours)
    cue_words = doc.char_span(*cue, alignment_mode="expand") if cue else None
    out = []
    if longer[0] < shorter[0]:
        out.append("start: " + stretch_head(doc, longer[0], shorter[0], shorter, cue_words))
    if shorter[1] < longer[1]:
        out.append("end: " + stretch_head(doc, shorter[1], longer[1], shorter, cue_words))
    return out


def keep_boundaries(ours, gold: list[Task], store: dict[int, dict]) -> str:
    """``keep_per_text``: each Doc's pre-labels' rules, and the boundary classes of every pair of a
    gold quote and a pre-label holding it or inside it (which ones were missed is known later)."""

    def record(doc, tasks: list[Task]) -> None:
        quotes = [(s.start_char, s.end_char, s.id_) for s in doc.spans.get("quotes", [])]
        for task in tasks:
            pairs = {}
            for g, cues in sourced_quotes(task):
                cue = (cues[0].start, cues[0].end) if cues else None
                for start, end, _rule in quotes:
                    if start < g.end and g.start < end:
                        pairs[(g.key, start, end)] = boundary_classes(doc, (start, end), (g.start, g.end), cue)
            store[id(task)] = {"rules": {(a, b): rule for a, b, rule in quotes}, "pairs": pairs}

    return keep_per_text(ours, gold, "bench_extent_boundaries", record)


def count(gold: list[Task], predicted: list[Task], kept: dict, covered: dict) -> dict[str, dict[str, Counter]]:
    """Per kind ("too long", "too short"): boundary class → count, and "rule" → rule → count, and
    "class by rule" → (rule, class) → count."""
    by_text = {p.text: p for p in predicted}
    out: dict[str, dict[str, Counter]] = {k: {"class": Counter(), "rule": Counter(), "both": Counter()}
                                          for k in KINDS.values()}
    for g in gold:
        pred = by_text.get(g.text) or Task(text=g.text)
        facts = kept.get(id(g), {"rules": {}, "pairs": {}})
        places = coverage_places(g, pred, covered.get(id(g), {"candidates": []})["candidates"])
        prelabels = [s for s in pred.spans if s.label == QUOTE]
        quotes = {s.key: s for s in g.spans}
        for key, (place, how) in places.items():
            if place != PLACES[0] or how not in KINDS:
                continue
            p = most_overlapping(quotes[key], prelabels)
            rule = facts["rules"].get((p.start, p.end)) or "?"
            row = out[KINDS[how]]
            row["rule"][rule] += 1
            for name in facts["pairs"].get((key, p.start, p.end), ["not recorded"]):
                row["class"][name] += 1
                row["both"][(rule, name)] += 1
    return out


def tuning_run_of_args(description: str, keep, top: int) -> tuple[argparse.Namespace, tuple | None]:
    """The command line (``CORPUS --parse-cache DIR [--top N]``) and ``tuning_run`` with ``keep`` on it
    (None: no corpus)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--parse-cache", type=Path, required=True)
    parser.add_argument("--top", type=int, default=top)
    args = parser.parse_args()
    return args, tuning_run(args.corpus, args.parse_cache, keep)


def main() -> int:
    args, run = tuning_run_of_args(__doc__.splitlines()[0], keep_boundaries, 25)
    if run is None:
        return 0
    gold, predicted, kept, covered = run
    for kind, rows in count(gold, predicted, kept, covered).items():
        print(f"\nours {kind}, same cue: {sum(rows['rule'].values())} missed gold attributions; by rule: "
              + ", ".join(f"{r} {n}" for r, n in rows["rule"].most_common(8)))
        print("| where and what differs (head of the stretch: dependency, part of speech, hangs on) | count |")
        print("|---|---|")
        for name, n in rows["class"].most_common(args.top):
            print(f"| {name} | {n} |")
        print("| rule | where and what differs | count |")
        print("|---|---|---|")
        for (rule, name), n in rows["both"].most_common(args.top):
            print(f"| {rule} | {name} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
