"""Pre-label quality on the hand-made gold: the news_dev articles, the seed and the blind set, scored like ``annotator evaluate``.

    .venv/bin/python bench/quality.py [--model NAME] [--errors] [--blind]

``--errors`` lists, per document, the quotes missed or invented, wrong attributions and entity
differences, which is how the failure patterns behind the rules were found (not for news_blind,
which only measures).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.measure.evaluation import (  # noqa: E402
    Evaluation, evaluate, match_quotes_with_pieces, same_person, speakers_of,
)
from annotator.core.records import QUOTE, Task  # noqa: E402
from annotator.core.sources import read_tasks  # noqa: E402
from annotator.nlp.pipeline import load_pipeline, prelabel  # noqa: E402

GOLD_SETS = {
    "news_dev": ROOT / "tests" / "fixtures" / "news_dev" / "gold.jsonl",
    "seed": ROOT / "tests" / "fixtures" / "seed_gold.jsonl",
    "news_blind": ROOT / "tests" / "fixtures" / "news_blind" / "gold.jsonl",
    "news_heldout": ROOT / "tests" / "fixtures" / "news_heldout" / "gold.jsonl",
}
#: Sets that only measure: ``--errors`` does not list their differences, so rules are not tuned on them.
MEASURE_ONLY = {"news_blind", "news_heldout"}


def score_set(nlp, gold_path: Path, show_errors: bool = False) -> Evaluation:
    gold = [task for _, task in read_tasks([gold_path])]
    predicted = list(prelabel(nlp, [Task(text=g.text) for g in gold]))
    if show_errors:
        for g, p in zip(gold, predicted, strict=True):
            print_errors(g, p)
    return evaluate(gold, predicted)


def print_errors(gold: Task, pred: Task) -> None:
    name = gold.meta.get("id", "?")
    lines = []
    optional = {tuple(pair) for pair in gold.meta.get("optional", [])}
    g_quotes = [s for s in gold.spans if s.label == QUOTE and (s.start, s.end) not in optional]
    p_quotes = [s for s in pred.spans if s.label == QUOTE]
    pairs, pieces = match_quotes_with_pieces(gold.text, g_quotes, p_quotes)
    matched_g = {g.key for g, _ in pairs}
    matched_p = {p.key for _, p in pairs} | set(pieces)
    g_attr, p_attr = speakers_of(gold), speakers_of(pred)
    for q in g_quotes:
        if q.key not in matched_g:
            lines.append(f"  MISSED  {gold.span_text(q)[:70]!r}")
    for q in p_quotes:
        if q.key not in matched_p and not any((o[0] < q.end and q.start < o[1]) for o in optional):
            lines.append(f"  EXTRA   {pred.span_text(q)[:70]!r}")
    for g, p in pairs:
        if g.key in g_attr and not (p.key in p_attr and same_person(g_attr[g.key], p_attr[p.key])):
            want = [(gold.span_text(a.speaker), a.name) for a in g_attr[g.key]]
            got = [(pred.span_text(a.speaker), a.name) for a in p_attr.get(p.key, [])]
            lines.append(f"  SPEAKER {gold.span_text(g)[:40]!r}: want {want} got {got}")
    g_ents = {(s.start, s.end, s.label) for s in gold.spans if s.is_entity}
    labels = {s.label for s in gold.spans if s.is_entity}
    p_ents = {(s.start, s.end, s.label) for s in pred.spans if s.is_entity and s.label in labels}
    for s, e, label in sorted(g_ents - p_ents):
        lines.append(f"  ENT-    {gold.text[s:e]!r} {label}")
    for s, e, label in sorted(p_ents - g_ents):
        lines.append(f"  ENT+    {pred.text[s:e]!r} {label}")
    if lines:
        print(name)
        print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--errors", action="store_true", help="list every difference from the gold")
    parser.add_argument("--blind", action="store_true", help="also score news_blind and news_heldout (to measure, not to tune)")
    args = parser.parse_args()
    nlp = load_pipeline(args.model)
    results = {name: score_set(nlp, path, args.errors and name not in MEASURE_ONLY)
               for name, path in GOLD_SETS.items() if args.blind or name not in MEASURE_ONLY}
    print("\n| set | docs | quotes P/R/F1 (overlap) | quotes F1 (exact) | attributed P/R/F1 | speaker resolved F1 | "
          "entities P/R/F1 |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, r in results.items():
        q, a, e = r.quotes_overlap, r.attributed, r.entities_total
        print(f"| {name} | {r.documents} | {q.precision:.2f} / {q.recall:.2f} / {q.f1:.2f} | "
              f"{r.quotes_exact.f1:.2f} | {a.precision:.2f} / {a.recall:.2f} / {a.f1:.2f} | {r.resolved.f1:.2f} | "
              f"{e.precision:.2f} / {e.recall:.2f} / {e.f1:.2f} |")


if __name__ == "__main__":
    main()
