"""Learning cue frames (``annotator train --design frames``): every candidate the parse gives beyond
the rules' quotes (``nlp/frames``) is counted as annotated or not by whether a gold QUOTE matches its
content (the scorer's overlap match), and the rate a candidate needs to be added is chosen on the dev
documents like the learned spans' linking (``linking.best_combination``: never worse than the rules
on dev). No weights: counting 755 documents takes as long as parsing them."""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass
from typing import Iterator, NamedTuple, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from annotator.core.records import QUOTE, Task
from annotator.measure.evaluation import evaluate
from annotator.measure.keys import mean_keys
from annotator.measure.spans import overlap_match
from annotator.nlp.convert import doc_to_task, make_doc
from annotator.nlp.frames import AFTER, FRAMES_PIPE, Candidate, FrameAdder, FrameCounts, candidates
from annotator.training.linking import (MIN_GAIN_OVER_RULES, MIN_KEY_SAVING, RULES_ALONE, LinkingChoice,
                                        best_combination)

#: The rates tried on dev as the threshold a candidate must reach.
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)
#: The choice is also scored on up to this many training documents, in ``FOLDS`` folds, each with
#: the counts of the other folds.
CROSS_DOCUMENTS = 200
FOLDS = 5


class _Chars(NamedTuple):
    start: int
    end: int


@dataclass
class FramesResult:
    """The counts, the dev choice (``config``: the component's threshold, empty for the rules alone), and
    how many candidates training saw."""

    counts: FrameCounts
    choice: LinkingChoice
    candidates: int
    positives: int
    seconds: float
    #: documents the choice was scored on (dev, and training documents scored across folds)
    judged: int = 0

    @property
    def threshold(self) -> float | None:
        return self.choice.config.get("threshold")

    def to_dict(self) -> dict:
        return {**self.choice.to_dict(), "candidates": self.candidates, "positives": self.positives,
                "keys": len(self.counts), "seconds": round(self.seconds, 1), "judged": self.judged}


def threshold_name(threshold: float) -> str:
    return f"rules first, learned frames added at rate >= {threshold:.2f}"


def frame_pipe(nlp: Language) -> FrameAdder:
    """The pipeline's ``annotator_frames`` (added after the rules' quotes when it has none)."""
    if FRAMES_PIPE not in nlp.component_names:
        nlp.add_pipe(FRAMES_PIPE, after=AFTER)
    return nlp.get_pipe(FRAMES_PIPE)


def through_quotes(nlp: Language, tasks: Sequence[Task]) -> list[Doc]:
    """The documents parsed and with the rules' quotes (the pipes up to ``annotator_quotes``)."""
    names = nlp.pipe_names
    enabled = names[:names.index(AFTER) + 1]
    with nlp.select_pipes(enable=enabled):
        return list(nlp.pipe(make_doc(task, nlp) for task in tasks))


def labelled(tasks: Sequence[Task], docs: Sequence[Doc], adder: FrameAdder) -> Iterator[tuple[Candidate, bool]]:
    """Each candidate of each document, and whether a gold quote matches its content."""
    for task, doc in zip(tasks, docs, strict=True):
        gold = [s for s in task.spans if s.label == QUOTE]
        for candidate in candidates(doc, adder.lexicon, adder.frames):
            chars = _Chars(*candidate.chars)
            yield candidate, any(overlap_match(g, chars) for g in gold)


@dataclass
class Judged:
    """A document the choice is scored on: its gold, its parse with the rules' quotes, and the counts
    learned without it (a training document's fold left out; a dev document's, all of them)."""

    task: Task
    doc: Doc
    adder: FrameAdder


