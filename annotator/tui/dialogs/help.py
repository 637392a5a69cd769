"""The help screen, generated from the bindings in force (never written by hand)."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def help_rows(screen: Screen, declared: Iterable[Binding]) -> list[tuple[str, str, str]]:
    """The rows of the help screen: every binding in ``declared`` that has an id, in that order,
    with its keys as they are in force: read from the screen's public ``active_bindings`` (the
    keymap applied), or, for a binding that is off just now (enter and escape outside a
    selection), from the keymap the app runs with."""
    app = screen.app
    active: dict[str, list[str]] = {}
    for _, item in ((key, found.binding) for key, found in screen.active_bindings.items()):
        if item.id is not None:
            active.setdefault(item.id, []).append(app.get_key_display(item))
    keymap = getattr(app, "keymap", {}) or {}
    out, seen = [], set()
    for binding in declared:
        if binding.id is None or binding.id in seen:
            continue
        seen.add(binding.id)
        if binding.id.startswith("label_"):
            # The nine label keys read as one row: "1 … 9".
            if binding.id == "label_1":
                out.append(("1 … 9", "Set the focused span's label (see the legend); with a "
                            "selection, make a span with that label", "label_1 … label_9"))
            continue
        keys = active.get(binding.id) or [app.get_key_display(replace(binding, key=key.strip()))
                                          for key in keymap.get(binding.id, binding.key).split(",")]
        out.append((" / ".join(keys), binding.tooltip or binding.description, binding.id))
    return out


def bindings_table(rows: list[tuple[str, str, str]]) -> Table:
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold", expand=False)
    table.add_column("keys", style="bold #ffd75f", no_wrap=True)
    table.add_column("does", ratio=1)
    table.add_column("id (for a keymap)", style="dim", no_wrap=False, max_width=22)
    for keys, description, binding_id in rows:
        table.add_row(Text(keys), Text(description), Text(binding_id))
    return table


class HelpScreen(ModalScreen[None]):
    """Every key of the screen, its description and its binding id; any listed key closes it."""

    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close"),
        Binding("pagedown,space", "scroll('page_down')", "Page ↓", id="help.page_down"),
        Binding("pageup", "scroll('page_up')", "Page ↑", id="help.page_up"),
        Binding("down,j", "scroll('down')", "↓", id="help.down"),
        Binding("up,k", "scroll('up')", "↑", id="help.up"),
        Binding("home", "scroll('home')", "Top", id="help.home"),
        Binding("end", "scroll('end')", "End", id="help.end"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]], title: str = "Keys") -> None:
        super().__init__()
        self.rows = rows
        self.title_text = title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text(self.title_text + "   (PgUp/PgDn/↑/↓ scroll · escape or ? closes)", style="bold"),
                         id="help-title")
            yield Static(bindings_table(self.rows), id="help-table")

    def action_scroll(self, how: str) -> None:
        scroller = self.query_one("#help", VerticalScroll)
        getattr(scroller, f"scroll_{how}")(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
