"""One background update of the learned pre-labeler (issue 19's core): train from the decisions so far
into ``MODEL_ROOT/N``, and keep it only when it scores better than the model in use on a dev slice of
the decisions. A model folder appears only whole (written under a hidden name, then renamed), so
quitting, a crash or ``kill -9`` at any moment leaves the last good model in place.

    python -m annotator.training.updater DECISIONS.jsonl MODEL_ROOT [--learn-from CORPUS.jsonl] [--base NAME]
                                         [--report REPORT.json] [--no-suggestions] [--no-span-model]

First, the cheap part (``suggestion_update``): the decisions' frames counted into the rules' pipeline,
whose counts score the suggestions; published when its suggestions cost no more keys on the dev slice
than the pipeline in use (seconds to a few minutes: parsing, no training steps), so the documents ahead
get the team's rates before the span model is done. Then the span model:

The first model is kept only when its combination with the rules, chosen on the dev slice, is not the
rules alone (it beats them on dev F1, or saves keys at their F1), each later one only when it beats the
model in use on dev F1 (``worth_publishing``); and either only when that combination, scored on folds of
the training decisions against the rules, does not lose attributed F1 (``fold_check``). A model refused
for the pre-labels is still kept for its suggestions (the rules' pre-labels, its own quotes they leave
out as suggestions: ``suggestion_update.publish_model_suggestions``) when dev keys with suggestions fall
against the pipeline in use by more than their noise, at no loss of dev F1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from annotator.core.atomic import AtomicFile, fsync_folder
from annotator.core.errors import UserError
from annotator.core.records import Task
from annotator.training.fold_check import FOLDS, text_share
from annotator.training.linking import RULES_ALONE
from annotator.training.settings import ScorerRefit, TrainingSettings

#: Hidden folders an update writes into before renaming them to their number.
PARTIAL_PREFIX = ".partial-"


def numbered_models(root: Path) -> list[tuple[int, Path]]:
    """The complete models under ``root`` (folders named by their number), oldest first."""
    if not root.is_dir():
        return []
    found = [(int(p.name), p) for p in root.iterdir() if p.is_dir() and p.name.isdigit()]
    return sorted(found)


def latest_model(root: Path) -> Path | None:
    """The newest complete model under ``root``: the one the pre-labeler uses."""
    models = numbered_models(root)
    return models[-1][1] if models else None


def remove_partials(root: Path) -> list[Path]:
    """Remove what a killed update left half-written (never a numbered model)."""
    removed = []
    if root.is_dir():
        for path in root.iterdir():
            if path.name.startswith(PARTIAL_PREFIX):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def publish(root: Path, write: Callable[[Path], None]) -> Path:
    """Write a model with ``write(folder)`` under a hidden name, then rename it to the next number.

    The rename is the only step that makes it visible: if ``write`` fails or the process dies, no
    numbered folder changes, and the next update removes the leftover."""
    root.mkdir(parents=True, exist_ok=True)
    remove_partials(root)
    models = numbered_models(root)
    number = models[-1][0] + 1 if models else 1
    partial = root / f"{PARTIAL_PREFIX}{number}-{os.getpid()}"
    try:
        write(partial)
        _fsync_tree(partial)
        os.rename(partial, root / str(number))  # atomic; fails rather than replace an existing number
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    fsync_folder(root)
    return root / str(number)


def stable_dev_split(documents: Sequence[Task], fraction: float) -> tuple[list[Task], list[Task]]:
    """Train and dev documents, dev chosen by each document's text hash: a document stays in the dev
    slice as decisions accumulate, so successive models are scored on documents none of them saw."""
    dev = [t for t in documents if text_share(t) < fraction]
    train = [t for t in documents if text_share(t) >= fraction]
    if not dev and len(train) > 1:
        dev, train = [train[-1]], train[:-1]
    if not train or not dev:
        raise UserError(f"{len(documents)} accepted document(s) cannot be split into training and dev data yet")
    return train, dev


@dataclass
class UpdateResult:
    #: whether the new model was kept (it scored better than the one in use)
    kept: bool
    #: the model in use after the update (None: still the rules)
    model: Path | None
    #: dev attributed F1 of the new model, and of what was in use (the rules without a model)
    new_f: float
    current_f: float
    #: accepted documents trained on and scored on
    train_documents: int = 0
    dev_documents: int = 0
    #: why it was kept or not, in words
    reason: str = ""
    #: the combination scored against the rules on folds of the training decisions (``FoldVerdict.to_dict``;
    #: None when the dev slice already refused the model)
    folds: dict | None = None
    #: the counts update run first (``suggestion_update.SuggestionUpdate.to_dict``; None when not run)
    suggestions: dict | None = None

    def to_dict(self) -> dict[str, object]:
        return {"kept": self.kept, "model": str(self.model) if self.model is not None else None,
                "new_f": self.new_f, "current_f": self.current_f,
                "train_documents": self.train_documents, "dev_documents": self.dev_documents,
                "reason": self.reason, "folds": self.folds, "suggestions": self.suggestions}


def update_model(*, decisions: Path, root: Path, learn_from: Sequence[Path] = (), base: str | None = None,
                 settings: TrainingSettings | None = None, dev_fraction: float = 0.2,
                 on_training: Callable[[], None] | None = None, pretrain: Sequence[Path] = (),
                 pretrain_minutes: float = 10.0, folds: int = FOLDS,
                 on_fold: Callable[[int, int], None] | None = None, suggestions: bool = True,
                 span_model: bool = True, counts: bool = True) -> UpdateResult:
    """First (``suggestions``) count the decisions' frames into the rules' pipeline and publish it
    and refit the suggestion scorer on them (``settings.team_scorer``; without ``counts`` only that), and
    publish the pipeline when its suggestions cost no more keys on the dev slice (``suggestion_update``: seconds to minutes,
    no training steps, so the documents ahead get the team's rates before the span model is done).
    Then (``span_model``) train on every accepted decision (and ``learn_from``'s documents) and publish the model under
    ``root`` if it beats the one in use on the dev slice and its combination with the rules does not
    lose to them on ``folds`` folds of the training documents (``fold_check``; 0: no fold check). With
    ``pretrain`` (raw texts) the tagger starts from weights pretrained on them, once for the folder
    (``training/pretrain.py``)."""
    from annotator.training.data import TrainingData, read_documents

    remove_partials(root)
    documents, sources = read_documents([*learn_from, decisions])
    train, dev = stable_dev_split(documents, dev_fraction)
    data = TrainingData(train=train, dev=dev, sources=sources)
    settings = settings or TrainingSettings()
    counted = None
    if suggestions:
        from annotator.training.suggestion_update import update_suggestions

        counted = update_suggestions(data, root=root, base=base, settings=settings, counts=counts)
    if not span_model:
        if counted is None:
            raise UserError("an update with neither the suggestions' counts nor the span model does nothing")
        return UpdateResult(kept=counted.kept, model=counted.model, new_f=counted.new_f or 0.0,
                            current_f=counted.current_f or 0.0, train_documents=len(train), dev_documents=len(dev),
                            reason=counted.reason, suggestions=counted.to_dict())
    result = _update_span_model(data, root=root, base=base, settings=settings, on_training=on_training,
                                pretrain=pretrain, pretrain_minutes=pretrain_minutes, folds=folds, on_fold=on_fold)
    result.suggestions = counted.to_dict() if counted is not None else None
    if counted is not None and counted.kept and not result.kept:
        # the span model was refused, but the counts' pipeline is what the documents ahead get now
        result.kept, result.model = True, counted.model
        result.reason = f"{counted.reason}; span model not kept: {result.reason}"
    return result


def _update_span_model(data, *, root: Path, base: str | None, settings: TrainingSettings,
                       on_training: Callable[[], None] | None, pretrain: Sequence[Path], pretrain_minutes: float,
                       folds: int, on_fold: Callable[[int, int], None] | None) -> UpdateResult:
    """The span model's update: trained on ``data.train``, kept as ``update_model`` says."""
    from annotator.training.model_card import save_model, training_meta
    from annotator.training.trainer import train_pipeline

    train, dev = data.train, data.dev
    if pretrain:
        from annotator.training.pretrain import kept_weights

        settings = replace(settings, init_tok2vec=kept_weights(root, pretrain, base=base, max_minutes=pretrain_minutes,
                                                               seed=settings.seed))
    if on_training is not None:
        on_training()
    result = train_pipeline(data, base=base, settings=settings)
    assert result.linking is not None  # chosen on dev: never worse than the rules there
    new_f = result.linking.scores[result.linking.name]["attributed_f"]
    current = latest_model(root)
    current_f = score_model(current, dev) if current is not None else result.linking.scores[RULES_ALONE]["attributed_f"]
    sizes = {"train_documents": len(train), "dev_documents": len(dev)}
    from annotator.training.suggestion_update import is_counts_model, is_suggestions_model, read_design

    # (the rules, with the team's counts or a span model's suggestions: the pre-labels are the rules')
    first = current is None or is_counts_model(current) or is_suggestions_model(current)
    if not worth_publishing(result.linking.name, new_f, current_f, first=first):
        reason = ("the dev slice chose the rules alone" if result.linking.name == RULES_ALONE
                  else f"dev attributed F1 {new_f:.3f}, not better than {current_f:.3f}")
        from annotator.training.suggestion_update import publish_model_suggestions

        return publish_model_suggestions(data, result, root=root, current=current, base=base, seed=settings.seed,
                                         settings=settings,
                                         refused=UpdateResult(kept=False, model=current, new_f=new_f,
                                                              current_f=current_f, reason=reason, **sizes))
    verdict = None
    if folds:
        from annotator.training.fold_check import check_on_folds

        verdict = check_on_folds(train, dev, result.linking, steps=result.best_step, settings=settings, base=base,
                                 folds=folds, on_fold=on_fold)
        if not verdict.kept:
            return UpdateResult(kept=False, model=current, new_f=new_f, current_f=current_f,
                                reason=f"the folds refused it: {verdict.reason}", folds=verdict.to_dict(), **sizes)
    from annotator.training.team_scorer import META_KEY, attach_if_kept

    team = attach_if_kept(result.nlp, data, base=base, settings=settings)
    meta = training_meta(data, result, base=base, seed=settings.seed, design=read_design(result))
    meta[META_KEY] = team
    meta["pretrained_from"] = [str(p) for p in pretrain] or None
    meta["update"] = {"dev_attributed_f": new_f, "replaced_f": current_f, **sizes,
                      "folds": verdict.to_dict() if verdict is not None else None}
    published = publish(root, lambda folder: save_model(result, folder, meta))
    reason = f"dev attributed F1 {new_f:.3f} vs {current_f:.3f}" + (f"; {verdict.reason}" if verdict else "")
    return UpdateResult(kept=True, model=published, new_f=new_f, current_f=current_f, reason=reason,
                        folds=verdict.to_dict() if verdict is not None else None, **sizes)


def worth_publishing(chosen: str, new_f: float, current_f: float, *, first: bool) -> bool:
    """Whether an update's model replaces the one in use. The first one replaces the rules when the
    dev choice is not the rules alone: it beat them on dev F1, or saved the annotator keys at their
    F1 (``linking.choose``: a combination that only adds to the rules' quotes). A later one must
    beat the model in use on dev F1."""
    if first:
        return chosen != RULES_ALONE
    return new_f > current_f


def model_dev_score(folder: Path) -> float | None:
    """The dev attributed F1 a published model was kept with (None if its meta.json does not say)."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return float(meta["annotator"]["update"]["dev_attributed_f"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_report(path: Path, report: dict[str, object]) -> None:
    """Write the update's outcome whole (an atomic output), for the process that started it."""
    with AtomicFile(path) as out:
        out.write(json.dumps(report).encode("utf-8"))


def score_model(folder: Path, dev: Sequence[Task]) -> float:
    """Dev attributed F1 of a published model, as its saved config links."""
    from annotator.measure.evaluation import evaluate
    from annotator.nlp.pipeline import load_pipeline, prelabel

    return round(evaluate(dev, list(prelabel(load_pipeline(str(folder)), dev))).attributed.f1, 4)


def _fsync_tree(folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
    fsync_folder(folder)



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("decisions", type=Path)
    parser.add_argument("root", type=Path)
    parser.add_argument("--learn-from", type=Path, action="append", default=[])
    parser.add_argument("--base")
    parser.add_argument("--max-steps", type=int, default=20000)
    parser.add_argument("--max-minutes", type=float, default=45.0)
    parser.add_argument("--eval-every", type=int, default=400)
    parser.add_argument("--report", type=Path, help="write the outcome here as JSON (whole or not at all)")
    parser.add_argument("--pretrain", type=Path, action="append", default=[],
                        help="raw texts to pretrain the tagger's tok2vec on (once for ROOT)")
    parser.add_argument("--pretrain-minutes", type=float, default=10.0)
    parser.add_argument("--folds", type=int, default=FOLDS, help="folds of the training decisions a model's "
                        "choice is checked on against the rules before it is kept (0: the dev slice alone)")
    parser.add_argument("--no-suggestions", action="store_true", help="do not update the frame counts that score "
                        "the suggestions (by default they are counted and published first when they cost no keys)")
    parser.add_argument("--no-span-model", action="store_true", help="update only the suggestions' counts (no "
                        "training steps)")
    parser.add_argument("--no-counts", action="store_true", help="the suggestions' update refits the scorer only")
    parser.add_argument("--no-team-scorer", action="store_true", help="do not refit the suggestion scorer on the "
                        "decisions (the shipped weights score the suggestions)")
    args = parser.parse_args(argv)
    settings = TrainingSettings(max_steps=args.max_steps, max_minutes=args.max_minutes, eval_every=args.eval_every,
                                team_scorer=None if args.no_team_scorer else ScorerRefit())
    try:
        result = update_model(decisions=args.decisions, root=args.root, learn_from=args.learn_from, base=args.base,
                              settings=settings, on_training=lambda: print("training", flush=True),
                              pretrain=args.pretrain, pretrain_minutes=args.pretrain_minutes, folds=args.folds,
                              on_fold=lambda n, total: print(f"checking on fold {n} of {total}", flush=True),
                              suggestions=not args.no_suggestions, span_model=not args.no_span_model,
                              counts=not args.no_counts)
    except UserError as err:
        print(f"error: {err}", file=sys.stderr)
        if args.report is not None:
            write_report(args.report, {"error": str(err)})
        return 2
    verdict = "kept" if result.kept else "not kept: the model in use stays"
    print(f"{verdict}: {result.model} ({result.reason})", flush=True)
    if args.report is not None:
        write_report(args.report, result.to_dict())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
