"""The review panel: each annotator's version of the document (answer, span count, whether it is
what the screen shows) and the spans and relations only some of them have."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

from annotator.tui.display_text import excerpt
from annotator.core.terminal_text import one_line
from annotator.tui.label_styles import badge_style

_ANSWER_STYLES = {"accept": "#5fd75f", "reject": "#ff5f5f", "ignore": "#afafaf"}
_WHO = "italic #d787af"


@dataclass(frozen=True)
class VersionRow:
    annotator: str
    answer: str
    spans: int
    relations: int
    #: the document on screen has exactly this version's spans and relations
    shown: bool


@dataclass(frozen=True)
class DifferenceRow:
    """A span (``label`` and its text) or a relation (``label`` like ``said by``) some versions lack."""

    label: str
    text: str
    annotators: tuple[str, ...]
    is_span: bool = True


class VersionPanel(Widget):
    """Receives rows from the review screen and draws them; it holds no state of its own."""

    DEFAULT_CSS = """
    VersionPanel {
        height: auto;
        max-height: 16;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._versions: list[VersionRow] = []
        self._differences: list[DifferenceRow] = []
        self._agreed = False
        self._room = 9

    def show_versions(self, versions: list[VersionRow], differences: list[DifferenceRow], *,
                      agreed: bool) -> None:
        self._versions = versions
        self._differences = differences
        self._agreed = agreed
        self.refresh(layout=True)

    def render(self) -> Text:
        text = Text(no_wrap=True, end="")
        if not self._versions:
            return text
        text.append(f"Versions ({len(self._versions)})", style="bold underline")
        if self._agreed:
            text.append("  all agree", style="bold #5fd75f")
        elif len(self._versions) == 1:
            text.append("  one annotator", style="bold #d7af5f")
        else:
            text.append("  they differ", style="bold #ff8787")
        for number, version in enumerate(self._versions, start=1):
            text.append(f"\n{number:>3}. ", style="dim")
            text.append(excerpt(version.annotator, 10).ljust(10), style="bold")
            text.append(f" {version.answer:<6}", style=_ANSWER_STYLES.get(version.answer, ""))
            text.append(f" {version.spans:>3} spans {version.relations:>2} links", style="dim")
            if version.shown:
                text.append(" ◀", style="bold #87d7ff")
        if self._differences:
            text.append(f"\nOnly in some ({len(self._differences)})", style="bold underline")
            for row in self._differences[:self._room]:
                text.append("\n ")
                if row.is_span:
                    text.append(f" {one_line(row.label)} ", style=badge_style(row.label))
                else:
                    text.append(one_line(row.label), style="bold #ffd75f")
                text.append(" " + excerpt(row.text, 24))
                text.append("  " + one_line(", ".join(row.annotators)), style=_WHO)
            if len(self._differences) > self._room:
                text.append(f"\n  … {len(self._differences) - self._room} more", style="dim")
        return text
