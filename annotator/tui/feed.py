"""Where documents come from: the sources read lazily, decisions already in the output, and
pre-labeling for tasks that arrive without spans. Plain Python, run inside a screen's worker.
"""

from __future__ import annotations

import threading
from dataclasses import KW_ONLY, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from annotator.core.draft_tokens import DraftMisfit, EarlierTokens
from annotator.core.drafts import DraftJournal
from annotator.core.invariants import check_task
from annotator.core.hashing import adopt_known_hash
from annotator.core.records import RecordError, Task
from annotator.core.sources import RejectHandler, read_tasks
from annotator.core.store import JsonlStore

#: Held while a background thread imports spaCy or loads a model: two threads importing spaCy at
#: once can see it half-initialised ("cannot import name 'Language' from partially initialized
#: module"), so the feed and the COREF warm-up take turns.
NLP_IMPORT_LOCK = threading.Lock()

#: Documents without a decision that are read and pre-labeled ahead of the one on screen.
READ_AHEAD = 3
#: The orders ``--order`` offers: the sources' own, or the least sure pre-labels first.
ORDERS = ("file", "uncertain")
#: With ``--order uncertain``: how many upcoming documents are pre-labeled to choose the next one from
#: (the queue never waits for the whole corpus; a document leaves the window when chosen).
ORDER_WINDOW = 10


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


class Prelabeler:
    """Pre-labels tasks with a model loaded on first need, so nothing waits for spaCy before that;
    ``use_model`` switches to another for what is pre-labeled after it. ``on_status`` hears of each
    load: ``loading``, ``ready`` or ``error``, and a line to show. A model that fails to load leaves a
    blank pipeline, so the documents stay annotatable."""

    def __init__(self, model: str | None, load_model: Callable[[str | None], Any],
                 on_status: Callable[[str, str], None]) -> None:
        self.model = model
        self.load_model = load_model
        self.on_status = on_status
        #: the model asked for (``use_model`` bumps it) and the one in use was loaded for
        self.generation = 0
        self.loaded = 0
        self._nlp: Any = None
        self._lock = threading.RLock()

    def use_model(self, model: str | None) -> None:
        """Pre-label from now on with ``model`` (loaded when next needed; called from any thread).
        Takes no lock, so the interface never waits for a document being pre-labeled: the model is
        set before the generation that makes the reader load it."""
        self.model = model
        self.generation += 1

    def prelabel(self, task: Task) -> Task:
        """``task`` pre-labeled by the model in use (loading it first if it is not loaded yet)."""
        with self._lock:
            if self._nlp is None or self.loaded != self.generation:
                generation = self.generation
                with NLP_IMPORT_LOCK:
                    self._nlp = self._load()
                self.loaded = generation
            from annotator.nlp.pipeline import prelabel

            return next(iter(prelabel(self._nlp, [task])))

    def earlier_tokens(self, text: str) -> list[tuple[int, int]] | None:
        """The (start, end) of the tokens the model in use made of ``text`` before the glued-mark
        rule (drafts written before it were made on them), or None when they are the ones it makes."""
        with self._lock:
            if self._nlp is None:
                return None
            from annotator.nlp.glued_marks import stock_tokens

            return stock_tokens(self._nlp, text)

    def _load(self) -> Any:
        name = self.model or "the default model"
        self.on_status("loading", f"loading {name}…")
        try:
            nlp = self.load_model(self.model)
        except Exception as err:  # noqa: BLE001 - any failure leaves the documents annotatable
            from annotator.nlp.glued_marks import blank_english

            self.on_status("error", f"could not load {name}: {err}; documents are shown without pre-labels")
            return blank_english()
        loaded = f"{nlp.lang}_{nlp.meta.get('name', '')} {nlp.meta.get('version', '')}".strip()
        self.on_status("ready", f"pre-labels by {loaded}")
        return nlp


