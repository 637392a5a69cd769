"""Documents arriving, moving between them and deciding them: each decision is written to the store
at once, then the screen moves on to the next undecided document (or says what it is waiting for)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.records import RecordError, Span
from annotator.tui.feed import FeedItem, ReadAhead

if TYPE_CHECKING:
    from annotator.tui.screens.document_screen import DocumentScreen


class DocumentFlow:
    """Which document is open and which one the annotator is waiting for; the screen owns one."""

    def __init__(self, screen: DocumentScreen) -> None:
        self.screen = screen
        self.read_ahead = ReadAhead()
        #: the document asked for and not read yet: (first index, undecided ones only), or None
        self.target: tuple[int, bool] | None = (0, True)
        self.feed_done = False
        #: how many documents the sources hold, about (None until counted)
        self.estimate: int | None = None
        self.counting = False
        self._ranks: dict[int, int] = {}
        self._next_rank = 0

    @property
    def session(self):
        return self.screen.session

    def add_item(self, item: FeedItem) -> int:
        """Add a document the reader found to the session; open it if the annotator is waiting."""
        index = self.session.add_document(item.task, source=item.source, answer=item.answer,
                                          baseline=item.baseline)
        if item.baseline is not None and not self.session.documents[index].dirty:
            # A draft equal to what is on disk (a crash between writing a decision and clearing
            # its draft): nothing to keep.
            self.screen.save_draft(index)
        if item.rank is not None:
            self._ranks[index] = item.rank
            self._next_rank = item.rank + 1
        if self.target is not None:
            self.settle()
        else:
            self.screen.show_progress()
        return index

    def finished(self, error: str | None) -> None:
        self.feed_done = True
        if error:
            self.screen.notify(error, title="Input", severity="error", timeout=15, markup=False)
        if self.target is not None:
            self.settle()
        self.screen.show_progress()

    def seek(self, start: int, undecided_only: bool) -> None:
        self.target = (start, undecided_only)
        self.settle()

    def settle(self) -> None:
        """Open the document the annotator asked for, or say what it is waiting for."""
        assert self.target is not None
        start, undecided_only = self.target
        documents = self.session.documents
        for index in range(start, len(documents)):
            if not undecided_only or not documents[index].decided:
                self.target = None
                self.open_document(index)
                return
        if undecided_only and self.feed_done:
            # Every document has been read: go back to one skipped earlier (n past it, or p).
            earlier = next((i for i in range(min(start, len(documents))) if not documents[i].decided), None)
            if earlier is not None:
                self.target = None
                self.open_document(earlier)
                self.screen.status(f"back to document {earlier + 1}, the first one still undecided")
                return
        self.session.index = len(documents)
        self.read_ahead.reach(self._next_rank)
        view = self.screen.editor
        if self.feed_done:
            done = self.session.decided_count
            view.show_message(f"No more documents: {done} of {len(documents)} decided.\n\n"
                              "p goes back to the last document, q quits.")
        else:
            view.show_message("Waiting for the next document (reading and pre-labeling)…")
        self.screen.show_spans()

    def open_document(self, index: int, focus: Span | None = None) -> None:
        """Show document ``index`` of the session, optionally with a span focused."""
        document = self.session.go_to(index)
        if self.estimate is None and not self.counting:
            # Counting reads every input byte: start it after the first document is on screen.
            self.counting = True
            self.screen.set_timer(1.0, self.screen.count_documents)
        if index in self._ranks:
            self.read_ahead.reach(self._ranks[index])
        self.screen.open_task(document.task)
        if focus in document.task.spans:
            self.screen.editor.focus_span(focus)

    def next_document(self) -> None:
        if self.session.current is None and self.target is not None:
            self.screen.notify("Still reading; the next document is on its way.", markup=False)
            return
        self.seek(self.session.index + 1, undecided_only=False)

    def previous_document(self) -> None:
        if self.session.index <= 0:
            self.screen.notify("This is the first document.", markup=False)
            return
        self.seek(min(self.session.index, len(self.session.documents)) - 1, undecided_only=False)

    def decide(self, answer: str) -> None:
        screen, document = self.screen, self.session.current
        if document is None:
            screen.notify("No document is open.", severity="warning", markup=False)
            return
        try:
            screen.run.store.append_decision(screen.decision(document, answer))
        except (RecordError, OSError) as err:
            screen.notify(f"Not saved: {err}", title="Store", severity="error", timeout=20, markup=False)
            return
        self.session.decide(answer)
        screen.save_draft()  # the decision is on disk: its draft is no longer needed
        screen.status(f"{answer}ed document {self.session.index + 1}" if answer != "ignore"
                      else f"ignored document {self.session.index + 1}")
        self.seek(self.session.index + 1, undecided_only=True)
