"""Pre-labels that swallow a second gold attribution, from a ``bench/corpus.py --dump`` folder (counts and
function words only, never text): usage

    PYTHONPATH=. python bench/swallowed.py DUMP_DIR

A pre-label holds a gold quote when at least 80% of the gold quote's characters lie inside it. For each
pre-label holding two or more gold quotes, at least one of which no pre-label finds (the scorer's pairs,
``nested_cuts.missed_gold``), each missed one is classed by where its cue is (the pre-label's own cue,
a cue inside the pre-label, elsewhere, none), whether it comes before or after the gold quote next to
it inside the pre-label, what lies between the two (``gap_class``), and whether the two share their
cue (the brat import makes each fragment of a discontinuous attribution a quote of its own)."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from annotator.core.records import CUE_REL, QUOTE, Task

from compare_dumps import read_dump  # bench/compare_dumps.py
from nested_cuts import missed_gold  # bench/nested_cuts.py

#: Share of a gold quote's characters inside a pre-label for the pre-label to hold it.
HOLDS = 0.8
#: Words that open a relative clause.
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "where", "when"})
#: Words that coordinate two clauses or predicates.
COORDINATORS = frozenset({"and", "but", "or", "while", "whereas", "yet"})
#: Marks that open and close an aside.
ASIDE_MARKS = frozenset({",", "-", "--", "—", "–", "(", ")", "[", "]"})


def gap_class(gap: str) -> str:
    """What lies between two gold quotes inside one pre-label: ``nothing`` (spaces or one mark),
    ``sentence end``, ``aside`` (words between two commas, dashes or brackets), ``coordination``
    (``and``/``but``/... first or after a comma), ``relative word``, ``words`` (anything else)."""
    words = re.findall(r"\w+|[^\w\s]", gap.lower())
    if not any(w[0].isalnum() for w in words):
        return "sentence end" if any(w in (".", "!", "?", ";") for w in words) else "nothing"
    if words[0] in (".", "!", "?"):
        return "sentence end"
    first = words[1] if words[0] in ASIDE_MARKS and len(words) > 1 else words[0]
    if first in COORDINATORS:
        return "coordination"
    if words[0] in ASIDE_MARKS and words[-1] in ASIDE_MARKS:
        return "aside"
    if first in RELATIVE_WORDS:
        return "relative word"
    return "words"


def cues_of(task: Task) -> dict[tuple[int, int], tuple[int, int]]:
    """Each quote's characters → its cue's characters (the first cue relation)."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for r in task.relations:
        if r.label == CUE_REL and r.head_span.label == QUOTE:
            out.setdefault((r.head_span.start, r.head_span.end), (r.child_span.start, r.child_span.end))
    return out


def _inside(chars: tuple[int, int], outer: tuple[int, int]) -> bool:
    overlap = min(chars[1], outer[1]) - max(chars[0], outer[0])
    return overlap >= HOLDS * (chars[1] - chars[0])


def classify(gold: Task, predicted: Task) -> Counter:
    """``(facet, value)`` → count over the missed gold quotes ``predicted`` swallows with another."""
    out: Counter = Counter()
    missed = {(q.start, q.end) for q in missed_gold(gold, {predicted.text: predicted})}
    g_quotes = sorted((q.start, q.end) for q in gold.spans if q.label == QUOTE)
    g_cues, p_cues = cues_of(gold), cues_of(predicted)
    for p in predicted.spans:
        ours = (p.start, p.end)
        held = [q for q in g_quotes if _inside(q, ours)] if p.label == QUOTE else []
        if len(held) < 2:
            continue
        out[("pre-labels", "holding two or more, one missed")] += any(q in missed for q in held)
        for i, q in enumerate(held):
            if q not in missed:
                continue
            other = held[i - 1] if i else held[i + 1]
            first, second = sorted((q, other))
            cue = g_cues.get(q)
            where = "none" if cue is None else "ours" if cue == p_cues.get(ours) \
                else "inside ours" if ours[0] <= cue[0] < ours[1] else "elsewhere"
            gap = gap_class(gold.text[first[1]:second[0]])
            out[("missed", "all")] += 1
            out[("cue", where)] += 1
            out[("place", "before its neighbour" if q == first else "after its neighbour")] += 1
            out[("gap", gap)] += 1
            out[("cue × gap", f"{where}, {gap}")] += 1
            out[("type", p.quote_type or "none")] += 1
            same = cue is not None and g_cues.get(other) == cue
            out[("neighbour", "same cue (pieces of one attribution)" if same else "another cue or none")] += 1
    return out


def count(folder: Path) -> Counter:
    gold, predicted = read_dump(folder)
    by_text = {t.text: t for t in predicted}
    total: Counter = Counter()
    for g in gold:
        total.update(classify(g, by_text[g.text]))
    return total


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.splitlines()[2].strip(), file=sys.stderr)
        return 2
    total = count(Path(args[0]))
    for facet in ("pre-labels", "missed", "cue", "place", "gap", "type", "neighbour", "cue × gap"):
        rows = sorted(((v, n) for (f, v), n in total.items() if f == facet), key=lambda r: -r[1])
        print(f"- {facet}: " + ", ".join(f"{v} {n}" for v, n in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
