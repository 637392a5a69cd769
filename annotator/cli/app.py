"""The typer application: global options and the translation of bad input into exit status 2."""

from __future__ import annotations

import getpass
import traceback
from typing import Any

import typer
from typer.core import TyperGroup

from annotator.core.errors import UserError
from annotator.core.records import RecordError
from annotator.core.terminal_text import printable

#: Errors caused by the user's input or environment: a message and exit status 2, not a traceback.
USER_ERRORS = (UserError, RecordError, OSError, UnicodeError)
EXIT_BAD_INPUT = 2


class AnnotatorGroup(TyperGroup):
    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except USER_ERRORS as err:
            if ctx.meta.get("annotator.debug"):
                traceback.print_exc()
            message = str(err)
            if isinstance(err, OSError) and err.filename and str(err.filename) not in message:
                message = f"{err.filename}: {message}"
            typer.echo(f"error: {printable(message)}", err=True)
            raise typer.Exit(EXIT_BAD_INPUT) from None


app = typer.Typer(
    cls=AnnotatorGroup,
    name="annotator",
    help="Build training data for quote attribution and named entities, in the terminal.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"annotator {version('annotator')}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show a traceback for errors in the input."),
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Build training data for quote attribution and named entities, in the terminal."""
    ctx.meta["annotator.debug"] = debug


def login_name() -> str:
    """Who is running the command, for decisions recorded without --annotator / --reviewer."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "anonymous"


#: ``annotator import FORMAT ...``: one subcommand per format, each in its own module.
import_app = typer.Typer(
    name="import",
    help="Bring annotations made with other tools into our records (brat, ...).",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(import_app, name="import")
