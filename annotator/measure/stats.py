"""Counting decisions: how much is decided, answers by kind, spans by label, quotes by type, per annotator.

Only the newest decision per input per annotator counts, as in ``export``; spans, quotes and
relations are counted in accepted decisions only (a rejected task's spans were not agreed to).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from annotator.core.records import ANSWERS, QUOTE, QUOTE_TYPES
from annotator.core.sources import read_tasks
from annotator.core.progress import NoProgress, Progress
from annotator.core.decisions import index_decisions, iter_decisions


@dataclass
class AnnotatorStats:
    decisions: int = 0
    answers: Counter = field(default_factory=Counter)
    spans: int = 0
    quotes: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"decisions": self.decisions, "answers": _answers(self.answers),
                "spans": self.spans, "quotes": self.quotes}


@dataclass
class Stats:
    records_read: int = 0
    decisions: int = 0
    documents: int = 0
    #: distinct inputs in --source and how many of them have a decision (None without --source)
    total_inputs: int | None = None
    decided_inputs: int | None = None
    answers: Counter = field(default_factory=Counter)
    spans: Counter = field(default_factory=Counter)
    quote_types: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    annotators: dict[str, AnnotatorStats] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "records_read": self.records_read,
            "decisions": self.decisions,
            "documents": self.documents,
            "decided": self.decided_inputs,
            "total": self.total_inputs,
            "answers": _answers(self.answers),
            "spans": dict(sorted(self.spans.items())),
            "quote_types": {t: self.quote_types.get(t, 0) for t in QUOTE_TYPES},
            "relations": dict(sorted(self.relations.items())),
            "annotators": {name: s.to_json() for name, s in sorted(self.annotators.items())},
        }


def collect_stats(*, sources: Sequence[str | Path], source_inputs: Sequence[str | Path] = (),
                  group_by: str = "annotator", progress: Progress = NoProgress()) -> Stats:
    """Count the newest decisions in ``sources``; ``source_inputs`` (the annotated inputs) gives the total."""
    index = index_decisions(sources, answers=ANSWERS, group_by=group_by,
                            progress=progress.stage("Finding newest decisions"))
    stats = Stats(records_read=index.records_read, decisions=len(index), documents=len(index.documents))
    for decision in iter_decisions(index, progress=progress.stage("Counting decisions", len(index))):
        annotation = decision.annotation
        person = stats.annotators.setdefault(decision.group, AnnotatorStats())
        person.decisions += 1
        person.answers[annotation.answer] += 1
        stats.answers[annotation.answer] += 1
        if annotation.answer != "accept":
            continue
        for span in annotation.task.spans:
            stats.spans[span.label] += 1
            person.spans += 1
            if span.label == QUOTE:
                stats.quote_types[span.quote_type] += 1
                person.quotes += 1
        for relation in annotation.task.relations:
            stats.relations[relation.label] += 1
    if source_inputs:
        wanted = set(index.documents)
        inputs = {task.input_hash for _, task in read_tasks(source_inputs)}
        stats.total_inputs = len(inputs)
        stats.decided_inputs = len(inputs & wanted)
    return stats


def _answers(counts: Counter) -> dict[str, int]:
    return {answer: counts.get(answer, 0) for answer in ANSWERS}
