"""``annotator export``: write the newest accepted decisions as spaCy, Prodigy, CoNLL or Hugging Face data."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.app import app
from annotator.cli.terminal import echo
from annotator.export import FORMATS


@app.command()
def export(
    files: list[Path] = typer.Argument(..., help="JSONL files of decisions (what 'annotate' writes)."),
    format: str = typer.Option(..., "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    output: Path = typer.Option(..., "--output", "-o", help="The file to write; with --split, the name the split files are made from."),
    split: str = typer.Option(None, "--split", help="Train,dev[,test] fractions, e.g. 0.8,0.1,0.1; splits by document."),
    seed: int = typer.Option(0, "--seed", help="Seed for the --split shuffle."),
    answers: str = typer.Option("accept", "--answers", help="Comma-separated answers to export (accept, reject, ignore)."),
    by: str = typer.Option("annotator", "--by", help="Keep the newest decision per input per annotator, session or input."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on standard error."),
) -> None:
    """Export the newest decision per input (and per annotator) as training data.

    Example: annotator export annotations.jsonl --format spacy -o corpus/quotes.spacy --split 0.8,0.1,0.1 --seed 1
    """
    # spaCy is imported here, not at the top, so the other commands start fast.
    from annotator.export.exporting import export_annotations

    report = export_annotations(
        sources=files, format=format, output=output, split=split, seed=seed,
        answers=tuple(a.strip() for a in answers.split(",") if a.strip()), group_by=by,
        show_progress=progress,
    )
    echo(f"read {report.records_read} record(s); {report.decisions} decision(s) on "
               f"{report.documents} document(s) exported")
    for name, (path, count) in report.outputs.items():
        echo(f"  {path}: {count} decision(s)")
    if report.labels_file:
        echo(f"  {report.labels_file}: tag names")
