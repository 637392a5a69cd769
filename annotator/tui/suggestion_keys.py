"""The suggestion keys: take the suggestion the cursor is on (``+``), drop it (``-``), and what the
status line and side panel say of it. Taking and dropping are edits of the session
(``core/suggestion_edits.py``), journalled and undone as every other edit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.records import CUE_REL, SAID_BY, Suggestion, Task
from annotator.tui.display_text import excerpt
from annotator.tui.span_editing import coref_guess

if TYPE_CHECKING:
    from annotator.tui.screens.document_screen import DocumentScreen


def describe_suggestion(task: Task, suggestion: Suggestion, quote_room: int = 80) -> str:
    """``suggested QUOTE “…” by Maria Lund (0.42) · cue “said”``: what the status line says; for
    another extent of a pre-labeled quote, ``another extent for QUOTE “…”: “…” (0.31) · + takes it``."""
    quote = suggestion.quote
    if suggestion.replaces is not None:
        return describe_extent(task, suggestion, quote_room)
    line = f"suggested QUOTE “{excerpt(task.span_text(quote), quote_room)}”"
    if quote.quote_type:
        line += f" ({quote.quote_type})"
    line += f" by {excerpt(task.span_text(suggestion.speaker), 30)}" if suggestion.speaker else " (no speaker)"
    if suggestion.score is not None:
        line += f" ({suggestion.score:.2f})"
    if suggestion.cue is not None:
        line += f" · cue “{excerpt(task.span_text(suggestion.cue), 30)}”"
    return line


def describe_extent(task: Task, suggestion: Suggestion, quote_room: int = 80) -> str:
    """What ``+`` does with another extent: the quote it replaces, the new extent, what is kept."""
    old, new = suggestion.replaces, suggestion.quote
    line = (f"another extent for QUOTE “{excerpt(task.span_text(old), 30)}”: “{excerpt(task.span_text(new), quote_room)}”"
            + (f" ({suggestion.score:.2f})" if suggestion.score is not None else ""))
    kept = [r.label for r in task.relations if r.head_span == old and r.label in (SAID_BY, CUE_REL)]
    return line + (" · + takes it, keeping its speaker and cue" if kept else " · + takes it")


class SuggestionKeys:
    """Take and drop; the screen owns one."""

    def __init__(self, screen: DocumentScreen) -> None:
        self.screen = screen

    def current(self) -> Suggestion | None:
        """The suggestion the cursor is on, or None after saying how to reach one."""
        screen, suggestion = self.screen, self.screen.editor.suggestion
        if screen.session.current is None or suggestion not in screen.session.task.suggestions:
            left = len(screen.session.task.suggestions) if screen.session.current is not None else 0
            screen.notify(f"Go to a suggestion first: > / < ({left} in this document)." if left else
                          "No suggestion in this document.", severity="warning", markup=False)
            return None
        return suggestion

    def take(self) -> None:
        suggestion = self.current()
        if suggestion is not None:
            self.screen.edits.edit(lambda: self.screen.session.take_suggestion(suggestion, coref_guess))

    def drop(self) -> None:
        suggestion = self.current()
        if suggestion is not None:
            self.screen.edits.edit(lambda: self.screen.session.drop_suggestion(suggestion))
