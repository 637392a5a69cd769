"""``annotator validate``: check files against the schemas and the record invariants."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import app
from annotator.cli.terminal import echo
from annotator.core.validation import validate_files


@app.command()
def validate(
    files: list[Path] = typer.Argument(..., help="JSONL files of tasks or annotations ('-' for standard input)."),
) -> None:
    """Check every line of FILES against the schemas and invariants; exit 1 if any line is bad.

    Example: annotator validate annotations.jsonl
    """
    reports = validate_files(files)
    bad = 0
    for report in reports:
        for problem in report.problems:
            echo(str(problem), err=True)
        bad += len({p.line for p in report.problems})
        status = "ok" if report.ok else f"{len({p.line for p in report.problems})} bad line(s)"
        echo(f"{report.path}: {report.records} record(s), {status}", err=True)
    if bad:
        raise typer.Exit(1)
