"""The ``/`` prompt: one line at the bottom; enter dismisses with the text typed (empty: the last
search again), escape with None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input


class SearchPrompt(ModalScreen["str | None"]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="search.cancel")]

    def __init__(self, last: str) -> None:
        super().__init__()
        self.last = last

    def compose(self) -> ComposeResult:
        hint = f"search text or a label (enter: '{self.last}' again)" if self.last else \
            "search text, or a label such as PERSON; enter jumps, ; jumps again"
        yield Input(placeholder=hint, id="search-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value or self.last)

    def action_cancel(self) -> None:
        self.dismiss(None)
