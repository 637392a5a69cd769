"""Where documents come from: the sources read lazily, decisions already in the output, and
pre-labeling for tasks that arrive without spans. Plain Python, run inside a screen's worker.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from annotator.core.drafts import DraftJournal
from annotator.core.invariants import check_task
from annotator.core.records import RecordError, Task, adopt_known_hash
from annotator.core.sources import RejectHandler, read_tasks
from annotator.core.store import JsonlStore

#: Held while a background thread imports spaCy or loads a model: two threads importing spaCy at
#: once can see it half-initialised ("cannot import name 'Language' from partially initialized
#: module"), so the feed and the COREF warm-up take turns.
NLP_IMPORT_LOCK = threading.Lock()

#: Documents without a decision that are read and pre-labeled ahead of the one on screen.
READ_AHEAD = 3


@dataclass(frozen=True)
class FeedItem:
    """A document ready to show; ``rank`` counts only documents that had no decision yet."""

    task: Task
    source: str
    answer: str | None
    rank: int | None
    #: when ``task`` is a draft: the version on disk (as decided, or as read), else None
    baseline: Task | None = None


class ReadAhead:
    """Holds the reader back until the annotator is within ``ahead`` undecided documents of it."""

    def __init__(self, ahead: int = READ_AHEAD) -> None:
        self.ahead = ahead
        self._reached = -1
        self._closed = False
        self._condition = threading.Condition()

    def reach(self, rank: int) -> None:
        with self._condition:
            if rank > self._reached:
                self._reached = rank
                self._condition.notify_all()

    def wait_for(self, rank: int) -> bool:
        """Block until document ``rank`` is wanted; False once the reader should stop."""
        with self._condition:
            while not self._closed and rank > self._reached + self.ahead:
                self._condition.wait(0.5)
            return not self._closed

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._condition.notify_all()


class TaskFeed:
    """Every readable document of the sources, in order, each as it stands for the annotator.

    A document with a decision in the output comes back as last decided; one without spans is
    pre-labeled (the model is loaded on first need, so nothing waits for spaCy before that).
    """

    def __init__(
        self,
        sources: Iterable[str | Path],
        store: JsonlStore,
        *,
        model: str | None,
        load_model: Callable[[str | None], Any],
        on_invalid: RejectHandler,
        on_status: Callable[[str, str], None],
        read_ahead: ReadAhead,
        drafts: DraftJournal | None = None,
    ) -> None:
        self.sources = list(sources)
        self.store = store
        self.model = model
        self.load_model = load_model
        self.on_invalid = on_invalid
        self.on_status = on_status
        self.read_ahead = read_ahead
        self.drafts = drafts
        self._nlp: Any = None

    def __iter__(self) -> Iterator[FeedItem]:
        rank = 0
        for raw, task in read_tasks(self.sources, on_invalid=self.on_invalid):
            source = f"{raw.file}:{raw.line}" if raw.line is not None else raw.file
            adopt_known_hash(task, self.store)
            answer = self.store.answer(task.input_hash)
            if answer is not None:
                drafted, baseline = self._with_draft(self._decided(task))
                yield FeedItem(drafted, source, answer, None, baseline)
                continue
            if not self.read_ahead.wait_for(rank):
                return
            if not task.spans or not task.tokens:
                task = self._prelabel(task)
            drafted, baseline = self._with_draft(task)
            yield FeedItem(drafted, source, None, rank, baseline)
            rank += 1

    def _with_draft(self, task: Task) -> tuple[Task, Task | None]:
        """The task as the annotator left it (its draft), and the version the draft was made from."""
        if self.drafts is None or task.input_hash not in self.drafts:
            return task, None
        drafted = self.drafts.apply(task)
        try:
            if drafted is None:
                raise RecordError("unreadable draft")
            check_task(drafted)
        except RecordError:
            return task, None  # a draft that no longer fits the document is left in the journal
        return drafted, task

    def _decided(self, task: Task) -> Task:
        record = self.store.latest(task.input_hash)
        try:
            decided = Task.from_dict(record or {})
            check_task(decided)
        except RecordError:
            return task
        return decided

    def _prelabel(self, task: Task) -> Task:
        with NLP_IMPORT_LOCK:
            from annotator.nlp.pipeline import prelabel

            if self._nlp is None:
                self._nlp = self._load()
        return next(iter(prelabel(self._nlp, [task])))

    def _load(self) -> Any:
        name = self.model or "the default model"
        self.on_status("loading", f"loading {name}…")
        try:
            nlp = self.load_model(self.model)
        except Exception as err:  # noqa: BLE001 - any failure leaves the documents annotatable
            import spacy

            self.on_status("error", f"could not load {name}: {err}; documents are shown without pre-labels")
            return spacy.blank("en")
        loaded = f"{nlp.lang}_{nlp.meta.get('name', '')} {nlp.meta.get('version', '')}".strip()
        self.on_status("ready", f"pre-labels by {loaded}")
        return nlp
