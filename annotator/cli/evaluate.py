"""``annotator evaluate``: precision, recall and F1 of pre-labels against gold tasks."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from annotator.cli.app import app
from annotator.cli.progress import RichProgress, progress_shown
from annotator.cli.terminal import terminal_console
from annotator.measure.evaluation import Evaluation, evaluate
from annotator.core.progress import NoProgress, Progress
from annotator.core.sources import read_tasks


@app.command("evaluate")
def evaluate_command(
    gold: Path = typer.Argument(..., help="JSONL of gold tasks (optional quotes in meta.optional)."),
    predicted: Path = typer.Argument(..., help="JSONL of predicted tasks, e.g. from 'annotator prelabel'."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    by_kind: bool = typer.Option(False, "--by-kind", help="Also print quotes and attributed quotes per quote "
                                 "type (direct, indirect, mixed)."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on standard error "
                                  "(only when it is a terminal)."),
) -> None:
    """Score PREDICTED against GOLD: entities per label, quotes, attributed quotes.

    Example: annotator evaluate gold.jsonl tasks.jsonl --json
    """
    with RichProgress(progress_shown(progress)) as bars:
        result = evaluate_files(gold=gold, predicted=predicted, progress=bars)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2))
        return
    table = Table(title=f"{predicted} against {gold} ({result.documents} document(s))")
    for column in ("", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if not column else "right")
    for name, score in result.rows():
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      str(score.tp), str(score.fp), str(score.fn))
    console = terminal_console(width=100)
    console.print(table)
    if by_kind:
        console.print(kind_table(result))
    if result.missing:
        console.print(f"{result.missing} gold document(s) have no prediction and count as all missed.",
                      markup=False)


def evaluate_files(*, gold: str | Path, predicted: str | Path, progress: Progress = NoProgress()) -> Evaluation:
    """Read both files (the newest record per input in ``predicted``) and score them."""
    reading = progress.stage("Reading tasks")
    gold_tasks = [task for _raw, task in read_tasks([gold])]
    reading(len(gold_tasks))
    predicted_tasks = [task for _raw, task in read_tasks([predicted])]
    reading(len(predicted_tasks))
    return evaluate(gold_tasks, predicted_tasks, progress=progress.stage("Scoring", len(gold_tasks)))


def kind_table(result: Evaluation) -> Table:
    """Quotes and attributed quotes per type: recall over the gold's quotes of the type, precision
    over the prediction's (a quote found with another type counts as found)."""
    table = Table(title="per quote type (recall: gold of the type; precision: predicted of the type)")
    for column in ("", "precision", "recall", "F1", "gold", "found", "predicted", "right"):
        table.add_column(column, justify="left" if not column else "right")
    for name, score in result.kind_rows():
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}", str(score.gold),
                      str(score.gold_found), str(score.predicted), str(score.predicted_right))
    return table
