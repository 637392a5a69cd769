"""``annotator import doccano``: doccano files as tasks to annotate or review."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import import_app
from annotator.cli.import_prodigy import import_summary
from annotator.core.output_paths import refuse_output_among_inputs


@import_app.command("doccano")
def import_doccano_command(
    files: list[Path] = typer.Argument(..., help="doccano export files."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL file of tasks to append to ('-': standard output)."),
) -> None:
    """Convert doccano spans and relations into tasks (tokens added; a span inside a word splits it).

    Example: annotator import doccano export.jsonl -o tasks.jsonl
    """
    from annotator.export.importing import import_tasks

    refuse_output_among_inputs(output, files)
    report = import_tasks(format="doccano", sources=files, output=output)
    import_summary(output, report)
