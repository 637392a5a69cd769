"""What the commands print: every string passes the one terminal-safe rule, and none is read as markup.

Record fields (labels, annotator and session ids, file names, error excerpts) reach the terminal
only through ``terminal_console`` or ``echo``, so a record cannot set the title, clear the screen,
write the clipboard or style itself with Rich markup.
"""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console
from rich.text import Text

from annotator.core.terminal_text import printable


class TerminalConsole(Console):
    """A Rich console that renders every plain string as terminal-safe text, never as markup or emoji."""

    def render_str(self, text: str, **options: Any) -> Text:
        options.update(markup=False, emoji=False)
        return super().render_str(printable(text), **options)


def terminal_console(**options: Any) -> Console:
    """The console the commands print tables with (Rich styles kept, strings from files made safe)."""
    return TerminalConsole(markup=False, emoji=False, **options)


def run_app(app: Any) -> None:
    """Run a Textual app to its end. One that ended on a hang-up or a signal (``tui/hangup_driver``)
    exits with the status it gave, 128 + the signal; one Textual stopped on an error, with 1."""
    app.run()
    if app.return_code:
        raise typer.Exit(app.return_code)


def echo(message: str, *, err: bool = False) -> None:
    """``typer.echo`` for text that may hold record fields or file names."""
    typer.echo(printable(message), err=err)
