"""Where review documents come from: each annotator's newest decision, grouped by document as soon
as all its versions are read, shown merged (or as reviewed, when GOLD already has it). Plain
Python, run inside the review screen's worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from annotator.core.adjudication import Adjudication, Version, group_versions
from annotator.core.invariants import check_task
from annotator.core.records import RecordError, Task
from annotator.core.store import JsonlStore
from annotator.core.decisions import DecisionIndex, iter_decisions


@dataclass(frozen=True)
class ReviewItem:
    """A document to review: its versions, the task to show, and the reviewer's answer if any."""

    adjudication: Adjudication
    task: Task
    answer: str | None


def iter_review_items(decisions: DecisionIndex, gold: JsonlStore) -> Iterator[ReviewItem]:
    # The file's name, not its path, so the header has room for the document's id.
    versions = (Version(d.group, d.annotation, f"{Path(d.raw.file).name}:{d.raw.line}")
                for d in iter_decisions(decisions))
    for adjudication in group_versions(versions, decisions.decisions_per_input):
        answer = gold.answer(adjudication.input_hash)
        task = _reviewed(gold, adjudication) if answer is not None else None
        yield ReviewItem(adjudication, task or adjudication.merged(), answer if task else None)


def _reviewed(gold: JsonlStore, adjudication: Adjudication) -> Task | None:
    try:
        task = Task.from_dict(gold.latest(adjudication.input_hash) or {})
        check_task(task)
    except RecordError:
        return None
    return task
