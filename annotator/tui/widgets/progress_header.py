"""The header: progress (decided / total, as far as it is known), the document's id and source,
its newest decision, the model's state, and the last thing that happened."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

from annotator.tui.display_text import excerpt

_ANSWER_STYLES = {"accept": "bold #5fd75f", "reject": "bold #ff5f5f", "ignore": "bold #afafaf"}


@dataclass(frozen=True)
class Progress:
    decided: int
    total: int | None
    exact: bool
    position: int | None
    doc_id: str
    source: str
    answer: str | None
    model: str
    #: edited since its decision (or since it was read): kept as a draft until decided
    changed: bool = False


class ProgressHeader(Widget):
    """Two lines: where the annotator is, and what just happened."""

    DEFAULT_CSS = """
    ProgressHeader {
        height: 2;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._progress: Progress | None = None
        self._status = Text()

    def show_progress(self, progress: Progress) -> None:
        self._progress = progress
        self.refresh()

    def show_status(self, message: str, style: str = "") -> None:
        self._status = Text(excerpt(message, 200), style=style or "italic")
        self.refresh()

    def render(self) -> Text:
        line = Text(" annotator ", style="bold reverse")
        progress = self._progress
        if progress is not None:
            total = "?" if progress.total is None else f"{progress.total:,}"
            if not progress.exact and progress.total is not None:
                total = "≤" + total
            line.append(f"  {progress.decided:,} / {total} decided", style="bold")
            if progress.position is not None:
                line.append(f"  ·  doc {progress.position + 1:,}", style="")
                # What is on disk for this document first: a long source path must not hide it.
                if progress.answer and progress.changed:
                    # The saved decision no longer matches the screen: say so until it is decided again.
                    line.append(f"  [{_past(progress.answer)}, changed since: draft, decide again]",
                                style="bold reverse #ffaf5f")
                elif progress.answer:
                    line.append(f"  [{_past(progress.answer)}]", style=_ANSWER_STYLES.get(progress.answer, ""))
                elif progress.changed:
                    line.append("  [draft, undecided]", style="bold #ffaf5f")
                if progress.doc_id and progress.doc_id not in progress.source:
                    line.append(f"  {excerpt(progress.doc_id, 24)}", style="bold #87d7ff")
                line.append(f"  {excerpt(progress.source, 50)}", style="dim")
            if progress.model:
                line.append(f"  ·  {excerpt(progress.model, 40)}", style="dim italic")
        line.append("\n")
        line.append(" ")
        line.append_text(self._status)
        return line


def _past(answer: str) -> str:
    return "ignored" if answer == "ignore" else f"{answer}ed"