@dataclass(eq=False)
class TaskFeed:
    """Every readable document of the sources, in order, each as it stands for the annotator.

    A document with a decision in the output comes back as last decided; one without spans is
    pre-labeled by ``prelabeler``.
    With ``order="uncertain"`` the undecided ones come from a window of the next ``window``
    documents, the one whose pre-labels look least sure first (``annotator.nlp.doubt``). With
    ``relabel`` (``annotate --learn``) every undecided document is pre-labeled by the model in use,
    whatever spans it came with, and the prelabeler's ``use_model`` switches to a newer one for what is
    not yet shown (the window's documents pre-labeled by an older one are pre-labeled again).
    """

    sources: Iterable[str | Path]
    store: JsonlStore
    prelabeler: Prelabeler
    _: KW_ONLY
    on_invalid: RejectHandler
    read_ahead: ReadAhead
    drafts: DraftJournal | None = None
    order: str = "file"
    window: int = ORDER_WINDOW
    relabel: bool = False
    #: hears, in a sentence naming the journal and the document, of a draft the document opens without
    on_notice: Callable[[str], None] | None = None

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {self.order!r}")
        self.sources = list(self.sources)
        self.window = max(1, self.window)

    def __iter__(self) -> Iterator[FeedItem]:
        rank = 0
        window: list[_Candidate] = []
        for raw, task in read_tasks(self.sources, on_invalid=self.on_invalid):
            source = f"{raw.file}:{raw.line}" if raw.line is not None else raw.file
            adopt_known_hash(task, self.store)
            answer = self.store.answer(task.input_hash)
            if answer is not None:
                drafted, baseline = self._with_draft(self._decided(task), source)
                yield FeedItem(drafted, source, answer, None, baseline)
                continue
            if self.order == "file" or (self.drafts is not None and task.input_hash in self.drafts):
                # (a document left as a draft was opened before: it comes back where it was read)
                if not self.read_ahead.wait_for(rank):
                    return
                yield self._ready(task, source, rank)
                rank += 1
                continue
            window.append(self._candidate(task, source))
            if len(window) >= self.window:
                if not self.read_ahead.wait_for(rank):
                    return
                yield self._least_sure(window, rank)
                rank += 1
        while window:
            if not self.read_ahead.wait_for(rank):
                return
            yield self._least_sure(window, rank)
            rank += 1

    def _needs_labels(self, task: Task) -> bool:
        # A task that came with suggestions and no spans was pre-labeled (nothing it was sure of).
        return self.relabel or not (task.spans or task.suggestions) or not task.tokens

    def _ready(self, task: Task, source: str, rank: int) -> FeedItem:
        # A document read without tokens is tokenized again on every opening: a draft written before
        # drafts recorded their tokens was made on the tokens of the tokenizer before the glued-mark rule.
        earlier = self.prelabeler.earlier_tokens if not task.tokens else None
        if self._needs_labels(task):
            task = self.prelabeler.prelabel(task)
        drafted, baseline = self._with_draft(task, source, earlier)
        return FeedItem(drafted, source, None, rank, baseline)

    def _candidate(self, task: Task, source: str) -> _Candidate:
        labeled = self.prelabeler.prelabel(task) if self._needs_labels(task) else task
        return _Candidate(task, source, labeled, self.prelabeler.loaded, _doubt(labeled))

    def _least_sure(self, window: list[_Candidate], rank: int) -> FeedItem:
        """Take the window's least sure document out of it (the earliest read on a tie); documents
        pre-labeled by an older model are pre-labeled again first."""
        for i, candidate in enumerate(window):
            if self._needs_labels(candidate.read) and candidate.generation != self.prelabeler.generation:
                window[i] = self._candidate(candidate.read, candidate.source)
        chosen = max(range(len(window)), key=lambda i: (window[i].doubt, -i))
        candidate = window.pop(chosen)
        return FeedItem(candidate.labeled, candidate.source, None, rank, None)

    def _with_draft(self, task: Task, source: str, earlier: EarlierTokens | None = None) -> tuple[Task, Task | None]:
        """The task as the annotator left it (its draft), and the version the draft was made from."""
        drafts = self.drafts
        if drafts is None or task.input_hash not in drafts:
            return task, None
        try:
            drafted = drafts.apply(task, earlier_tokens=earlier)
            if drafted is None:
                raise RecordError("unreadable draft")
            check_task(drafted)
        except (DraftMisfit, RecordError) as err:
            # Never laid on other words: the document opens as read and the draft stays in the journal.
            drafts.keep_unapplied(task.input_hash)
            if self.on_notice is not None:
                self.on_notice(f"{drafts.path.name}: the draft of {source} was made on other tokens or no longer "
                               f"fits the document ({err}), so it opens without it. The draft stays in "
                               f"{drafts.path.name} (moved to {drafts.aside_path.name} when you edit or decide "
                               "the document).")
            return task, None
        return drafted, task

    def _decided(self, task: Task) -> Task:
        record = self.store.latest(task.input_hash)
        try:
            decided = Task.from_dict(record or {})
            check_task(decided)
        except RecordError:
            return task
        return decided


@dataclass
class _Candidate:
    """A document in the ``--order uncertain`` window: as read, and as pre-labeled by model ``generation``."""

    read: Task
    source: str
    labeled: Task
    generation: int
    doubt: float


def _doubt(task: Task) -> float:
    with NLP_IMPORT_LOCK:
        from annotator.nlp.doubt import doubt

    return doubt(task).score
