"""``annotator import prodigy``: records Prodigy wrote (``db-out``, any version) as our tasks and decisions."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import import_app
from annotator.cli.terminal import echo
from annotator.core.output_paths import refuse_output_among_inputs


def import_summary(output: Path, report) -> None:
    """What an import wrote, on standard error."""
    echo(f"{output}: {report.written} record(s) written ({report.decisions} decision(s)), "
         f"{report.skipped} already there", err=True)
    for reason, count in sorted(report.left_out.items()):
        echo(f"  {count} record(s) left out: {reason}", err=True)


@import_app.command("prodigy")
def import_prodigy_command(
    files: list[Path] = typer.Argument(..., help="JSONL files Prodigy wrote (prodigy db-out)."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL file to append to ('-': standard output)."),
) -> None:
    """Read Prodigy's records as they are: tokens without 'ws', binary spans without token offsets,
    textcat labels; a record with an 'answer' is a decision, its hashes kept.

    Example: annotator import prodigy ner_dataset.jsonl -o annotations.jsonl
    """
    from annotator.export.importing import import_tasks

    refuse_output_among_inputs(output, files)
    report = import_tasks(format="prodigy", sources=files, output=output)
    import_summary(output, report)
