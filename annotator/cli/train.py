"""``annotator train``: learn a quote-attribution pre-labeler from accepted annotations and imported corpora."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Sequence

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from annotator.cli.app import app
from annotator.core.errors import UserError
from annotator.training.settings import (DESIGNS, PassCallback, ScorerRefit, StatusCallback, TrainingReport,
                                         TrainingSettings, TrainingStatus)


@app.command("train")
def train_command(
    annotations: list[str] = typer.Argument(..., help="Annotation files (newest accepted decision per "
                                            "document) and imported task files, e.g. from 'import brat'."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder to write the trained pipeline to."),
    base: str = typer.Option(None, "--base", help="spaCy pipeline to start from (default: en_core_web_sm)."),
    dev: float = typer.Option(0.1, "--dev", help="Share of the documents held out to pick the best model."),
    dev_file: Path = typer.Option(None, "--dev-file", help="Score on this file's documents instead."),
    max_minutes: float = typer.Option(45.0, "--max-minutes", min=0.0, help="Stop training after this long."),
    max_steps: int = typer.Option(20000, "--max-steps", min=1, help="Stop after this many updates."),
    eval_every: int = typer.Option(400, "--eval-every", min=1, help="Score on dev every N updates."),
    seed: int = typer.Option(0, "--seed", help="Seed for the dev split and the training order."),
    entities: bool = typer.Option(False, "--entities", help="Also fine-tune the base model's ner on the "
                                  "accepted entity spans (documents without any entity span are left out)."),
    design: str = typer.Option("ner", "--design", help="The span model: 'ner' (a tagger with its own tok2vec, "
                               "first in the pipeline), 'ner-shared' (the same tagger listening to the base "
                               "model's shared tok2vec, which stays frozen so the base tagger and parser do not "
                               "change: no second tok2vec to run; 0.90x the rules' speed against 0.79x, but on "
                               "PolNeAR its quotes scored dev attributed F1 0.45 against 0.58), 'spancat' (labels "
                               "the spans the parse proposes, listening to the base model's tok2vec) or 'frames' "
                               "(no span model: the rules and the cue frames the documents annotate, learned in "
                               "the time it takes to parse them)."),
    frames: bool = typer.Option(False, "--frames", help="With 'ner' or 'spancat': also learn cue frames on top "
                                "of the trained pipeline (their threshold chosen on dev)."),
    pretrain: list[Path] = typer.Option(None, "--pretrain", help="Raw texts (.txt, a folder, JSONL with a 'text' "
                                        "field; repeat the option for more) to pretrain the 'ner' design's tok2vec "
                                        "on first, as 'spacy pretrain' does with its characters objective."),
    pretrain_minutes: float = typer.Option(10.0, "--pretrain-minutes", min=0.0, help="Stop pretraining after this "
                                           "long (part of the training time, not of --max-minutes)."),
    force: bool = typer.Option(False, "--force", help="Replace OUTPUT if it already holds a pipeline."),
    team_scorer: bool = typer.Option(True, "--team-scorer/--no-team-scorer", help="Refit the suggestion scorer on "
                                     "the training documents and save it with the pipeline when it costs no dev keys."),
) -> None:
    """Train a pre-labeler: learned QUOTE/SPEAKER/CUE spans, linked and resolved by our rules.

    Example: annotator train annotations.jsonl polnear.jsonl -o model/ --max-minutes 30
    """
    counting = design == "frames"  # no steps: parsing and counting, then the choice on dev
    steps = [] if counting else [TextColumn("step {task.completed}/{task.total}")]
    with Progress(SpinnerColumn(), TextColumn("[bold]training"), BarColumn(), *steps,
                  TextColumn("{task.fields[status]}"), TimeElapsedColumn()) as progress:
        bar = progress.add_task("train", total=None if counting else max_steps,
                                status="counting cue frames, then choosing on dev" if counting else "reading")

        def show(status: TrainingStatus) -> None:
            text = f"loss {status.loss:.1f}"
            if status.best_step:
                text += f" · best dev attributed F1 {status.best:.3f} (step {status.best_step})"
            if status.dev is not None:
                text += f" · dev now {status.dev['attributed_f']:.3f}"
            progress.update(bar, completed=status.step, status=text)

        report = train_model(sources=annotations, output=output, base=base, dev_fraction=dev, dev_file=dev_file,
                             settings=TrainingSettings(max_minutes=max_minutes, max_steps=max_steps,
                                                       eval_every=eval_every, seed=seed, entities=entities,
                                                       design=design, frames=frames,
                                                       team_scorer=ScorerRefit() if team_scorer else None),
                             overwrite=force, on_status=show, pretrain_texts=pretrain or (),
                             pretrain_minutes=pretrain_minutes,
                             on_pretrain=lambda n, loss: progress.update(
                                 bar, status=f"pretraining: pass {n}, loss per word {loss:.2f}"))
    scores = report.dev_scores
    done = "cue frames counted" if counting else f"{report.steps} steps"
    best = "" if counting else f" (step {report.best_step})"
    typer.echo(f"{output}: {report.train_documents} training documents, {done} in "
               f"{report.minutes:.1f} min; dev attributed F1 {scores.get('attributed_f', 0):.3f}, "
               f"quote F1 {scores.get('quote_f', 0):.3f}{best}")
    if report.pretraining:
        done = report.pretraining
        typer.echo(f"pretrained on {done['texts']} texts ({done['words']} words): {done['passes']} passes in "
                   f"{done['minutes']} min, loss per word {done['first_loss_per_word']} → {done['last_loss_per_word']}")
    linking = report.linking
    if linking is not None:
        chosen = linking.scores[linking.name]
        rules = linking.scores.get("rules alone")
        versus = f" (rules alone {rules['attributed_f']:.3f})" if rules and linking.name != "rules alone" else ""
        typer.echo(f"linking chosen on dev: {linking.name}, attributed F1 {chosen['attributed_f']:.3f}{versus}; "
                   "every combination's dev scores are in the model's README.md")
    if report.team_scorer is not None:
        from annotator.training.team_scorer import describe

        typer.echo(describe(report.team_scorer))
    if report.frames:
        chosen = report.frames["dev_scores"][report.frames["chosen"]]
        typer.echo(f"cue frames chosen on dev: {report.frames['chosen']}, attributed F1 {chosen['attributed_f']:.3f}, "
                   f"{chosen['keys']:.1f} keys per document ({report.frames['positives']} of "
                   f"{report.frames['candidates']} training candidates annotated)")
    if report.entities:
        found = report.entities
        typer.echo(f"entities: dev F1 {found['base_f']:.3f} with the base ner, {found['best_f']:.3f} fine-tuned")


def train_model(*, sources: Sequence[str | Path], output: str | Path, base: str | None = None,
                dev_fraction: float = 0.1, dev_file: str | Path | None = None,
                settings: TrainingSettings | None = None, overwrite: bool = False,
                on_status: StatusCallback | None = None, pretrain_texts: Sequence[str | Path] = (),
                pretrain_minutes: float = 10.0, on_pretrain: PassCallback | None = None) -> TrainingReport:
    """Train on ``sources`` and save the best pipeline to ``output`` (its ``meta.json`` and README say
    what it learned from and how it scored); returns the figures ``annotator train`` prints.

    With ``pretrain_texts``, the tagger's tok2vec is first pretrained on their raw text
    (``training/pretrain.py``) for at most ``pretrain_minutes``."""
    from annotator.training.data import load_training_data
    from annotator.training.model_card import save_model, training_meta
    from annotator.training.trainer import train_pipeline

    output = Path(output)
    if output.exists() and (not output.is_dir() or any(output.iterdir())) and not overwrite:
        raise UserError(f"{output}: already exists and is not empty; choose another folder or pass --force")
    settings = settings or TrainingSettings()
    if settings.design not in DESIGNS:
        raise UserError(f"--design must be one of {', '.join(DESIGNS)}, not {settings.design!r}")
    if settings.frames and settings.design == "frames":
        raise UserError("--frames adds cue frames to the 'ner' or 'spancat' design; '--design frames' learns them alone")
    if pretrain_texts and settings.design != "ner":
        raise UserError("--pretrain starts the 'ner' design's own tok2vec; the 'ner-shared' and 'spancat' designs "
                        "listen to the base model's, which pretraining would change under its tagger and parser, "
                        "and the 'frames' design has none")
    data = load_training_data(sources=sources, dev_fraction=dev_fraction, dev_file=dev_file, seed=settings.seed)
    pretrained = None
    with tempfile.TemporaryDirectory(prefix="annotator-pretrain-") as folder:
        if pretrain_texts:
            from annotator.training.pretrain import pretrain, read_texts

            texts = read_texts(pretrain_texts)
            pretrained = pretrain(texts, base=base, max_minutes=pretrain_minutes, seed=settings.seed,
                                  on_pass=on_pretrain)
            settings = replace(settings, init_tok2vec=Path(folder) / "tok2vec.bin")
            settings.init_tok2vec.write_bytes(pretrained.weights)
        result = train_pipeline(data, base=base, settings=settings, on_status=on_status)
    meta = training_meta(data, result, base=base, seed=settings.seed, design=settings.design)
    if settings.team_scorer is not None:
        from annotator.training.team_scorer import META_KEY, choose_team_scorer

        meta[META_KEY] = choose_team_scorer(result.nlp, data.train, data.dev, base=base).to_dict()
    meta["pretraining"] = pretrained.to_dict() if pretrained is not None else None
    save_model(result, output, meta)
    return TrainingReport(output=output, train_documents=len(data.train), dev_documents=len(data.dev),
                          steps=result.steps, best_step=result.best_step, minutes=result.minutes,
                          design=settings.design, dev_scores=result.dev_scores, linking=result.linking,
                          entities=result.entities, pretraining=meta["pretraining"], frames=meta["frames"],
                          team_scorer=meta.get("team_scorer"))
