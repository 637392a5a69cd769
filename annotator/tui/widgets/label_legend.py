"""The legend of the number keys: which label each of 1…9 sets, in the label's colour."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from annotator.core.terminal_text import one_line
from annotator.tui.label_styles import badge_style


class LabelLegend(Widget):
    """One line: ``1 PERSON  2 ORG …`` plus a hint while a selection is being made."""

    DEFAULT_CSS = """
    LabelLegend {
        height: 1;
    }
    """

    def __init__(self, labels: list[str], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._labels = labels
        self._hint = ""

    def show_hint(self, hint: str) -> None:
        self._hint = hint
        self.refresh()

    def render(self) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        for number, label in enumerate(self._labels, start=1):
            line.append(f" {number}", style="bold")
            line.append(f" {one_line(label)} ", style=badge_style(label))
        if self._hint:
            line.append("   " + self._hint, style="bold #d7d75f")
        return line
