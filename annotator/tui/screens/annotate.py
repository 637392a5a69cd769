"""The annotate screen: documents from the sources, pre-labeled a few ahead of the annotator by a
worker, each decision written at once. Editing is ``DocumentScreen``'s (the editor widget, the
span edits and pickers it owns)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.message import Message

from annotator.core.sources import InputError
from annotator.core.records import Task
from annotator.tui.feed import NLP_IMPORT_LOCK, FeedItem, Prelabeler, TaskFeed
from annotator.tui.model_updates import POLL_SECONDS, DocumentRelabeled, ModelUpdates
from annotator.tui.screens.document_screen import DocumentScreen


#: Seconds from the first document to importing spaCy for the COREF of added speakers.
WARM_UP_DELAY = 2.0


@dataclass
class DocumentArrived(Message):
    item: FeedItem


@dataclass
class InputRejected(Message):
    message: str


@dataclass
class DraftNotApplied(Message):
    message: str


@dataclass
class ModelStatus(Message):
    state: str
    message: str


class AnnotateScreen(DocumentScreen):
    """Every key is in ``edit_bindings.EDIT_BINDINGS`` and ``DocumentEditor.BINDINGS`` (``?`` lists
    them with their ids, for ``App.set_keymap``)."""

    _warming = False
    #: with ``--learn``: the background updates (None otherwise)
    updates: ModelUpdates | None = None

    # (Textual calls every class's on_mount / on_unmount in the MRO, this one first: no super() call)
    def on_mount(self) -> None:
        if self.run.learning is not None:
            self.updates = ModelUpdates(self, self.run.learning)
            self._model = self.updates.label()
            self.set_interval(POLL_SECONDS, self.updates.poll)

    def on_unmount(self) -> None:
        if self.updates is not None:
            self.updates.stop()  # (a killed update leaves no model, only a hidden folder the next removes)

    @work(thread=True, exclusive=True, group="feed")
    def read_documents(self) -> None:
        """Read the sources (in ``--order``) and post each document as it becomes ready."""
        prelabeler = Prelabeler(self.run.model, self.run.load_model,
                                on_status=lambda state, message: self.post_message(ModelStatus(state, message)))
        feed = TaskFeed(
            self.run.sources, self.run.store, prelabeler, on_invalid=self._reject,
            read_ahead=self.flow.read_ahead, drafts=self.run.drafts, order=self.run.order,
            relabel=self.updates is not None,
            on_notice=lambda message: self.post_message(DraftNotApplied(message)),
        )
        if self.updates is not None:
            self.updates.prelabeler = prelabeler
        self.relay(feed, DocumentArrived)

    @work(thread=True, exclusive=True, group="coref")
    def prepare_coref(self) -> None:
        """Import spaCy for the COREF of added speakers now, so the first link does not wait for it."""
        with NLP_IMPORT_LOCK:
            from annotator.nlp.speaker_coref import warm_up

            warm_up()

    def _reject(self, error: InputError, raw: str) -> None:
        # Runs in the feed worker: set the line aside if asked to, and tell the annotator.
        if self.run.rejects is not None:
            self.run.rejects.add(error, raw)
            where = f"set aside in {self.run.rejects.path.name}"
        else:
            where = "skipped"
        self.post_message(InputRejected(f"{error} ({where})"))

    def on_document_arrived(self, message: DocumentArrived) -> None:
        self.flow.add_item(message.item)
        if not self._warming:
            # spaCy's import holds the interpreter for about a second: start it a while after the
            # first document is painted (right after it, the import's thread still slowed the paint).
            self._warming = True
            self.set_timer(WARM_UP_DELAY, self.prepare_coref)

    def on_input_rejected(self, message: InputRejected) -> None:
        self.notify(message.message, title="Bad input line", severity="warning", timeout=10, markup=False)

    def on_draft_not_applied(self, message: DraftNotApplied) -> None:
        self.notify(message.message, title="Draft", severity="warning", timeout=30, markup=False)

    def on_model_status(self, message: ModelStatus) -> None:
        self._model = message.message if self.updates is None else self.updates.label()
        if message.state == "error":
            self.notify(message.message, title="Model", severity="error", timeout=15, markup=False)
        self.show_progress()

    def show_model(self, label: str) -> None:
        self._model = label
        self.show_progress()

    def open_task(self, task: Task) -> None:
        if self.updates is not None:
            self.updates.opened.add(task.input_hash)
        super().open_task(task)

    def action_decide(self, answer: str) -> None:
        super().action_decide(answer)
        if self.updates is not None and answer == "accept":
            self.updates.accepted()

    def on_document_relabeled(self, message: DocumentRelabeled) -> None:
        if self.updates is not None:
            self.updates.replace(message)
