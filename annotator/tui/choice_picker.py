"""A list to choose one row from, drawn over the document by the editor (as the jump tags are):
type to filter, a digit or enter chooses, the arrows move, escape cancels. The speaker, cue, entity
and label pickers use it; ``Choice`` rows are shared with review's modal ``ChoiceDialog``."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text


@dataclass(frozen=True)
class Choice:
    """One row: the value returned, how it is shown, the plain text the filter matches, and where
    in the document it is (character offsets), when it is a span there."""

    value: str
    prompt: Text
    search: str
    where: tuple[int, int] | None = None


def filtered(choices: list[Choice], typed: str) -> list[Choice]:
    """The rows whose search text holds ``typed`` (case aside)."""
    needle = typed.strip().casefold()
    return [c for c in choices if needle in c.search.casefold()]


def numbered(index: int, prompt: Text) -> Text:
    """A row with its digit in front (the first nine rows shown; a digit chooses its row)."""
    return Text(f"{index + 1} " if index < 9 else "  ", style="bold") + prompt


@dataclass(frozen=True)
class PickerStyles:
    """How the box is painted (the editor reads them from its component classes in ``app.tcss``)."""

    box: Style = Style()
    row: Style = Style(reverse=True)


class ChoicePicker:
    """What the picker shows and what typing does: ``key`` takes each key and says when the pick
    is over, with the chosen value, or None (escape).

    Not a modal screen: a modal repaints the whole screen under it through its translucent
    background on every frame (about 250 ms of CPU per ``s`` on a long document); the editor holds
    one of these, draws ``lines()`` over the rows of the view it covers, and the footer shows
    ``prompt()``. No cursor blinks in it, so what it shows does not change while nobody types.
    """

    def __init__(self, title: str, choices: list[Choice], highlight: str | None = None) -> None:
        self.title = title
        self.choices = choices
        self.typed = ""
        self.shown = list(choices)
        #: the row enter chooses (an index into ``shown``)
        self.highlighted = next((i for i, c in enumerate(self.shown) if c.value == highlight), 0)

    @property
    def current(self) -> Choice | None:
        return self.shown[self.highlighted] if self.shown else None

    def prompt(self) -> Text:
        prompt = Text(" PICK ", style="bold reverse")
        prompt.append(" 1–9 or enter chooses · ↑ ↓ move · type to filter", style="bold")
        prompt.append("  · escape cancels", style="dim")
        return prompt

    def key(self, key: str, character: str | None) -> tuple[bool, str | None]:
        """Take one key: (True, value or None) when the pick is over, (False, None) otherwise."""
        if key == "escape":
            return True, None
        if key == "enter":
            return (True, self.current.value) if self.current is not None else (False, None)
        if character and character.isdigit():
            # The rows are numbered from 1; a digit with no row of its own does nothing.
            index = int(character) - 1
            return (True, self.shown[index].value) if 0 <= index < min(len(self.shown), 9) else (False, None)
        if key in ("down", "up") and self.shown:
            self.highlighted = (self.highlighted + (1 if key == "down" else -1)) % len(self.shown)
        elif key in ("backspace", "ctrl+h"):
            self._refilter(self.typed[:-1])
        elif character and character.isprintable():
            self._refilter(self.typed + character)
        return False, None

    def _refilter(self, typed: str) -> None:
        self.typed = typed
        self.shown = filtered(self.choices, typed)
        self.highlighted = 0

    def lines(self, width: int, height: int, styles: PickerStyles) -> list[Text]:
        """The box, ``width`` cells wide and at most ``height`` rows: a title on its top edge, the
        filter line, the rows (scrolled to keep the highlighted one shown), the count below."""
        inner = max(width - 4, 1)
        rows = max(min(len(self.shown), height - 3), 1)
        first = min(max(self.highlighted - rows + 1, 0), max(len(self.shown) - rows, 0))
        box = [_edge("╭", f" {self.title} ", "╮", width, styles.box)]
        filter_line = Text("type to filter: ", style=Style(dim=True))
        filter_line.append(self.typed)
        filter_line.append("▏", style=Style(bold=True))
        box.append(_framed(filter_line, inner, styles.box))
        for index in range(first, first + rows):
            if index >= len(self.shown):
                box.append(_framed(Text("(no row has that text: backspace)", style=Style(dim=True)), inner,
                                   styles.box))
                continue
            row = numbered(index, self.shown[index].prompt)
            box.append(_framed(row, inner, styles.box, styles.row if index == self.highlighted else None))
        hidden = len(self.shown) - (first + rows)
        count = f" {len(self.shown)} of {len(self.choices)}" + (f" · {hidden} more ↓ " if hidden > 0 else " ")
        box.append(_edge("╰", count, "╯", width, styles.box, label_right=True))
        return box


def _edge(left: str, label: str, corner: str, width: int, style: Style, *, label_right: bool = False) -> Text:
    """A top or bottom edge of the box with ``label`` on it (cut to fit)."""
    room = max(width - 4, 0)
    label = label if cell_len(label) <= room else label[: max(room - 1, 0)] + "…"
    fill = "─" * max(room - cell_len(label), 0)
    middle = fill + label if label_right else label + fill
    return Text(f"{left}─{middle}─{corner}"[:width], style=style, no_wrap=True, end="")


def _framed(content: Text, inner: int, style: Style, highlight: Style | None = None) -> Text:
    """``content`` between the box's sides, cut or padded to ``inner`` cells."""
    content = content.copy()
    content.no_wrap, content.end = True, ""
    content.truncate(inner, overflow="ellipsis", pad=True)
    if highlight is not None:
        content.stylize(highlight)
    line = Text("│ ", style=style, no_wrap=True, end="")
    line.append_text(content)
    line.append(" │", style=style)
    return line
