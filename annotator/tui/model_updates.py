"""``annotate --learn`` on the screen: an update starts after every N accepted documents (in its own
process), is polled between keys, and each model it keeps pre-labels the documents ahead that no one
has opened yet; the header names the model in use and its dev score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

from annotator.core.edit_history import Document
from annotator.core.records import Task

if TYPE_CHECKING:
    from annotator.tui.annotation_run import ModelLoop
    from annotator.tui.feed import Prelabeler
    from annotator.tui.screens.annotate import AnnotateScreen

#: Seconds between two looks at the running update (a ``waitpid`` that does not block).
POLL_SECONDS = 1.0


@dataclass
class DocumentRelabeled(Message):
    """A document ahead pre-labeled again by a newer model (``before``: the task it replaces)."""

    index: int
    before: Task
    after: Task


class ModelUpdates:
    """The screen's side of the learning loop; the screen owns one when the run learns."""

    def __init__(self, screen: AnnotateScreen, loop: ModelLoop) -> None:
        self.screen = screen
        self.loop = loop
        #: what pre-labels the documents the feed reads (set when the feed starts)
        self.prelabeler: Prelabeler | None = None
        #: input hashes of the documents shown on screen at least once: never pre-labeled again
        self.opened: set[int | None] = set()

    def label(self) -> str:
        """What the header says: the model in use, its dev score, and whether an update runs."""
        text = self.loop.in_use.describe()
        return text + " · updating…" if self.loop.running else text

    def accepted(self) -> None:
        count = sum(d.answer == "accept" for d in self.screen.session.documents)
        if self.loop.accepted(count):
            self.screen.status(f"updating the model on {count} accepted documents, in the background")
            self.screen.show_model(self.label())

    def poll(self) -> None:
        outcome = self.loop.poll()
        if outcome is None:
            return
        self.screen.status(outcome.describe())
        if outcome.error:
            self.screen.notify(outcome.describe(), title="Model", severity="warning", timeout=10, markup=False)
        if outcome.kept and self.prelabeler is not None:
            self.prelabeler.use_model(str(outcome.model.path))
            self.screen.run_worker(self._relabel_ahead, thread=True, exclusive=True, group="relabel")
        self.screen.show_model(self.label())

    def _relabel_ahead(self) -> None:
        """(worker) Pre-label again every document read ahead that no one has opened."""
        session, prelabeler = self.screen.session, self.prelabeler
        assert prelabeler is not None
        for index in range(max(session.index, 0) + 1, len(session.documents)):
            document = session.documents[index]
            if self._untouched(document):
                before = document.task
                self.screen.post_message(DocumentRelabeled(index, before, prelabeler.prelabel(before)))

    def _untouched(self, document: Document) -> bool:
        return not document.decided and not document.dirty and document.task.input_hash not in self.opened

    def replace(self, message: DocumentRelabeled) -> None:
        documents = self.screen.session.documents
        document = documents[message.index]
        if document.task is message.before and self._untouched(document) and message.index != self.screen.session.index:
            documents[message.index] = Document(message.after, document.source)

    def stop(self) -> Any:
        self.loop.stop()
