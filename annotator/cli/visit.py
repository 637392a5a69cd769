"""``annotator visit`` (hidden): what ``annotator serve`` runs for each browser visitor."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from annotator.cli.app import app
from annotator.cli.terminal import run_app


def visit_annotator(*, sources: list[str | Path], out_dir: str | Path, annotators: list[str] | None = None,
                    review: bool = False, model: str | None = None, labels: list[str] | None = None,
                    order: str = "file", suggestions: bool = True) -> None:
    """Run one visitor's app: a login screen, then annotate (or review) into the visitor's own file."""
    from annotator.cli.annotate import pipeline_without_suggestions
    from annotator.tui.app import create_visitor_app

    run_app(create_visitor_app(sources, out_dir, annotators=annotators, review=review, model=model, labels=labels,
                               order=order, load_model=None if suggestions else pipeline_without_suggestions))


@app.command(hidden=True)
def visit(
    sources: list[Path] = typer.Argument(...),
    out_dir: Path = typer.Option(..., "--out-dir"),
    annotators: Optional[str] = typer.Option(None, "--annotators"),
    review: bool = typer.Option(False, "--review"),
    model: Optional[str] = typer.Option(None, "--model"),
    labels: Optional[str] = typer.Option(None, "--labels"),
    order: str = typer.Option("file", "--order"),
    suggestions: bool = typer.Option(True, "--suggestions/--no-suggestions"),
) -> None:
    """One browser visitor's session (started by 'annotator serve')."""
    names = [name.strip() for name in annotators.split(",") if name.strip()] if annotators else None
    label_list = [label.strip() for label in labels.split(",") if label.strip()] if labels else None
    visit_annotator(sources=list(sources), out_dir=out_dir, annotators=names, review=review, model=model,
                    labels=label_list, order=order, suggestions=suggestions)
