"""Whether an update's model may replace the rules, judged on folds of the decisions (issue 19).

The linking of an update's model is chosen on its dev slice (``trainer.choose_linking``), and on a
few dozen dev documents that choice is partly noise: at 200 documents a gap filler chosen there for
the keys it saved at level dev F1 (+0.004 on 43 documents) was 0.02 below the rules on held-out
articles. So before a model is kept, the chosen combination is scored against the rules alone on
documents its choice never saw: the training documents, split in ``FOLDS`` folds, each pre-labeled
by a model trained (for the steps the update's own model needed) on every other accepted document.
Pooled over the folds, the combination must pass the dev choice's own test (``linking.best_combination``:
+0.01 attributed F1, or 5% fewer keys at no loss of F1) and a non-inferiority test: the one-sided
``CONFIDENCE`` lower bound of its F1 gain over the rules, by a paired bootstrap over documents, must
not be below ``-MARGIN``. Keys can only break a tie in F1, and a tie that the documents cannot tell
from a loss is not kept.

The cost is one training of the update's length per fold (``FOLDS`` of them), run only when the dev
choice would keep the model.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import asdict, dataclass, field, replace
from typing import Callable, Sequence

from annotator.core.records import Task
from annotator.measure.spans import Score
from annotator.training.linking import COMBINATIONS, RULES_ALONE, LinkingChoice, best_combination

#: Folds of the training documents the choice is scored on (each fold model trains on the others and
#: the dev slice: about as many documents as the update's own model).
FOLDS = 4
#: The non-inferiority test: a kept combination's F1 gain over the rules must have its one-sided
#: ``CONFIDENCE`` lower bound at or above ``-MARGIN``. The margin is half the gain the dev choice counts
#: as real (``MIN_GAIN_OVER_RULES``) and about what two held-out runs of the same rules differ by;
#: 0.9 keeps one combination in ten that is truly ``MARGIN`` worse than the rules.
MARGIN = 0.005
CONFIDENCE = 0.9
RESAMPLES = 2000


def text_share(task: Task) -> float:
    """Where a document's text hash falls in [0, 1): a place that does not move as decisions accumulate."""
    digest = hashlib.sha256(task.text.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") / 2 ** 32


def folds_of(documents: Sequence[Task], folds: int = FOLDS) -> list[list[Task]]:
    """The documents dealt into ``folds`` folds in the order of their text hashes (empty folds dropped)."""
    ordered = sorted(documents, key=text_share)
    return [fold for fold in (ordered[i::folds] for i in range(folds)) if fold]


@dataclass
class DocumentFigures:
    """One judged document: attributed counts and keys with the rules alone and with the combination."""

    rules: Score
    combination: Score
    rules_keys: float
    combination_keys: float


@dataclass
class FoldVerdict:
    """The combination against the rules on the judged documents, and whether the model may be kept."""

    kept: bool
    reason: str
    combination: str
    documents: int = 0
    folds: int = 0
    rules_f: float = 0.0
    combination_f: float = 0.0
    #: the one-sided ``confidence`` lower bound of ``combination_f - rules_f`` (paired bootstrap), and
    #: the test it had to pass: not below ``-margin``
    gain_lower: float = 0.0
    confidence: float = CONFIDENCE
    margin: float = MARGIN
    rules_keys: float = 0.0
    combination_keys: float = 0.0
    minutes: float = 0.0
    per_fold: list[dict[str, float]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """The fields in order, under the names ``meta.json`` and the update reports give them."""
        saved = {_SAVED_AS.get(name, name): value for name, value in asdict(self).items()}
        return {**saved, "minutes": round(self.minutes, 2)}


#: The fields ``FoldVerdict.to_dict`` saves under another name.
_SAVED_AS = {"rules_f": "rules_attributed_f", "combination_f": "attributed_f", "gain_lower": "gain_lower_bound",
             "combination_keys": "keys"}


def describe_figures(folds: dict[str, object]) -> str:
    """A verdict's figures (``FoldVerdict.to_dict``) in words, as the model README and ``bench/active.py`` give them."""
    return (f"attributed F1 {folds['attributed_f']:.3f} vs the rules' {folds['rules_attributed_f']:.3f} (the gain's "
            f"{folds['confidence']:.0%} lower bound {folds['gain_lower_bound']:+.3f}, at least -{folds['margin']}), "
            f"keys per document {folds['keys']:.1f} vs {folds['rules_keys']:.1f}")


def pooled(scores: Sequence[Score]) -> Score:
    total = Score()
    for score in scores:
        total.add(score)
    return total


def gain_lower_bound(figures: Sequence[DocumentFigures], *, confidence: float = CONFIDENCE,
                     resamples: int = RESAMPLES, seed: int = 0) -> float:
    """The one-sided ``confidence`` lower bound of the pooled attributed F1 gain of the combination over
    the rules, by resampling documents (both systems on the same resampled documents: paired)."""
    import numpy

    counts = numpy.array([[f.rules.tp, f.rules.fp, f.rules.fn, f.combination.tp, f.combination.fp, f.combination.fn]
                          for f in figures], dtype=float)
    picks = numpy.random.default_rng(seed).integers(0, len(counts), size=(resamples, len(counts)))
    sums = counts[picks].sum(axis=1)

    def f1(tp, fp, fn):
        denominator = 2 * tp + fp + fn
        return numpy.divide(2 * tp, denominator, out=numpy.zeros_like(tp), where=denominator > 0)

    gains = f1(sums[:, 3], sums[:, 4], sums[:, 5]) - f1(sums[:, 0], sums[:, 1], sums[:, 2])
    return float(numpy.quantile(gains, 1 - confidence))


def judge(name: str, figures: Sequence[DocumentFigures], *, folds: int = 0, margin: float = MARGIN,
          confidence: float = CONFIDENCE) -> FoldVerdict:
    """Whether combination ``name`` may replace the rules on the judged documents' ``figures``: the dev
    choice's test on the pooled figures (``best_combination`` between the two), then non-inferiority."""
    if not figures:
        return FoldVerdict(False, "no document to judge the choice on", name)
    rules, combination = pooled([f.rules for f in figures]), pooled([f.combination for f in figures])
    keys = (sum(f.rules_keys for f in figures) / len(figures), sum(f.combination_keys for f in figures) / len(figures))
    verdict = FoldVerdict(False, "", name, documents=len(figures), folds=folds, rules_f=round(rules.f1, 4),
                          combination_f=round(combination.f1, 4), confidence=confidence, margin=margin,
                          rules_keys=round(keys[0], 2), combination_keys=round(keys[1], 2))
    verdict.gain_lower = round(gain_lower_bound(figures, confidence=confidence), 4)
    scores = {RULES_ALONE: {"attributed_f": rules.f1, "keys": keys[0]},
              name: {"attributed_f": combination.f1, "keys": keys[1]}}
    if best_combination(scores) != name:
        verdict.reason = (f"on {len(figures)} documents of {folds} folds: attributed F1 {combination.f1:.3f} vs the "
                          f"rules' {rules.f1:.3f}, keys {keys[1]:.1f} vs {keys[0]:.1f}: no gain, no saving at level F1")
    elif verdict.gain_lower < -margin:
        verdict.reason = (f"on {len(figures)} documents of {folds} folds: F1 gain {combination.f1 - rules.f1:+.3f}, but "
                          f"its {confidence:.0%} lower bound {verdict.gain_lower:+.3f} is below -{margin}")
    else:
        verdict.kept = True
        verdict.reason = (f"on {len(figures)} documents of {folds} folds: attributed F1 {combination.f1:.3f} vs the "
                          f"rules' {rules.f1:.3f} (lower bound of the gain {verdict.gain_lower:+.3f}), keys "
                          f"{keys[1]:.1f} vs {keys[0]:.1f}")
    return verdict


def check_on_folds(train: Sequence[Task], dev: Sequence[Task], choice: LinkingChoice, *, steps: int, settings,
                   base: str | None = None, folds: int = FOLDS,
                   on_fold: Callable[[int, int], None] | None = None) -> FoldVerdict:
    """Score ``choice`` against the rules on ``train`` in ``folds`` folds, each pre-labeled by a model
    trained for ``steps`` steps on the other folds and ``dev`` (``settings``' other limits apply)."""
    from annotator.training.data import TrainingData
    from annotator.training.trainer import DevScorer, linker_for, train_pipeline

    started = time.monotonic()
    split = folds_of(train, folds)
    fold_settings = replace(settings, max_steps=max(1, steps), eval_every=max(1, steps), choose_linking=False,
                            frames=False, entities=False)
    figures: list[DocumentFigures] = []
    per_fold = []
    for number, fold in enumerate(split):
        if on_fold is not None:
            on_fold(number + 1, len(split))
        held = {id(task) for task in fold}
        others = [task for task in train if id(task) not in held] + list(dev)
        trained = train_pipeline(TrainingData(train=others, dev=[]), base=base, settings=fold_settings)
        scorer = DevScorer(trained.nlp, fold)
        learned = scorer.learned()
        with_rules = scorer.predict(linker_for(scorer, COMBINATIONS[RULES_ALONE]), learned)
        with_model = scorer.predict(linker_for(scorer, choice.config), learned)
        fold_figures = [document_figures(task, rules, model) for task, rules, model in zip(fold, with_rules, with_model,
                                                                                          strict=True)]
        figures += fold_figures
        per_fold.append({"documents": len(fold), "rules_attributed_f": round(pooled([f.rules for f in fold_figures]).f1, 4),
                         "attributed_f": round(pooled([f.combination for f in fold_figures]).f1, 4)})
    verdict = judge(choice.name, figures, folds=len(split))
    verdict.minutes, verdict.per_fold = (time.monotonic() - started) / 60, per_fold
    return verdict


def document_figures(gold: Task, rules: Task, model: Task) -> DocumentFigures:
    from annotator.measure.evaluation import evaluate
    from annotator.measure.keys import mean_keys

    return DocumentFigures(evaluate([gold], [rules]).attributed, evaluate([gold], [model]).attributed,
                           mean_keys([gold], [rules]), mean_keys([gold], [model]))
