"""The documents of an annotation run and an undo/redo history that spans them: every edit is a
step from one (spans, relations) state of a document to the next, checked before it is kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import msgspec

from annotator.core.invariants import edit_keeps_sound, task_problems
from annotator.core.records import Relation, Span, Suggestion, Task
from annotator.core.span_queries import span_order

#: A document's spans, relations and the suggestions still on offer (taking or dropping one is an edit).
State = tuple[tuple[Span, ...], tuple[Relation, ...], tuple[Suggestion, ...]]


class EditError(ValueError):
    """An edit that would break the task or makes no sense here; the message says why."""


def state_of(task: Task) -> State:
    return tuple(task.spans), tuple(task.relations), tuple(task.suggestions)


def _share_span_objects(task: Task) -> None:
    """Let the task's relations hold the task's own span objects (a reader gives them equal copies):
    an edit and the draft journal then find a relation's spans by identity, instead of comparing
    every relation's spans field by field on every key (thousands in a long document)."""
    own = {span: span for span in task.spans}
    if any(own.get(r.head_span, r.head_span) is not r.head_span or own.get(r.child_span, r.child_span)
           is not r.child_span for r in task.relations):
        task.relations = [msgspec.structs.replace(r, head_span=own.get(r.head_span, r.head_span),
                                                  child_span=own.get(r.child_span, r.child_span))
                          for r in task.relations]


@dataclass
class Document:
    """One document of the session: the task as edited, the newest decision taken on it, and the
    state that needs no draft (as decided, or as it came from the source)."""

    task: Task
    source: str = ""
    answer: str | None = None
    baseline: State | None = None

    def __post_init__(self) -> None:
        if self.baseline is None:
            self.baseline = state_of(self.task)

    @property
    def decided(self) -> bool:
        return self.answer is not None

    @property
    def dirty(self) -> bool:
        """Edited since its decision (or, undecided, since it was read): a draft, not yet an answer."""
        return state_of(self.task) != self.baseline


@dataclass(frozen=True)
class Edit:
    """One step of the history: which document, what was done, and its spans before and after."""

    index: int
    description: str
    before: State
    after: State
    focus_before: Span | None
    focus_after: Span | None





@dataclass
class DocumentHistory:
    """The documents of one annotation run, the one being edited, and the edit history (the edits
    themselves are ``EditingSession``'s)."""

    documents: list[Document] = field(default_factory=list)
    index: int = -1
    _undo: list[Edit] = field(default_factory=list)
    _redo: list[Edit] = field(default_factory=list)
    #: documents whose current state was checked whole: each edit of them is checked by what it changes
    _sound: set[int] = field(default_factory=set)

    # -- documents -------------------------------------------------------------------------

    def add_document(self, task: Task, *, source: str = "", answer: str | None = None,
                     baseline: Task | None = None) -> int:
        """Add a document; ``baseline`` is the version that needs no draft when ``task`` is a draft.
        A draft's changes become the oldest step of the history, so ``u`` can take them back after
        a restart as it could before."""
        _share_span_objects(task)
        self.documents.append(Document(task, source, answer, state_of(baseline) if baseline else None))
        index = len(self.documents) - 1
        document = self.documents[index]
        if baseline is not None and document.dirty:
            focus = next(iter(set(task.spans) - set(baseline.spans)), None)
            self._undo.insert(0, Edit(index, "the changes kept as a draft from the last session",
                                      document.baseline, state_of(task), None, focus))
        return index

    @property
    def current(self) -> Document | None:
        return self.documents[self.index] if 0 <= self.index < len(self.documents) else None

    @property
    def task(self) -> Task:
        if self.current is None:
            raise EditError("no document is open")
        return self.current.task

    def go_to(self, index: int) -> Document:
        if not 0 <= index < len(self.documents):
            raise EditError(f"there is no document {index + 1}")
        self.index = index
        return self.documents[index]

    def decide(self, answer: str) -> Document:
        """Record the newest decision on the current document (the caller writes it out)."""
        document = self.current
        if document is None:
            raise EditError("no document is open")
        document.answer = answer
        document.baseline = state_of(document.task)
        return document

    @property
    def dirty_documents(self) -> list[Document]:
        return [d for d in self.documents if d.dirty]

    def first_undecided(self, start: int = 0) -> int | None:
        for index in range(max(start, 0), len(self.documents)):
            if not self.documents[index].decided:
                return index
        return None

    @property
    def decided_count(self) -> int:
        return sum(1 for d in self.documents if d.decided)

    # -- history ---------------------------------------------------------------------------

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def last_edit(self) -> Edit | None:
        return self._undo[-1] if self._undo else None
    def undo(self) -> Edit:
        """Undo the newest edit, opening its document if another one is on screen."""
        return self._move(self._undo, self._redo, "undo", lambda edit: edit.before)

    def forget_redo(self) -> None:
        """Drop the redo history (after an edit that could not be kept was undone)."""
        self._redo.clear()

    def redo(self) -> Edit:
        """Redo the newest undone edit, opening its document if another one is on screen."""
        return self._move(self._redo, self._undo, "redo", lambda edit: edit.after)

    def _move(self, source: list[Edit], target: list[Edit], verb: str, state: Callable[[Edit], State]) -> Edit:
        """Take the newest edit off ``source``, put its document in ``state(edit)`` and push the
        edit on ``target``: undo and redo are this move between the two stacks, in opposite ways."""
        if not source:
            raise EditError(f"nothing to {verb}")
        edit = source.pop()
        self._restore(edit.index, state(edit))
        target.append(edit)
        return edit

    def _restore(self, index: int, state: State) -> None:
        self.index = index
        task = self.documents[index].task
        task.spans = list(state[0])
        task.relations = list(state[1])
        task.suggestions = list(state[2])


    def _refusing_problems(self, before: Task, after: Task) -> list[str]:
        """The problems that refuse an edit: here, any broken invariant. A document is checked
        whole once; after that every state it reaches is checked, so an edit only needs what it
        changed checked (``edit_keeps_sound``); the whole check then says what is wrong."""
        if self.index not in self._sound:
            if task_problems(before):
                return task_problems(after)
            self._sound.add(self.index)
        return [] if edit_keeps_sound(before, after) else task_problems(after)

    def _candidate(self, spans: list[Span], relations: list[Relation],
                   suggestions: list[Suggestion] | None = None) -> Task:
        task = self.task
        return Task(text=task.text, tokens=task.tokens, spans=sorted(spans, key=span_order),
                    relations=relations, meta=task.meta, input_hash=task.input_hash,
                    suggestions=list(task.suggestions) if suggestions is None else suggestions)

    def _commit(self, description: str, spans: list[Span], relations: list[Relation],
                focus_before: Span | None, focus_after: Span | None,
                suggestions: list[Suggestion] | None = None) -> None:
        """Keep the new state (``suggestions`` None: the suggestions as they are) as one edit."""
        task = self.task
        candidate = self._candidate(spans, relations, suggestions)
        problems = self._refusing_problems(task, candidate)
        if problems:
            raise EditError(problems[0])
        edit = Edit(self.index, description, state_of(task), state_of(candidate), focus_before, focus_after)
        task.spans = candidate.spans
        task.relations = candidate.relations
        task.suggestions = candidate.suggestions
        self._undo.append(edit)
        self._redo.clear()
