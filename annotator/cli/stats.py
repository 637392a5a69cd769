"""``annotator stats``: how much is decided, and what, by whom."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from annotator.cli.app import app
from annotator.cli.terminal import terminal_console
from annotator.measure.stats import collect_stats, stats_tables


@app.command()
def stats(
    files: list[Path] = typer.Argument(..., help="JSONL files of decisions."),
    source: list[Path] = typer.Option([], "--source", help="The inputs that were annotated, to show decided / total."),
    by: str = typer.Option("annotator", "--by", help="Count per annotator or per session."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Count decisions, answers, spans by label and quotes by type, per annotator.

    Example: annotator stats annotations.jsonl --source seeds/
    """
    result = collect_stats(sources=files, source_inputs=source, group_by=by)
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=2))
        return
    console = terminal_console()
    for table in stats_tables(result):
        console.print(table)
