"""``annotator review``: adjudicate several annotators' decisions in the terminal, writing gold records."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from annotator.cli.app import app, login_name
from annotator.cli.terminal import echo, run_app
from annotator.core.adjudication import REVIEWED_ANSWERS
from annotator.core.errors import UserError
from annotator.core.output_paths import refuse_output_among_inputs


def review_decisions(*, sources: list[str | Path], output: str | Path, reviewer: str,
                     keymap: str | Path | None = None) -> None:
    """Open the review screen on the newest decision per input per annotator in SOURCES, appending
    gold records to OUTPUT (documents already there count as reviewed)."""
    from annotator.core.decisions import index_decisions

    refuse_output_among_inputs(output, sources)
    # Pass one reads every line before the screen opens, so bad input is an error with its
    # file and line (exit status 2), not a notice in the middle of a review.
    decisions = index_decisions(sources, answers=REVIEWED_ANSWERS, group_by="annotator",
                                on_notice=lambda notice: echo(f"warning: {notice}", err=True))
    if not decisions.decisions_per_input:
        raise UserError("there is nothing to review: the files hold no accepted or rejected decisions")
    # Textual is imported here, not at the top, so the other commands start fast.
    from annotator.tui.app import create_review_app
    from annotator.tui.keymap import read_keymap

    keys = read_keymap(keymap) if keymap else None
    run_app(create_review_app(decisions, output, reviewer=reviewer, keymap=keys))


@app.command()
def review(
    sources: list[Path] = typer.Argument(..., help="Annotation files written by 'annotator annotate'."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL file the gold records are appended to."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Your name, recorded as the gold "
                                           "records' _annotator_id (default: your login name)."),
    keymap: Optional[Path] = typer.Option(None, "--keymap", help="JSON file of binding id → keys, e.g. "
                                          '{"accept": "y"}; the help screen (?) lists the ids.'),
) -> None:
    """Adjudicate: accept what annotators agree on in bulk, resolve where they differ.

    Example: annotator review maria.jsonl ivan.jsonl -o gold.jsonl --reviewer lena
    """
    review_decisions(sources=list(sources), output=output, reviewer=reviewer or login_name(), keymap=keymap)
