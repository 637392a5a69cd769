"""``annotator agree``: how far annotators agree on the documents they share."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from annotator.cli.app import app
from annotator.cli.progress import RichProgress, progress_shown
from annotator.cli.terminal import terminal_console
from annotator.measure.agreement import LAYERS, Agreement, measure_agreement


@app.command()
def agree(
    files: list[Path] = typer.Argument(..., help="JSONL files of decisions by two or more annotators."),
    by: str = typer.Option("annotator", "--by", help="Compare annotators or sessions."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on standard error "
                                  "(only when it is a terminal)."),
) -> None:
    """Span P/R/F1 per label, Cohen's kappa per layer and speaker agreement, for each pair.

    Example: annotator agree alice.jsonl bob.jsonl
    """
    with RichProgress(progress_shown(progress)) as bars:
        result = measure_agreement(sources=files, group_by=by, progress=bars)
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=2))
        return
    console = terminal_console()
    if not result.pairs:
        console.print(f"No document was accepted by two {by}s; nothing to compare.")
        return
    for table in agreement_tables(result):
        console.print(table)


def agreement_tables(agreement: Agreement) -> list[Table]:
    """The tables ``annotator agree`` prints: spans per label for each pair, kappa per layer, attribution.

    Headers are stacked on two lines so the tables fit an 80-column terminal.
    """
    tables = []
    for pair in agreement.pairs:
        spans = Table(title=f"{pair.a} (A) vs {pair.b} (B): spans per label, B against A", pad_edge=False)
        spans.add_column("label")
        for column in ("A\nspans", "B\nspans", "exact\nP", "exact\nR", "exact\nF1",
                       "overlap\nP", "overlap\nR", "overlap\nF1"):
            spans.add_column(column, justify="right")
        for label, counts in sorted(pair.spans.items()) + [("ALL", pair.all_spans())]:
            exact, overlap = counts.exact.ratios(), counts.overlap.ratios()
            spans.add_row(label, str(counts.a), str(counts.b),
                          *(_number(exact[k]) for k in ("precision", "recall", "f1")),
                          *(_number(overlap[k]) for k in ("precision", "recall", "f1")))
        tables.append(spans)
    kappa = Table(title="Cohen's kappa on token labels, per layer")
    for column in ("A", "B", "docs", "tokens", *LAYERS):
        kappa.add_column(column, justify="left" if column in ("A", "B") else "right")
    said = Table(title="Who said each quote (quotes matched between A and B)")
    for column in ("A", "B", "matched\nquotes", "same\nspeaker", "agreement", "same\nquote type"):
        said.add_column(column, justify="left" if column in ("A", "B") else "right")
    for pair in agreement.pairs:
        kappa.add_row(pair.a, pair.b, str(pair.documents), str(sum(pair.tokens["entity"].values())),
                      *(_number(pair.kappa(layer)) for layer in LAYERS))
        share = pair.same_speaker / pair.quotes_matched if pair.quotes_matched else None
        said.add_row(pair.a, pair.b, str(pair.quotes_matched), str(pair.same_speaker), _number(share),
                     str(pair.same_quote_type))
    return [*tables, kappa, said]


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"
