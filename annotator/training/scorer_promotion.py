"""The promotion thresholds re-chosen on folds of a team's decisions (issue 19): a suggestion the scorer
is sure enough of (with its speaker) becomes a pre-label, at one threshold per quote type folded into
the ``type=…`` promotion weights (``promote_shifts``, as ``bench/fit_scorer.py`` folds them). Those
thresholds were chosen on the corpus the prior was fitted on; a team whose decisions promote more (or
fewer) of them right moves them here, under the bars the shipped ones were chosen under: each kind's
attributed precision over the folds no more below the rules' own (no promotion) than ``PRECISION_MARGINS``.

Each fold is pre-labeled with the table refitted on the other folds (``scorer_folds``), its thresholds
moved; a move is taken when its attributed F1 over every decided document beats the thresholds in use by
``MIN_F_GAIN`` and by ``Z`` standard errors of that gain (a bootstrap over the documents), at no more
than ``MIN_KEYS_GAIN`` keys a document."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from annotator.core.records import QUOTE_TYPES, Task

#: How far each kind's attributed precision may fall below the rules' (the shipped fit's margins,
#: ``bench/scorer_choice.py``).
PRECISION_MARGINS = {"direct": 0.022, "indirect": 0.013, "mixed": 0.042, "all": 0.015}
#: Moves tried, in logits, of every type's threshold together and of indirect's or the others' alone.
MOVES: tuple[tuple[str, float], ...] = (("all", -0.4), ("all", -0.2), ("all", 0.2), ("indirect", -0.2),
                                        ("indirect", 0.2), ("others", -0.2), ("others", 0.2))
MIN_F_GAIN = 0.003
MIN_KEYS_GAIN = 0.1  # a move may cost at most this many keys a document
Z = 1.645
BOOTSTRAP = 300


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def thresholds(table: Mapping, promote_min_score: float) -> dict[str, float]:
    """Each quote type's promotion threshold as ``table``'s ``promote_shifts`` fold it in."""
    shifts = table.get("promote_shifts") or {}
    return {kind: round(1 / (1 + math.exp(shifts.get(f"type={kind}", 0.0) - _logit(promote_min_score))), 4)
            for kind in QUOTE_TYPES}


def moved(table: Mapping, promote_min_score: float, at: Mapping[str, float]) -> dict:
    """``table`` promoting each type at ``at[type]``: the ``type=…`` weights and ``promote_shifts`` moved."""
    shifts = dict(table.get("promote_shifts") or {})
    weights = dict(table.get("promote_weights") or {})
    for kind, t in at.items():
        name, new = f"type={kind}", round(_logit(promote_min_score) - _logit(t), 5)
        weights[name] = round(weights.get(name, 0.0) + new - shifts.get(name, 0.0), 5)
        shifts[name] = new
    return {**table, "promote_weights": weights, "promote_shifts": {k: v for k, v in shifts.items() if v}}


def move(at: Mapping[str, float], which: str, logits: float) -> dict[str, float]:
    """``at`` with the thresholds of ``which`` (all, indirect, or the others) moved by ``logits``."""
    kinds = {"all": QUOTE_TYPES, "indirect": ("indirect",)}.get(which, tuple(k for k in QUOTE_TYPES if k != "indirect"))
    return {k: round(1 / (1 + math.exp(-(_logit(t) + (logits if k in kinds else 0.0)))), 4) for k, t in at.items()}


@dataclass
class Figures:
    """Per document, attributed true positives, predicted and gold quotes, and keys; over all of them,
    each kind's attributed precision and the F1."""

    counts: list[tuple[int, int, int]]
    keys: list[float]
    precision: dict[str, float]
    f: float

    @classmethod
    def of(cls, decided: Sequence[Task], predicted: Sequence[Task]) -> Figures:
        from annotator.measure.evaluation import evaluate
        from annotator.measure.keys import document_keys

        counts, keys = [], []
        for g, p in zip(decided, predicted, strict=True):
            a = evaluate([g], [p]).attributed
            counts.append((a.tp, a.tp + a.fp, a.tp + a.fn))
            keys.append(float(document_keys(g, p)[1]))
        total = evaluate(list(decided), list(predicted))
        precision = {kind: total.by_kind[kind]["attributed"].precision for kind in QUOTE_TYPES}
        precision["all"] = total.attributed.precision
        return cls(counts, keys, precision, round(total.attributed.f1, 4))

    @property
    def mean_keys(self) -> float:
        return sum(self.keys) / max(len(self.keys), 1)


