"""``annotator import FORMAT``: bring annotations made with other tools into our records."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import EXIT_BAD_INPUT, app
from annotator.cli.terminal import echo
from annotator.formats import get_format, import_names

#: Warnings of one kind shown in full before the rest are only counted (all with --verbose).
SHOWN_PER_KIND = 3


def import_format(value: str) -> str:
    """``FORMAT``: a name the registry imports (read when the command runs)."""
    if value not in import_names():
        raise typer.BadParameter(f"{value!r}: choose from {', '.join(import_names())}")
    return value


@app.command("import")
def import_command(
    format: str = typer.Argument(..., callback=import_format, metavar="FORMAT",
                                 help="The tool that wrote the files: " + ", ".join(import_names()) + "."),
    sources: list[Path] = typer.Argument(..., help="Files the tool wrote (brat: folders, searched at every "
                                         "depth, or .ann files)."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL file to write (brat) or append to "
                                "(prodigy, doccano, labelstudio; '-': standard output)."),
    labels: str = typer.Option(None, "--labels", help="brat: TYPE=LABEL pairs laid over the defaults "
                               "Content=QUOTE,Source=SPEAKER,Cue=CUE,Discard=,Discuss= (TYPE= leaves a type out)."),
    annotator: str = typer.Option(None, "--annotator", help="brat: annotator of NAME.ann files without an "
                                  "_XXXX suffix or an annotators.json entry (default: brat)."),
    force: bool = typer.Option(False, "--force", help="brat: replace OUTPUT if it exists."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show every warning, not the first few of each kind."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on standard error "
                                  "(only when it is a terminal)."),
) -> None:
    """Convert another tool's files into our tasks and decisions.

    brat: each .txt/.ann pair is an accepted decision (gold for 'evaluate', input for 'export'); a
    text with several annotators (NAME_A1.ann, NAME_A2.ann) gives one decision per annotator; a
    file that cannot be read is reported as FILE:LINE and skipped, the others are written, and the
    exit status is 2. prodigy, doccano, labelstudio: every record is checked before anything is
    written; records already in OUTPUT are skipped, so an import can be run again.

    Example: annotator import brat PolNeAR/data/train -o polnear_train.jsonl
    """
    from annotator.cli.progress import RichProgress, progress_shown

    spec = get_format(format, exporting=False)
    assert spec.importer is not None
    options = spec.options.from_flags(format, {"labels": labels, "annotator": annotator})
    with RichProgress(progress_shown(progress)) as bars:
        report = spec.importer(sources=sources, output=output, options=options, force=force, progress=bars)
    shown: dict[str, int] = {}
    for warning in report.warnings:
        shown[warning.kind] = shown.get(warning.kind, 0) + 1
        if verbose or shown[warning.kind] <= SHOWN_PER_KIND:
            echo(f"warning: {warning}", err=True)
    for error in report.failed:
        echo(f"error: {error}", err=True)
    spans = ", ".join(f"{n} {label}" for label, n in sorted(report.spans.items())) or "no spans"
    relations = ", ".join(f"{n} {label}" for label, n in sorted(report.relations.items())) or "no relations"
    echo(f"{output}: {report.written} record(s) written ({report.decisions} decision(s): {spans}; {relations}), "
         f"{report.skipped} already there", err=True)
    for reason, count in sorted(report.left_out.items()):
        echo(f"  {count} record(s) left out: {reason}", err=True)
    for kind, count in sorted(report.warning_counts.items()):
        echo(f"  {count} warning(s): {kind}", err=True)
    if report.unpaired:
        echo(f"  {len(report.unpaired)} file(s) without annotations left out, e.g. {report.unpaired[0]}", err=True)
    if report.failed:
        echo(f"  {len(report.failed)} file(s) could not be imported (see the errors above)", err=True)
        raise typer.Exit(EXIT_BAD_INPUT)
