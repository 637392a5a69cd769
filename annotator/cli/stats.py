"""``annotator stats``: how much is decided, and what, by whom."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import typer
from rich.table import Table

from annotator.cli.app import app
from annotator.cli.progress import RichProgress, progress_shown
from annotator.cli.terminal import terminal_console
from annotator.core.records import ANSWERS, QUOTE_TYPES
from annotator.core.sources import STDIN
from annotator.measure.stats import Stats, collect_stats


@contextmanager
def stdin_saved(files: list[Path]) -> Iterator[list[Path]]:
    """The files, with ``-`` replaced by a temporary copy of standard input: the decisions are read
    twice (find the newest, then count them), and a pipe can be read only once."""
    if not any(str(f) == STDIN for f in files):
        yield files
        return
    with tempfile.TemporaryDirectory(prefix="annotator-stdin-") as folder:
        copy = Path(folder) / "stdin.jsonl"
        with copy.open("wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out)
        yield [copy if str(f) == STDIN else f for f in files]


@app.command()
def stats(
    files: list[Path] = typer.Argument(..., help="JSONL files of decisions ('-': standard input)."),
    source: list[Path] = typer.Option([], "--source", help="The inputs that were annotated, to show decided / total."),
    by: str = typer.Option("annotator", "--by", help="Count per annotator or per session."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on standard error "
                                  "(only when it is a terminal)."),
) -> None:
    """Count decisions, answers, spans by label and quotes by type, per annotator.

    Example: annotator stats annotations.jsonl --source seeds/
    """
    with stdin_saved(files) as readable, RichProgress(progress_shown(progress)) as bars:
        result = collect_stats(sources=readable, source_inputs=source, group_by=by, progress=bars)
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=2))
        return
    console = terminal_console()
    for table in stats_tables(result):
        console.print(table)


def stats_tables(stats: Stats) -> list[Table]:
    """The tables ``annotator stats`` prints."""
    overview = Table(title="Decisions", show_header=False)
    overview.add_column("what")
    overview.add_column("count", justify="right")
    if stats.total_inputs is not None:
        share = f" ({stats.decided_inputs / stats.total_inputs:.0%})" if stats.total_inputs else ""
        overview.add_row("decided / total inputs", f"{stats.decided_inputs} / {stats.total_inputs}{share}")
    overview.add_row("records read", str(stats.records_read))
    overview.add_row("decisions (newest per input per annotator)", str(stats.decisions))
    overview.add_row("documents with a decision", str(stats.documents))
    for answer in ANSWERS:
        overview.add_row(f"  {answer}", str(stats.answers.get(answer, 0)))

    spans = Table(title="Spans in accepted decisions")
    spans.add_column("label")
    spans.add_column("spans", justify="right")
    for label, count in sorted(stats.spans.items()):
        spans.add_row(label, str(count))
    for label, count in sorted(stats.relations.items()):
        spans.add_row(f"relation {label}", str(count))

    quotes = Table(title="Quotes by type")
    quotes.add_column("type")
    quotes.add_column("quotes", justify="right")
    for quote_type in QUOTE_TYPES:
        quotes.add_row(quote_type, str(stats.quote_types.get(quote_type, 0)))

    people = Table(title="Per annotator")
    for column in ("annotator", "decisions", *ANSWERS, "spans", "quotes"):
        people.add_column(column, justify="left" if column == "annotator" else "right")
    for name, person in sorted(stats.annotators.items()):
        people.add_row(name, str(person.decisions), *(str(person.answers.get(a, 0)) for a in ANSWERS),
                       str(person.spans), str(person.quotes))
    return [overview, spans, quotes, people]
