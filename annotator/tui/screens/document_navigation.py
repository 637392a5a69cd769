"""Moving between documents and deciding them: each decision is written to the store at once, then
the screen moves on to the next undecided document (or says what it is waiting for)."""

from __future__ import annotations

import time

from annotator.core.editing import Document
from annotator.core.records import Annotation, RecordError, Span
from annotator.tui.screens.session_screen import SessionScreen
from annotator.tui.widgets.document_view import DocumentView
from annotator.tui.widgets.span_list import SpanList


class DocumentNavigation(SessionScreen):
    """The actions behind a, x, space, n and p."""

    def _seek(self, start: int, undecided_only: bool) -> None:
        self._target = (start, undecided_only)
        self._settle()

    def _settle(self) -> None:
        """Open the document the annotator asked for, or say what it is waiting for."""
        assert self._target is not None
        start, undecided_only = self._target
        documents = self.session.documents
        for index in range(start, len(documents)):
            if not undecided_only or not documents[index].decided:
                self._target = None
                self.open_document(index)
                return
        if undecided_only and self._feed_done:
            # Every document has been read: go back to one skipped earlier (n past it, or p).
            earlier = next((i for i in range(min(start, len(documents))) if not documents[i].decided), None)
            if earlier is not None:
                self._target = None
                self.open_document(earlier)
                self._status(f"back to document {earlier + 1}, the first one still undecided")
                return
        self.session.index = len(documents)
        self.focused_span = None
        self._stop_selecting()
        self.read_ahead.reach(self._next_rank)
        view = self.query_one(DocumentView)
        if self._feed_done:
            done = self.session.decided_count
            view.show_message(f"No more documents: {done} of {len(documents)} decided.\n\n"
                              "p goes back to the last document, q quits.")
        else:
            view.show_message("Waiting for the next document (reading and pre-labeling)…")
        self.query_one(SpanList).show_spans([], [])
        self._show_progress()

    def open_document(self, index: int, focus: Span | None = None) -> None:
        """Show document ``index`` of the session, optionally with a span focused."""
        document = self.session.go_to(index)
        if self._estimate is None and not self._counting:
            # Counting reads every input byte: start it after the first document is on screen.
            self._counting = True
            self.set_timer(1.0, self.count_documents)
        if index in self._ranks:
            self.read_ahead.reach(self._ranks[index])
        self._stop_selecting()
        task = document.task
        self.focused_span = focus if focus in task.spans else None
        self.cursor = self.session.next_token(-1, 1) if task.tokens else 0
        if self.focused_span is not None:
            self.cursor = self.focused_span.token_start
        self.query_one(DocumentView).show_document(task.text, task.tokens, task.spans)
        self._show_spans()

    def action_next_document(self) -> None:
        if self.session.current is None and self._target is not None:
            self.notify("Still reading; the next document is on its way.", markup=False)
            return
        self._seek(self.session.index + 1, undecided_only=False)

    def action_previous_document(self) -> None:
        if self.session.index <= 0:
            self.notify("This is the first document.", markup=False)
            return
        self._seek(min(self.session.index, len(self.session.documents)) - 1, undecided_only=False)

    def action_decide(self, answer: str) -> None:
        document = self.session.current
        if document is None:
            self.notify("No document is open.", severity="warning", markup=False)
            return
        try:
            annotation = self.decision(document, answer)
            self.settings.store.append_decision(annotation)
        except (RecordError, OSError) as err:
            self.notify(f"Not saved: {err}", title="Store", severity="error", timeout=20, markup=False)
            return
        self.session.decide(answer)
        self._save_draft()  # the decision is on disk: its draft is no longer needed
        self._status(f"{answer}ed document {self.session.index + 1}" if answer != "ignore"
                     else f"ignored document {self.session.index + 1}")
        self._seek(self.session.index + 1, undecided_only=True)

    def decision(self, document: Document, answer: str) -> Annotation:
        """The record written for a decision (the review screen adds what it was reviewed from)."""
        return Annotation(document.task, answer, self.settings.annotator, self.settings.session_id,
                          int(time.time()))
