"""What a model learns from: the newest accepted decision per document from annotation files (as
``export`` picks them) and every task of an imported task file, split into training and dev documents.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from annotator.core.errors import UserError
from annotator.core.records import QUOTE, Task
from annotator.core.sources import InputError, iter_raw, read_tasks
from annotator.core.decisions import check_sources, index_decisions, iter_decisions


@dataclass
class TrainingData:
    """Documents to learn from and to score on, and where they came from (for the model card)."""

    train: list[Task]
    dev: list[Task]
    #: source file → documents taken from it (after the newest-decision choice)
    sources: dict[str, int] = field(default_factory=dict)


def is_decision_file(source: str | Path) -> bool:
    """A file of decisions (what ``annotate`` writes) rather than tasks: its first record has an answer."""
    for raw in iter_raw(source):
        if raw.error is not None:
            raise raw.input_error()
        return "answer" in raw.data
    raise InputError(str(source), None, "the file has no records")


def read_documents(sources: Sequence[str | Path]) -> tuple[list[Task], dict[str, int]]:
    """Annotated documents from every source, one per text (a later source replaces an earlier one)."""
    names = check_sources(sources)
    by_hash: dict[int | None, Task] = {}
    counts: dict[str, int] = {}
    for name in names:
        if is_decision_file(name):
            index = index_decisions([name], answers=("accept",), group_by="input")
            tasks = [decision.annotation.task for decision in iter_decisions(index)]
        else:
            tasks = [task for _raw, task in read_tasks([name])]
            if tasks and not any(span.label == QUOTE for task in tasks for span in task.spans):
                raise InputError(name, None, "no QUOTE spans in any of its tasks: give annotated "
                                 "documents (an 'annotate' output or an imported corpus), not raw texts")
        counts[name] = len(tasks)
        for task in tasks:
            by_hash[task.input_hash] = task
    documents = list(by_hash.values())
    if not documents:
        raise UserError("no accepted documents to learn from in " + ", ".join(names))
    return documents, counts


def split_documents(documents: Sequence[Task], *, fraction: float, seed: int) -> tuple[list[Task], list[Task]]:
    """A seeded split by document: about ``fraction`` of them (at least one) for dev, the rest to train."""
    if not 0 < fraction < 1:
        raise UserError(f"--dev must be a fraction between 0 and 1, got {fraction}")
    if len(documents) < 2:
        raise UserError(f"{len(documents)} document(s) cannot be split into training and dev data; "
                        "annotate more or give --dev-file")
    order = sorted(documents, key=lambda task: task.input_hash or 0)
    random.Random(seed).shuffle(order)
    size = min(len(order) - 1, max(1, round(fraction * len(order))))
    return order[size:], order[:size]


def load_training_data(*, sources: Iterable[str | Path], dev_fraction: float = 0.1,
                       dev_file: str | Path | None = None, seed: int = 0) -> TrainingData:
    documents, counts = read_documents(list(sources))
    if dev_file is None:
        train, dev = split_documents(documents, fraction=dev_fraction, seed=seed)
    else:
        dev, dev_counts = read_documents([dev_file])
        counts.update({f"{name} (dev)": n for name, n in dev_counts.items()})
        held_out = {task.input_hash for task in dev}
        train = [task for task in documents if task.input_hash not in held_out]
        if not train:
            raise UserError("every training document is also in the dev file")
    return TrainingData(train=train, dev=dev, sources=counts)
