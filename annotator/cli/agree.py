"""``annotator agree``: how far annotators agree on the documents they share."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from annotator.cli.app import app
from annotator.cli.terminal import terminal_console
from annotator.measure.agreement import agreement_tables, measure_agreement


@app.command()
def agree(
    files: list[Path] = typer.Argument(..., help="JSONL files of decisions by two or more annotators."),
    by: str = typer.Option("annotator", "--by", help="Compare annotators or sessions."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Span P/R/F1 per label, Cohen's kappa per layer and speaker agreement, for each pair.

    Example: annotator agree alice.jsonl bob.jsonl
    """
    result = measure_agreement(sources=files, group_by=by)
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=2))
        return
    console = terminal_console()
    if not result.pairs:
        console.print(f"No document was accepted by two {by}s; nothing to compare.")
        return
    for table in agreement_tables(result):
        console.print(table)
