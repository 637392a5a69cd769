"""``annotator validate``: check files against the schemas and the record invariants."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import EXIT_BAD_INPUT, app
from annotator.cli.progress import RichProgress, progress_shown
from annotator.cli.terminal import echo
from annotator.core.validation import validate_files


@app.command()
def validate(
    files: list[Path] = typer.Argument(..., help="JSONL files of tasks or annotations ('-' for standard input)."),
    deep: bool = typer.Option(False, "--deep", help="Run the full check (JSON Schema validator and the readers' "
                              "code) on every line, and check between records: two texts under one "
                              "_input_hash, decisions replaced by the same annotator."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on standard error "
                                  "(only when it is a terminal)."),
) -> None:
    """Check every line of FILES against the schemas and invariants; exit status 2 if any line is bad.

    The report (one line per file) goes to standard output, each problem as FILE:LINE: reason to
    standard error.

    By default every line is read in full and every field and invariant checked, at about the
    speed of reading the file; a line that does not pass goes through the full check, which names
    each problem as FILE:LINE: reason. --deep runs the full check on every line (about ten times
    slower) and adds the checks between records. A bad line, like a file that cannot be read, is
    exit status 2 (bad input, as in every command); 0 means every line passed.

    Example: annotator validate annotations.jsonl
    """
    with RichProgress(progress_shown(progress)) as bars:
        if deep:
            # The checks between records run across all the files at once.
            bars.stage("Validating (deep)")
            reports = validate_files(files, deep=True)
        else:
            advance = bars.stage("Validating files", len(files))
            reports = []
            for file in files:
                reports += validate_files([file])
                advance(1)
    bad = 0
    for report in reports:
        for problem in report.problems:
            echo(str(problem), err=True)
        bad_lines = len({p.line for p in report.problems})
        bad += bad_lines
        status = "ok" if report.ok else f"{bad_lines} bad line(s)"
        if report.replaced_decisions:
            status += (f"; {report.replaced_decisions} decision(s) replaced by a later one from the same "
                       "annotator (the newest counts)")
        echo(f"{report.path}: {report.records} record(s), {status}")
    if bad:
        raise typer.Exit(EXIT_BAD_INPUT)
