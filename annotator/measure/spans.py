"""The one span scorer: true/false positives and misses, and one-to-one pairing of spans by overlap.

``evaluate`` (predictions against gold) and ``agree`` (annotator B against annotator A) both
count spans here, so a "match" means the same thing in both reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

from annotator.core.records import Span

#: A span matches another by overlap when they share at least this share of the longer one.
OVERLAP = 0.5

S = TypeVar("S", bound=Span)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}

    def ratios(self) -> dict[str, float | None]:
        """Precision, recall and F1 with None where a side has no spans (nothing to divide by)."""
        precision = self.precision if self.tp + self.fp else None
        recall = self.recall if self.tp + self.fn else None
        f1 = None if precision is None and recall is None else self.f1
        return {"precision": precision, "recall": recall, "f1": f1}


def shared(a: Span, b: Span) -> int:
    """Characters the two spans have in common."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def overlap_match(a: Span, b: Span) -> bool:
    """They share at least ``OVERLAP`` of the longer span."""
    common = shared(a, b)
    return common > 0 and common >= OVERLAP * max(a.end - a.start, b.end - b.start)


def any_overlap(a: Span, b: Span) -> bool:
    return shared(a, b) > 0


def pair_spans(gold: Sequence[S], pred: Sequence[S], matches: Callable[[Span, Span], bool] = overlap_match
               ) -> list[tuple[S, S]]:
    """One-to-one pairs of spans that ``matches``, largest overlaps first (ties in the order given)."""
    candidates = sorted(((shared(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                         if matches(g, p)), key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], pred[j]))
    return pairs


def score_spans(gold: Sequence[Span], pred: Sequence[Span], *, exact: bool = True,
                matches: Callable[[Span, Span], bool] = overlap_match) -> Score:
    """Spans of ``pred`` against ``gold``: exact (same offsets and label) or paired one to one by ``matches``."""
    if exact:
        found = len({s.key for s in gold} & {s.key for s in pred})
    else:
        found = len(pair_spans(gold, pred, matches))
    return Score(found, len(pred) - found, len(gold) - found)
