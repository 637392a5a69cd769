"""The refitted scorer's strength chosen by what the annotator pays (issue 19): the team's decided
documents split in folds, each pre-labeled with suggestions scored by the scorer refitted on the other
folds, at each strength; keys to the decisions with suggestions (``measure/keys.py``) decide, over every
decided document rather than a dev slice of a few. The shipped weights stay unless a pull saves keys
at no loss of attributed F1. The documents' parse is the fit's own (``scorer_fit.collect_rows``), so a
strength costs a run of the suggestions component, not a parse."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Mapping, Sequence
from zlib import crc32

from annotator.core.records import Task

#: Folds of the decided documents (by a hash of each, so a document keeps its fold as decisions come in).
FOLDS = 4
#: Below this many documents with candidates the folds are too thin to choose on.
MIN_DOCUMENTS = 8
#: A pull replaces the shipped weights only when it saves at least this many keys per document over
#: the folds, and ``Z`` standard errors of the per-document differences (one-sided 95%: a gain of a
#: third of a key on 200 documents, kept by a bare minimum, cost half a key on unseen articles) ...
MIN_KEYS_GAIN = 0.1
Z = 1.645
#: ... and loses no more attributed F1 over the folds than this.
F_TOLERANCE = 0.002
#: How a pull is kept (``pick``): "gain", when it saves ``MIN_KEYS_GAIN`` and ``Z`` standard errors over the
#: prior (the choice among many strengths: the best of several noisy figures needs a margin); "no-loss",
#: when its keys are at most the prior's plus ``MIN_KEYS_GAIN`` (for one strength chosen beforehand, not
#: on these folds: a pull that costs nothing measurable is taken, as more documents move the weights further).
KEEP_RULES = ("gain", "no-loss")


@dataclass
class KeysChoice:
    """The strength chosen (None: the shipped weights) and, per strength tried, the mean keys per
    document and the attributed F1 over the folds."""

    strength: float | None
    documents: int
    keys: dict[str, float] = field(default_factory=dict)
    f: dict[str, float] = field(default_factory=dict)
    #: the standard error of the mean keys saved per document against the shipped weights
    se: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {"strength": plain(self.strength), "documents": self.documents, "folds": FOLDS, "keys": self.keys,
                "attributed_f": self.f, "gain_se": self.se}

    @property
    def gain(self) -> float:
        """Keys per document the chosen strength saves over the shipped weights on the folds."""
        return round(self.keys["shipped"] - self.keys[label(self.strength)], 2)


def label(strength) -> str:
    """A strength's name: ``shipped`` (the prior unchanged), ``300``, or ``300/10`` (weaker on intercepts)."""
    if strength is None:
        return "shipped"
    if isinstance(strength, str) or hasattr(strength, "label"):
        return getattr(strength, "label", strength)
    return "/".join(f"{s:g}" for s in strength) if isinstance(strength, (tuple, list)) else f"{strength:g}"


def plain(strength):
    """A strength as JSON keeps it: a number, a pair, None, or a ``PriorData``'s label."""
    return strength.label if hasattr(strength, "label") else strength


def fold_of(key: str) -> int:
    return crc32(key.encode("utf-8")) % FOLDS


def suggested(suggester, scorer, doc, task: Task) -> Task:
    """``task`` pre-labeled from ``doc`` (parsed by the rules, suggestions not yet run) with the
    suggestions scored (and promoted) by ``scorer``; ``doc`` itself is left as it was."""
    from annotator.nlp.convert import doc_to_task
    from annotator.training.suggestion_update import bare

    runner = copy.copy(suggester)
    runner.scorer = scorer
    return doc_to_task(runner(doc.copy()), bare(task))


def figures(decided: Sequence[Task], predicted: Sequence[Task]) -> tuple[list[float], float]:
    """Keys to each decision with the suggestions, and attributed F1 over them all."""
    from annotator.measure.evaluation import evaluate
    from annotator.measure.keys import document_keys

    keys = [float(document_keys(g, p)[1])
            for g, p in zip(decided, predicted, strict=True)]
    return keys, round(evaluate(list(decided), list(predicted)).attributed.f1, 4)


def gain_se(shipped: Sequence[float], pulled: Sequence[float]) -> float:
    """The standard error of the mean per-document keys ``pulled`` saves against ``shipped``."""
    n = len(shipped)
    if n < 2:
        return float("inf")
    gains = [a - b for a, b in zip(shipped, pulled, strict=True)]
    mean = sum(gains) / n
    return (sum((g - mean) ** 2 for g in gains) / (n - 1) / n) ** 0.5


def mean_document_keys(each: Sequence[float]) -> float:
    """The mean of the documents' keys, to two places, as the updates report it."""
    return round(sum(each) / max(len(each), 1), 2)


