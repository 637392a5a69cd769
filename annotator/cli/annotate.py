"""``annotator annotate``: confirm or fix pre-labeled quotes, speakers and entities in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from annotator.cli.app import app, login_name
from annotator.cli.terminal import run_app
from annotator.core.errors import UserError
from annotator.core.output_paths import refuse_output_among_inputs, rejects_path
from annotator.core.sources import STDIN, InputError


def annotate_documents(
    *,
    sources: list[str | Path],
    output: str | Path,
    annotator: str,
    model: str | None = None,
    labels: list[str] | None = None,
    skip_invalid: bool = False,
    keymap: str | Path | None = None,
    order: str = "file",
    learn: str | Path | None = None,
    learn_from: list[str | Path] | None = None,
    learn_every: int = 10,
    learn_minutes: float = 5.0,
    pretrain: list[str | Path] | None = None,
    pretrain_minutes: float = 10.0,
    suggestions: bool = True,
) -> None:
    """Open the annotator on SOURCES, appending every decision to OUTPUT (resumes where it stopped).
    With ``learn`` (a folder of numbered models) the pre-labeler is updated in the background after
    every ``learn_every`` accepted documents. Without ``suggestions`` the documents it pre-labels
    get none (documents that come with suggestions keep them)."""
    from annotator.tui.feed import ORDERS  # (no Textual in it)

    if order not in ORDERS:
        raise UserError(f"--order must be one of {', '.join(ORDERS)}, not {order!r}")
    _check_learning(learn, learn_from or [], learn_every, pretrain or [])
    _check_documents(sources, output, skip_invalid)
    # Textual is imported here, not at the top, so the other commands start fast.
    from annotator.tui.app import create_app
    from annotator.tui.keymap import read_keymap

    keys = read_keymap(keymap) if keymap else None
    learning = None
    if learn is not None:
        if Path(learn).exists() and not Path(learn).is_dir():
            raise UserError(f"--learn {learn}: not a folder (it holds the numbered models, 1, 2, …)")
        from annotator.training.learning_loop import LearningLoop

        learning = LearningLoop(decisions=Path(output), root=Path(learn), learn_from=[Path(p) for p in learn_from or []],
                                base=model, every=learn_every, minutes=learn_minutes,
                                pretrain=[Path(p) for p in pretrain or []], pretrain_minutes=pretrain_minutes)
    app_ = create_app(sources, output, annotator=annotator, model=model, labels=labels,
                      skip_invalid=skip_invalid, keymap=keys, order=order, learning=learning,
                      load_model=None if suggestions else pipeline_without_suggestions)
    try:
        run_app(app_)
    finally:
        if learning is not None:
            learning.close()



def pipeline_without_suggestions(model: str | None):
    """The pre-labeler of ``--no-suggestions``: the model with our components, suggestions off."""
    from annotator.nlp.pipeline import load_pipeline

    return load_pipeline(model, suggestions=False)


def _check_learning(learn: str | Path | None, learn_from: list[str | Path], learn_every: int,
                    pretrain: list[str | Path]) -> None:
    """The ``--learn`` options go together and name what exists."""
    if learn is None and learn_from:
        raise UserError("--learn-from adds documents to learn from: give --learn MODEL_DIR too")
    if learn_every < 1:
        raise UserError(f"--learn-every must be at least 1, got {learn_every}")
    if learn is None and pretrain:
        raise UserError("--pretrain starts the models --learn trains: give --learn MODEL_DIR too")
    for texts in pretrain:
        if not Path(texts).exists():
            raise InputError(str(texts), None, "no such file or folder (--pretrain takes raw texts)")
    for corpus in learn_from:
        if not Path(corpus).is_file():
            raise InputError(str(corpus), None, "no such file (--learn-from takes a JSONL of annotated documents)")


def _check_documents(sources: list[str | Path], output: str | Path, skip_invalid: bool) -> None:
    """The documents are files or folders that exist (not standard input: the keys come from the
    terminal), and no output is among them."""
    if STDIN in map(str, sources):
        raise UserError("annotate reads its keys from the terminal, so it cannot read documents from "
                        "standard input; save them to a file first")
    for source in sources:
        if not Path(source).exists():
            raise InputError(str(source), None, "no such file or folder")
    refuse_output_among_inputs([output, rejects_path(output) if skip_invalid else None], sources)

@app.command()
def annotate(
    sources: list[Path] = typer.Argument(..., help="JSONL files, .txt files or folders of them."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL file the decisions are appended to."),
    annotator: str = typer.Option(None, "--annotator", help="Your name, recorded with every decision "
                                  "(default: your login name)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline (package or folder) used "
                                        "to pre-label documents that come without spans."),
    labels: Optional[str] = typer.Option(None, "--labels", help="Entity labels, comma-separated, in the "
                                         "order of the keys 1-6 (e.g. PERSON,ORG,GPE); 7, 8, 9 are QUOTE, SPEAKER, "
                                         "CUE, and e picks any label."),
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Set bad input lines aside in "
                                      "OUT.rejects.jsonl (they are skipped and reported either way)."),
    keymap: Optional[Path] = typer.Option(None, "--keymap", help="JSON file of binding id → keys, e.g. "
                                          '{"accept": "y"}; the help screen (?) lists the ids.'),
    order: str = typer.Option("file", "--order", help="file: the sources' order; uncertain: from the next "
                              "10 documents, the one whose pre-labels and suggestions look least sure first."),
    learn: Optional[Path] = typer.Option(None, "--learn", help="Folder of models (1, 2, …): update the "
                                         "pre-labeler in the background from your accepted documents."),
    learn_from: list[Path] = typer.Option([], "--learn-from", help="Annotated documents (JSONL) to learn "
                                          "from as well, with --learn."),
    learn_every: int = typer.Option(10, "--learn-every", help="Accepted documents between two updates."),
    learn_minutes: float = typer.Option(5.0, "--learn-minutes", help="Minutes an update may train."),
    pretrain: list[Path] = typer.Option([], "--pretrain", help="Raw texts to pretrain the learned tagger's "
                                        "tok2vec on, with --learn: the first update does it, once for the folder."),
    pretrain_minutes: float = typer.Option(10.0, "--pretrain-minutes", min=0.0, help="Minutes --pretrain may take."),
    suggestions: bool = typer.Option(True, "--suggestions/--no-suggestions", help="Offer suggestions "
                                     "(attributions the pre-labeler is unsure of, > < + -) on the documents "
                                     "it pre-labels."),
) -> None:
    """Confirm or fix pre-labeled quotes, speakers and entities with the keyboard.

    Example: annotator annotate seeds/ -o annotations.jsonl --annotator maria
    """
    label_list = [label.strip() for label in labels.split(",") if label.strip()] if labels else None
    annotate_documents(sources=list(sources), output=output, annotator=annotator or login_name(),
                       model=model, labels=label_list, skip_invalid=skip_invalid, keymap=keymap, order=order,
                       learn=learn, learn_from=list(learn_from), learn_every=learn_every,
                       learn_minutes=learn_minutes, pretrain=list(pretrain), pretrain_minutes=pretrain_minutes,
                       suggestions=suggestions)