def _f1(counts: Sequence[tuple[int, int, int]], picks: Sequence[int]) -> float:
    tp = sum(counts[i][0] for i in picks)
    denominator = sum(counts[i][1] + counts[i][2] for i in picks)
    return 2 * tp / denominator if denominator else 0.0


def gain_se(before: Sequence[tuple[int, int, int]], after: Sequence[tuple[int, int, int]], rounds: int = BOOTSTRAP,
            seed: int = 0) -> float:
    """The standard error of the attributed F1 gain from ``before`` to ``after`` (paired, per document),
    by a bootstrap over the documents."""
    n = len(before)
    if n < 2:
        return float("inf")
    rng = random.Random(seed)
    gains = []
    for _ in range(rounds):
        picks = [rng.randrange(n) for _ in range(n)]
        gains.append(_f1(after, picks) - _f1(before, picks))
    mean = sum(gains) / rounds
    return (sum((g - mean) ** 2 for g in gains) / (rounds - 1)) ** 0.5


@dataclass
class PromotionChoice:
    """The thresholds chosen (None: those in use stay), and what each tried scored over the folds."""

    at: dict[str, float] | None
    current: dict[str, float]
    tried: dict[str, dict] = field(default_factory=dict)
    floors: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {"at": self.at, "current": self.current, "floors": self.floors, "tried": self.tried}


def admissible(figures: Figures, floors: Mapping[str, float]) -> bool:
    """Whether every kind's attributed precision holds its floor."""
    return all(figures.precision[k] >= floors[k] - 1e-9 for k in floors)


def choose(predict: Callable[[Mapping[str, float] | None], Sequence[Task]], decided: Sequence[Task],
           current: Mapping[str, float]) -> PromotionChoice:
    """``predict(at)``: every decided document pre-labeled on its fold with the thresholds ``at`` (None:
    no promotion, the rules' own precision the floors are set from). The move with the best F1 among those
    above the floors, taken when it gains ``MIN_F_GAIN`` and ``Z`` bootstrap standard errors over ``current``
    at no more than ``MIN_KEYS_GAIN`` keys a document."""
    rules = Figures.of(decided, predict(None))
    floors = {k: round(rules.precision[k] - m, 4) for k, m in PRECISION_MARGINS.items()}
    base = Figures.of(decided, predict(current))
    choice = PromotionChoice(None, dict(current), floors=floors)
    choice.tried["current"] = {"f": base.f, "keys": round(base.mean_keys, 2), "precision": base.precision}
    best: tuple[float, dict[str, float]] | None = None
    for which, logits in MOVES:
        at = move(current, which, logits)
        figures = Figures.of(decided, predict(at))
        se = gain_se(base.counts, figures.counts)
        ok = admissible(figures, floors) and figures.mean_keys <= base.mean_keys + MIN_KEYS_GAIN
        gain = figures.f - base.f
        choice.tried[f"{which} {logits:+g}"] = {"at": at, "f": figures.f, "keys": round(figures.mean_keys, 2),
                                                "precision": figures.precision, "gain_se": round(se, 4),
                                                "admissible": ok}
        if ok and gain >= max(MIN_F_GAIN, Z * se) and (best is None or figures.f > best[0]):
            best = (figures.f, at)
    choice.at = best[1] if best is not None else None
    return choice
