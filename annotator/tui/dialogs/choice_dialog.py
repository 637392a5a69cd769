"""A modal list to pick one value from, with type-to-filter: review's versions and its question on
agreed documents. (The label, speaker, cue and entity pickers are drawn over the text by the
editor: ``choice_picker``.)"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from annotator.tui.choice_picker import Choice, filtered, numbered


class FilterInput(Input):
    """The filter box; it leaves digits to the dialog, which chooses the row with that number."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        if character is not None and character.isdigit():
            return False
        return super().check_consume_key(key, character)


class ChoiceDialog(ModalScreen[str | None]):
    """Dismisses with the chosen value, or None on escape."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("down", "move(1)", "Down", show=False, id="dialog.down"),
        Binding("up", "move(-1)", "Up", show=False, id="dialog.up"),
        # Digits choose the rows they are shown on (before the filter sees them).
        *[Binding(str(n), f"choose_row({n - 1})", f"Row {n}", show=False, priority=True, id=f"dialog.row_{n}")
          for n in range(1, 10)],
    ]

    def __init__(self, title: str, choices: list[Choice], *, filterable: bool = True,
                 highlight: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.filterable = filterable
        self.initial = highlight
        self._shown: list[Choice] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.title_text, style="bold"), id="dialog-title")
            yield FilterInput(placeholder="1–9 or enter chooses, type to filter, escape cancels", id="dialog-filter",
                        classes="" if self.filterable else "hidden")
            yield OptionList(id="dialog-options")

    def on_mount(self) -> None:
        self._refilter("")
        if self.initial is not None:
            for index, choice in enumerate(self._shown):
                if choice.value == self.initial:
                    self.query_one(OptionList).highlighted = index
        if self.filterable:
            self.query_one(Input).focus()
        else:
            self.query_one(OptionList).focus()

    def _refilter(self, needle: str) -> None:
        self._shown = filtered(self.choices, needle)
        options = self.query_one(OptionList)
        options.set_options([Option(numbered(n, c.prompt)) for n, c in enumerate(self._shown)])
        if self._shown:
            options.highlighted = 0

    @on(Input.Changed, "#dialog-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._refilter(event.value)

    @on(Input.Submitted, "#dialog-filter")
    def _filter_submitted(self) -> None:
        self._choose(self.query_one(OptionList).highlighted)

    @on(OptionList.OptionSelected, "#dialog-options")
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self._shown):
            self.dismiss(self._shown[index].value)

    def action_choose_row(self, index: int) -> None:
        self._choose(index)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
