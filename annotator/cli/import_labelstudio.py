"""``annotator import labelstudio``: Label Studio files as tasks to annotate or review."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import import_app
from annotator.cli.import_prodigy import import_summary
from annotator.core.output_paths import refuse_output_among_inputs


@import_app.command("labelstudio")
def import_labelstudio_command(
    files: list[Path] = typer.Argument(..., help="Label Studio export files."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL file of tasks to append to ('-': standard output)."),
) -> None:
    """Convert Label Studio spans and relations into tasks (tokens added; a span inside a word splits it).

    Example: annotator import labelstudio project-1.json -o tasks.jsonl
    """
    from annotator.export.importing import import_tasks

    refuse_output_among_inputs(output, files)
    report = import_tasks(format="labelstudio", sources=files, output=output)
    import_summary(output, report)
