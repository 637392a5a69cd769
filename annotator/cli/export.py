"""``annotator export``: write the newest accepted decisions as training data in one of several formats."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from annotator.cli.app import app
from annotator.cli.terminal import echo
from annotator.core.records import ANSWERS
from annotator.formats import export_names, get_format

Grouping = Enum("Grouping", {name: name for name in ("annotator", "session", "input")}, type=str)  # type: ignore[misc]


def _answers(value: str) -> str:
    names = [a.strip() for a in value.split(",") if a.strip()]
    bad = [a for a in names if a not in ANSWERS]
    if bad or not names:
        raise typer.BadParameter(f"{value!r}: a comma-separated list of {', '.join(ANSWERS)}")
    return value


def export_format(value: str) -> str:
    """``--format``: a name the registry exports (read when the command runs, not when it is defined)."""
    if value not in export_names():
        raise typer.BadParameter(f"{value!r}: choose from {', '.join(export_names())}")
    return value


@app.command()
def export(
    files: list[Path] = typer.Argument(..., help="JSONL files of decisions (what 'annotate' writes)."),
    format: str = typer.Option(..., "--format", "-f", callback=export_format,
                               metavar="[" + "|".join(export_names()) + "]", help="Output format."),
    output: Path = typer.Option(..., "--output", "-o", help="The file to write (for hf and brat, a folder); "
                                "with --split, the name the split files are made from."),
    split: str = typer.Option(None, "--split", metavar="TRAIN,DEV[,TEST]",
                              help="Fractions, e.g. 0.8,0.1,0.1; splits by document."),
    seed: int = typer.Option(0, "--seed", help="Seed for the --split shuffle."),
    answers: str = typer.Option("accept", "--answers", callback=_answers, metavar="[accept,reject,ignore]",
                                help="Comma-separated answers to export: any of accept, reject, ignore."),
    by: Grouping = typer.Option("annotator", "--by", help="Keep the newest decision per input per annotator, "
                                "per session, or per input."),
    layers: str = typer.Option(None, "--layers", metavar="[rel|ents|spans]",
                               help="prodigy: rel = every span with relations (rel.manual, the default), "
                               "ents = entity spans alone (ner.manual), spans = QUOTE/SPEAKER/CUE alone "
                               "(spans.manual)."),
    columns: str = typer.Option(None, "--columns", metavar="ner[,quote,speaker]",
                                help="conll: the tag columns after the token (default ner, CoNLL-2003's shape)."),
    labels: str = typer.Option(None, "--labels", help="hf, labelstudio: entity labels in the order their ids are "
                               "fixed, comma-separated, or a file (an earlier export's labels.json)."),
    config: Path = typer.Option(None, "--config", help="spacy: also write the training config here, its paths "
                                "set to the files written."),
    force: bool = typer.Option(False, "--force", help="Replace outputs that already exist (a folder only when "
                               "it holds nothing but an earlier export's files)."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on standard error "
                                  "(only when it is a terminal)."),
) -> None:
    """Export the newest decision per input (and per annotator) as training data.

    A format option another format takes (--layers with --format conll) is an error.

    Example: annotator export annotations.jsonl --format spacy -o corpus/quotes.spacy --split 0.8,0.1,0.1 --seed 1
    """
    # spaCy is imported here, not at the top, so the other commands start fast.
    from annotator.cli.progress import RichProgress, progress_shown
    from annotator.formats.exporting import Selection, Split, export_annotations

    spec = get_format(format, exporting=True)
    options = spec.options.from_flags(format, {"layers": layers, "columns": columns, "labels": labels,
                                               "config": config})
    with RichProgress(progress_shown(progress)) as bars:
        report = export_annotations(
            sources=files, format=format, output=output, options=options,
            split=Split.parse(split, seed) if split else None,
            selection=Selection(answers=tuple(a.strip() for a in answers.split(",") if a.strip()),
                                group_by=by.value),
            force=force, progress=bars, on_notice=lambda notice: echo(f"warning: {notice}", err=True),
        )
    echo(f"read {report.records_read} record(s); {report.decisions} decision(s) on "
         f"{report.documents} document(s) exported", err=True)
    for path, count in report.outputs.values():
        echo(f"  {path}: {count} decision(s)", err=True)
    for path in report.extra_files:
        echo(f"  {path}", err=True)
