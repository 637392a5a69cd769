"""The legend of the number keys: which label each of 1…9 sets, in the label's colour, then the
other labels the document uses (DATE, CARDINAL…: set with ``e``)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from annotator.core.terminal_text import one_line
from annotator.tui.label_styles import badge_style
from annotator.tui.widgets.label_row import short_label


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
        self._others: list[str] = []
        #: how many suggestions the document offers, and the style the text draws them in
        self._suggested: tuple[int, Style] = (0, Style())

    def show_hint(self, hint: str) -> None:
        if hint != self._hint:
            self._hint = hint
            self.refresh()

    def show_others(self, labels: list[str]) -> None:
        """Labels in the document that have no number key."""
        others = [label for label in labels if label not in self._labels]
        if others != self._others:
            self._others = others
            self.refresh()

    def show_suggested(self, count: int, style: Style) -> None:
        """Name the suggestion style (and ``>``, the key that reaches one) while any is offered."""
        if (count, style) != self._suggested:
            self._suggested = (count, style)
            self.refresh()

    def render(self) -> Text:
        line = self._line(short=False)
        if line.cell_len > self.size.width and self._suggested[0]:
            line = self._line(short=False, brief=True)  # "> sug? 3" before the labels get shorter
        if line.cell_len > self.size.width:
            # A narrow terminal: the short names (PER, SPK, cue) the label rows use, closer
            # together, so the other labels after "e:" stay readable; a hint goes alone.
            line = self._line(short=True)
        return line

    def _line(self, *, short: bool, brief: bool = False) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        if short and self._hint:
            line.append(" " + self._hint, style="bold #d7d75f")
            return line
        def badge(label: str) -> None:
            if short:
                line.append(" ")
                line.append(one_line(short_label(label)), style=badge_style(label))
            else:
                line.append(f" {one_line(label)} ", style=badge_style(label))

        for number, label in enumerate(self._labels, start=1):
            line.append(f" {number}", style="bold")
            badge(label)
        # Short, the suggestions' entry goes before the other labels: what > reaches matters more
        # than a label's name, and the end of the line is what a narrow terminal cuts.
        for part in (("suggested", "others") if short else ("others", "suggested")):
            if part == "others" and self._others and not self._hint:
                line.append("  e:" if not short else " e:", style="bold")
                for label in self._others:
                    if not short:
                        line.append(" ")
                    badge(label)
            if part == "suggested" and self._suggested[0] and not self._hint:
                line.append("  >" if not short else " >", style="bold")
                line.append(" ")
                line.append("sug?" if short else f"{'sug?' if brief else 'suggested'} {self._suggested[0]}",
                            style=self._suggested[1])
        if self._hint:
            line.append("   " + self._hint, style="bold #d7d75f")
        return line
