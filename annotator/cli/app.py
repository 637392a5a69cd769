"""The typer application: global options and the translation of bad input into exit status 2."""

from __future__ import annotations

import getpass
import traceback
from typing import Any

import click
import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from annotator.core.errors import UserError
from annotator.core.records import RecordError
from annotator.core.terminal_text import printable

#: Errors caused by the user's input or environment: a message and exit status 2, not a traceback.
USER_ERRORS = (UserError, RecordError, OSError, UnicodeError)
EXIT_BAD_INPUT = 2


class PlainArgument(TyperArgument):
    """An argument as Click writes it: ``FILES...`` in the usage line, no Python type beside it.

    Typer 0.2x writes a required argument as ``{files}...`` and its type as ``<list[Path]>``."""

    def _usage_display_name(self) -> str:
        name = self.metavar or self.name.upper()
        return name if self.required else f"[{name}]"

    def display_type_rich(self, ctx: click.Context) -> str | None:
        return None


#: Click's names for the value types Typer shows as ``<str>``, ``<int>``.
_TYPE_NAMES = {"str": "TEXT", "int": "INTEGER", "float": "FLOAT", "bool": "BOOLEAN"}


class PlainOption(TyperOption):
    """An option as Click writes it: a flag shows no value, others ``PATH``, ``TEXT``, ``[a|b]``."""

    def display_type_rich(self, ctx: click.Context) -> str | None:
        if self.metavar is not None:
            return self.metavar
        if self.is_flag or self.count:
            return None
        label = self.display_type(ctx).strip("<>")
        if self.type_descriptor.is_choice:
            return f"[{label}]"
        return _TYPE_NAMES.get(label, label.upper())


def _plain_help_option(option: Any) -> Any:
    if type(option) is TyperOption:
        option.__class__ = PlainOption
    return option


class PlainCommand(TyperCommand):
    """A command whose ``--help`` option itself is written without a type."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _plain_help_option(super().get_help_option(ctx))


def plain_help(command: click.Command) -> None:
    """Give every parameter of ``command`` (and of its subcommands) Click's spelling in ``--help``:
    ``--force`` without ``<bool>``, ``FILES...`` instead of ``{files}...``, ``PATH`` not ``<path>``.

    Typer takes no parameter or command class per option, so the objects it built are given our
    subclasses here, once, for every command (the commands' own modules stay plain typer)."""
    for param in command.params:
        if type(param) is TyperArgument:
            param.__class__ = PlainArgument
            if param.metavar is None:
                param.metavar = param.name.upper() + ("..." if param.nargs != 1 else "")
        elif type(param) is TyperOption:
            param.__class__ = PlainOption
    if type(command) is TyperCommand:
        command.__class__ = PlainCommand
    for sub in getattr(command, "commands", {}).values():
        plain_help(sub)


class AnnotatorGroup(TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_help(self)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _plain_help_option(super().get_help_option(ctx))

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