def learn(nlp: Language, train: Sequence[Task], dev: Sequence[Task]) -> FramesResult:
    """Count the training documents' candidates, choose the threshold on the dev documents and on up to
    ``CROSS_DOCUMENTS`` training documents scored with the counts of the other folds (counting is
    cheap, and on 5-20 dev documents a choice is mostly noise), and set the pipeline's
    ``annotator_frames`` to it (disabled when the rules alone win)."""
    started = time.monotonic()
    adder = frame_pipe(nlp)
    if FRAMES_PIPE in nlp.disabled:
        nlp.enable_pipe(FRAMES_PIPE)
    parsed = through_quotes(nlp, train)
    per_document = [list(labelled([task], [doc], adder)) for task, doc in zip(train, parsed, strict=True)]
    counts = FrameCounts()
    for items in per_document:
        counts.update(items)
    adder.counts = counts
    judged = judged_dev(nlp, dev)
    crossed = min(len(train), CROSS_DOCUMENTS) if len(train) >= 2 * FOLDS else 0
    for fold in range(FOLDS if crossed else 0):
        members = range(fold, crossed, FOLDS)
        left_out = FrameCounts(copy.deepcopy(counts.counts)).remove(i for m in members for i in per_document[m])
        fold_adder = FrameAdder(threshold=adder.threshold, frames=[f.name for f in adder.frames], lexicon=adder.lexicon,
                                counts=left_out)
        judged += [Judged(train[m], parsed[m], fold_adder) for m in members]
    choice = choose_threshold(nlp, judged)
    apply_choice(nlp, choice)
    positives = sum(p for items in per_document for _, p in items)
    return FramesResult(counts, choice, sum(map(len, per_document)), positives, time.monotonic() - started, len(judged))


def judged_dev(nlp: Language, dev: Sequence[Task]) -> list[Judged]:
    """The dev documents scored with the pipeline's own counts."""
    adder = frame_pipe(nlp)
    return [Judged(task, doc, adder) for task, doc in zip(dev, through_quotes(nlp, dev), strict=True)]


def choose_threshold(nlp: Language, judged: Sequence[Judged], *, min_gain: float = MIN_GAIN_OVER_RULES,
                     min_key_saving: float = MIN_KEY_SAVING) -> LinkingChoice:
    """Figures of the rules alone and of the frames at each of ``THRESHOLDS`` on the judged documents;
    the best by ``best_combination`` (a ``min_gain`` attributed F1 gain, or ``min_key_saving`` fewer
    keys at no loss)."""
    names = nlp.pipe_names
    after = [nlp.get_pipe(name) for name in names[names.index(FRAMES_PIPE) + 1:]]
    configs: dict[str, dict] = {RULES_ALONE: {}, **{threshold_name(t): {"threshold": t} for t in THRESHOLDS}}
    gold = [item.task for item in judged]
    scores = {}
    for name, config in configs.items():
        predicted = []
        for item in judged:
            doc = item.doc.copy()
            if config:
                item.adder.apply(doc, config["threshold"])
            for pipe in after:
                doc = pipe(doc)
            predicted.append(doc_to_task(doc, item.task))
        result = evaluate(gold, predicted)
        scores[name] = {"attributed_f": round(result.attributed.f1, 4), "quote_f": round(result.quotes_overlap.f1, 4),
                        "resolved_f": round(result.resolved.f1, 4), "keys": round(mean_keys(gold, predicted), 2)}
    best = best_combination(scores, min_gain, min_key_saving, adds_only=lambda name: True)
    return LinkingChoice(name=best, config=dict(configs[best]), scores=scores)


def apply_choice(nlp: Language, choice: LinkingChoice) -> None:
    """Give ``annotator_frames`` the chosen threshold (its config, as saved), or disable it for the rules alone."""
    adder = frame_pipe(nlp)
    threshold = choice.config.get("threshold")
    if threshold is None:
        nlp.disable_pipe(FRAMES_PIPE)
        return
    counts = adder.counts
    nlp.replace_pipe(FRAMES_PIPE, FRAMES_PIPE, config={"threshold": threshold, "frames": [f.name for f in adder.frames]})
    frame_pipe(nlp).counts = counts
