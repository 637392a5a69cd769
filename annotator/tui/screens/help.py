"""The help screen, generated from the bindings of the annotate screen (never written by hand)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def help_rows(screen) -> list[tuple[str, str, str]]:
    """The rows of the help screen: every binding of ``screen`` with an id, keys as the keymap in
    force shows them, in declaration order (a base class's before a subclass's)."""
    rows: dict[str, tuple[list[str], str]] = {}
    bindings = screen._bindings.copy()
    keymap = getattr(screen.app, "keymap", None)
    if keymap:
        bindings.apply_keymap(keymap)
    for binding in bindings.key_to_bindings.values():
        for item in binding:
            if item.id is None:
                continue
            keys, _ = rows.setdefault(item.id, ([], item.tooltip or item.description))
            keys.append(screen.app.get_key_display(item))
    # Bindings in declaration order, a base class's before those a subclass adds.
    order = [b.id for cls in reversed(type(screen).__mro__) for b in cls.__dict__.get("BINDINGS", ())
             if isinstance(b, Binding)]
    out = []
    for binding_id in dict.fromkeys(order):
        if binding_id not in rows:
            continue
        if binding_id.startswith("label_"):
            # The nine label keys read as one row: "1 … 9".
            if binding_id == "label_1":
                out.append(("1 … 9", "Set the focused span's label (see the legend); with a "
                            "selection, make a span with that label", "label_1 … label_9"))
            continue
        out.append((" / ".join(rows[binding_id][0]), rows[binding_id][1], binding_id))
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
