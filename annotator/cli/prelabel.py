"""``annotator prelabel``: run the pre-labeler over inputs and append task records to a JSONL file."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import typer
from rich.console import Console
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
)

from annotator.cli.app import app
from annotator.cli.progress import progress_shown
from annotator.cli.terminal import echo
from annotator.core.errors import UserError
from annotator.core.output_paths import refuse_output_among_inputs, rejects_path
from annotator.core.sources import count_documents

if TYPE_CHECKING:  # the engines import spaCy's side of the package only when a run starts
    from annotator.nlp.engines import PrelabelReport

STDOUT = "-"


@app.command("prelabel")
def prelabel_command(
    inputs: list[str] = typer.Argument(..., help="Documents: .jsonl, .txt, folders of them, or '-'."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL file of tasks to append to (resumes); '-': "
                                "standard output, once all are done."),
    model: str = typer.Option(None, "--model", help="spaCy package name or pipeline folder."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per batch."),
    n_process: int = typer.Option(1, "--n-process", min=1,
                                  help="Worker processes (with --engine dask and no --scheduler: local workers)."),
    engine: str = typer.Option("local", "--engine", help="Where to run: local, or dask (OUT is then a folder)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://HOST:8786)."),
    partitions: int = typer.Option(None, "--partitions", min=1, help="Dask: part files to split the documents into."),
    skip_invalid: bool = typer.Option(False, "--skip-invalid",
                                      help="Set bad input lines aside in OUT.rejects.jsonl instead of stopping."),
    suggestions: bool = typer.Option(True, "--suggestions/--no-suggestions",
                                     help="Also write suggestions: attributions the pre-labels left out, kept "
                                          "apart from them; the surest become pre-labels (--no-suggestions: "
                                          "the rules' pre-labels alone)."),
) -> None:
    """Pre-label documents with entities, quotes, speakers and cues.

    Example: annotator prelabel seeds/ -o tasks.jsonl --n-process 2

    On a cluster: annotator prelabel corpus/ -o parts/ --engine dask --scheduler tcp://HOST:8786
    """
    if str(output) == STDOUT:
        if skip_invalid or engine != "local":
            raise UserError("-o -: --skip-invalid and --engine dask write files beside the output; give a file name")
        with tempfile.TemporaryDirectory(prefix="annotator-prelabel-") as folder:
            tasks = Path(folder) / "tasks.jsonl"
            prelabel_command(inputs=inputs, output=tasks, model=model, batch_size=batch_size, n_process=n_process,
                             engine=engine, scheduler=scheduler, partitions=partitions, skip_invalid=False,
                             suggestions=suggestions)
            with tasks.open("rb") as written:
                shutil.copyfileobj(written, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        return
    total = count_documents(inputs)
    with Progress(SpinnerColumn(), TextColumn("[bold]pre-labeling"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("docs"), TextColumn("{task.fields[rate]:.1f} docs/s"), TimeElapsedColumn(),
                  TimeRemainingColumn(), console=Console(stderr=True), transient=False,
                  disable=not progress_shown()) as progress:
        bar = progress.add_task("prelabel", total=total, rate=0.0)
        started = [time.perf_counter()]

        def advance(done: int) -> None:
            if done == 0:
                # Called once the model is loaded: the rate counts documents, not loading.
                started[0] = time.perf_counter()
                return
            elapsed = max(time.perf_counter() - started[0], 1e-9)
            progress.update(bar, completed=done, rate=done / elapsed)

        summary = prelabel_files(inputs=inputs, output=output, model=model, batch_size=batch_size,
                                 n_process=n_process, skip_invalid=skip_invalid, engine=engine,
                                 scheduler=scheduler, partitions=partitions, on_progress=advance,
                                 suggestions=suggestions)
        done = summary.written + summary.skipped + summary.rejected
        progress.update(bar, total=done if total is None else max(total, done), completed=done)
    parts = [f"{summary.written} written", f"{summary.skipped} already in {output}"]
    if summary.errors:
        parts.append(f"{summary.errors} with a component error (labelled in part; see meta.prelabel_errors)")
    if summary.rejected:
        parts.append(f"{summary.rejected} rejected (see {summary.rejects})")
    echo(f"{output}: " + ", ".join(parts), err=True)


def prelabel_files(*, inputs: list[str | Path], output: str | Path, model: str | None = None,
                   batch_size: int = 32, n_process: int = 1, skip_invalid: bool = False,
                   engine: str = "local", scheduler: str | None = None, partitions: int | None = None,
                   on_progress: Callable[[int], None] | None = None, suggestions: bool = True) -> PrelabelReport:
    """Pre-label every input not yet in ``output``; the report counts the documents written, skipped,
    rejected and those a component failed on (written all the same, with ``meta.prelabel_errors``).

    ``engine="local"`` appends to the file ``output``; ``engine="dask"`` writes part files into the
    folder ``output`` on the cluster at ``scheduler`` (a LocalCluster of ``n_process`` workers without one).
    Without ``suggestions`` the records have none (``annotator_suggestions`` stays disabled).
    """
    from annotator.nlp.engines import PrelabelJob, get_engine

    # The rejects file is an output too: reading it while appending to it would never end.
    refuse_output_among_inputs([output, rejects_path(output) if skip_invalid else None], inputs)
    job = PrelabelJob(inputs=list(inputs), output=Path(output), model=model, batch_size=batch_size,
                      n_process=n_process, skip_invalid=skip_invalid, scheduler=scheduler,
                      partitions=partitions, on_progress=on_progress, suggestions=suggestions,
                      on_notice=lambda notice: echo(f"warning: {notice}", err=True))
    return get_engine(engine)(job)