def clear_gain(current: Sequence[float], new: Sequence[float]) -> tuple[float, float, bool]:
    """The mean keys per document ``new`` saves against ``current`` (paired by document), its standard
    error, and whether it clears the noise as the scorer's refits must: at least ``MIN_KEYS_GAIN``
    and ``Z`` standard errors."""
    gain = (sum(current) - sum(new)) / max(len(current), 1)
    se = gain_se(current, new)
    return gain, se, gain >= MIN_KEYS_GAIN and gain >= Z * se


def choose_by_keys(decided: Sequence[Task], docs: Sequence, documents: Sequence[list], keys: Sequence[str],
                   suggester, prior_table: Mapping, strengths: Sequence[float | None], keep: str = "gain") -> KeysChoice:
    """For each of ``strengths`` (None: the shipped ``prior_table``), every document of ``decided`` pre-labeled
    from its parse (``docs``) with the scorer refitted at that strength on the other folds' rows
    (``documents``: one list of ``scorer_fit.Row`` a document); the fewest keys wins among the strengths
    that keep attributed F1 within ``F_TOLERANCE`` of the shipped weights', by the ``keep`` rule (``pick``)."""
    from annotator.nlp.suggest.scorer import SuggestionScorer
    from annotator.training.scorer_fit import TARGETS, refit

    folds = [fold_of(k) for k in keys]
    choice = KeysChoice(None, len(decided))
    per_document: dict[str, list[float]] = {}
    for strength in strengths:
        predicted: list[Task | None] = [None] * len(decided)
        for fold in sorted(set(folds)):
            table = prior_table
            if strength is not None:
                others = [rows if f != fold else [] for rows, f in zip(documents, folds, strict=True)]
                table = refit(others, keys, prior_table, strengths={t: strength for t in TARGETS}).table
            scorer = SuggestionScorer.from_table(table)
            for i in (i for i, f in enumerate(folds) if f == fold):
                predicted[i] = suggested(suggester, scorer, docs[i], decided[i])
        per_document[label(strength)], choice.f[label(strength)] = figures(decided, predicted)
        choice.keys[label(strength)] = round(sum(per_document[label(strength)]) / max(len(decided), 1), 2)
        choice.se[label(strength)] = round(gain_se(per_document["shipped"], per_document[label(strength)]), 3)
    choice.strength = pick(choice.keys, choice.f, strengths, choice.se, keep)
    return choice


def pick(keys: Mapping[str, float], f: Mapping[str, float], strengths: Sequence[float | None],
         se: Mapping[str, float] | None = None, keep: str = "gain") -> float | None:
    """The strength with the fewest ``keys`` per document among those whose attributed ``f`` is within
    ``F_TOLERANCE`` of the shipped weights', when it saves ``MIN_KEYS_GAIN`` over them and ``Z`` times
    the ``se`` of that saving (``keep`` "no-loss": when it costs at most ``MIN_KEYS_GAIN``; else None:
    the shipped weights)."""
    floor = f["shipped"] - F_TOLERANCE
    fair = [s for s in strengths if s is not None and f[label(s)] >= floor]
    best = min(fair, key=lambda s: keys[label(s)], default=None)
    if best is None:
        return None
    gain = keys["shipped"] - keys[label(best)]
    if keep == "no-loss":
        return best if gain >= -MIN_KEYS_GAIN else None
    return best if gain >= max(MIN_KEYS_GAIN, Z * (se or {}).get(label(best), 0.0)) else None


def fold_predictor(decided: Sequence[Task], docs: Sequence, documents: Sequence[list], keys: Sequence[str],
                   suggester, prior_table: Mapping, strength: float | None):
    """``predict(at)`` for ``scorer_promotion.choose``: every document of ``decided`` pre-labeled from its
    parse with the table refitted at ``strength`` on the other folds (None: ``prior_table``), promoting at
    the per-type thresholds ``at`` (None: no promotion)."""
    from annotator.nlp.suggest.scorer import SuggestionScorer
    from annotator.training.scorer_fit import TARGETS, refit
    from annotator.training.scorer_promotion import moved

    folds = [fold_of(k) for k in keys]
    tables = {}
    for fold in set(folds):
        others = [rows if f != fold else [] for rows, f in zip(documents, folds, strict=True)]
        tables[fold] = prior_table if strength is None else \
            refit(others, keys, prior_table, strengths={t: strength for t in TARGETS}).table

    def predict(at: Mapping[str, float] | None) -> list[Task]:
        runner = copy.copy(suggester)
        runner.promote = at is not None and suggester.promote_min_score is not None
        scorers = {fold: SuggestionScorer.from_table(moved(table, suggester.promote_min_score, at) if runner.promote
                                                     else table) for fold, table in tables.items()}
        return [suggested(runner, scorers[fold], doc, task) for fold, doc, task in zip(folds, docs, decided, strict=True)]

    return predict
