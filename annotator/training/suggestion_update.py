"""The cheap part of an ``annotate --learn`` update: the team's decisions counted into the frames'
counts (``training/frames.py``, no training steps), so the suggestions of the documents ahead are
scored by how often this team annotated such a candidate, and the suggestion scorer refitted on them
(``training/scorer_fit.py``: the shipped weights moved towards what this team takes). What the counting reads off a decision:
a suggestion the annotator took is a ``QUOTE`` in its ``spans`` (counted as annotated); one left alone
stays in its ``suggestions`` and overlaps no quote (counted as not annotated).

The pipeline it publishes is the rules with the counts (``annotator_frames``, disabled for the
pre-labels unless the frames' own dev choice keeps it; its counts feed the suggestions), with the
team's scorer, or the rules with the team's scorer, whichever costs least dev keys, kept only when it
saves keys beyond their noise at no loss of attributed F1 (``clear_gain``): keys to gold with
suggestions (``measure/keys.py``: every suggestion visited, right ones taken) on the dev slice of the
decisions, against the pipeline in use. (Kept on any fall, counts from 200 simulated decisions saved
0.3 dev keys and cost 0.005 attributed F1 and 1.4 keys without suggestions on unseen articles.) The scorer
alone (no counts) is refitted on every decision and checked by keys on folds of them instead
(``update_scorer_alone``): a dev slice of 10-40 documents cannot see a gain of a key per document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from annotator.core.records import Task
from annotator.training.data import TrainingData
from annotator.training.scorer_folds import clear_gain, mean_document_keys
from annotator.training.settings import SHARED_DESIGN, TrainingSettings

#: ``meta.json``'s ``annotator.update.kind`` of a pipeline an update of the counts published.
SUGGESTIONS_KIND = "suggestions"
#: ... and of a span model kept for its suggestions only (the pre-labels are the rules').
MODEL_SUGGESTIONS_KIND = "model suggestions"


@dataclass
class SuggestionUpdate:
    """The counts update's outcome: kept or not, dev keys per document with suggestions of the new
    pipeline and of the one in use, and why."""

    kept: bool
    model: Path | None
    new_keys: float | None
    current_keys: float | None
    decisions: int
    dev_documents: int
    reason: str
    #: dev attributed F1 of the new pipeline and of the one in use (None when nothing was scored)
    new_f: float | None = None
    current_f: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {"kept": self.kept, "model": str(self.model) if self.model is not None else None,
                "new_keys": self.new_keys, "current_keys": self.current_keys, "decisions": self.decisions,
                "dev_documents": self.dev_documents, "reason": self.reason, "new_f": self.new_f,
                "current_f": self.current_f}


def read_meta(folder: Path) -> dict:
    """The ``annotator`` part of a model folder's ``meta.json`` (empty when it has none)."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return meta.get("annotator") or {} if isinstance(meta, dict) else {}
    except (OSError, ValueError):
        return {}


def is_counts_model(folder: Path) -> bool:
    """Whether a published model is the rules with frame counts or a refitted scorer (what the cheap
    update published: the next one replaces it)."""
    meta = read_meta(folder)
    return meta.get("design") == "frames" or (meta.get("update") or {}).get("kind") == SUGGESTIONS_KIND


def is_suggestions_model(folder: Path) -> bool:
    """Whether a published model is a span model kept for its suggestions only (rules' pre-labels)."""
    return (read_meta(folder).get("update") or {}).get("kind") == MODEL_SUGGESTIONS_KIND


def bare(task: Task) -> Task:
    """The document as the pre-labeler sees it: the text, no annotations."""
    return Task(text=task.text, tokens=task.tokens, meta=task.meta, input_hash=task.input_hash)


def dev_keys(nlp, dev: Sequence[Task]) -> tuple[list[float], float]:
    """Keys to gold with the pipeline's suggestions of each document of ``dev``, and attributed F1."""
    from annotator.measure.evaluation import evaluate
    from annotator.measure.keys import document_keys
    from annotator.nlp.pipeline import prelabel

    predicted = list(prelabel(nlp, [bare(t) for t in dev]))
    keys = [float(document_keys(g, p)[1])
            for g, p in zip(dev, predicted, strict=True)]
    return keys, round(evaluate(list(dev), predicted).attributed.f1, 4)


def dev_figures(nlp, dev: Sequence[Task]) -> tuple[float, float]:
    """Mean keys per document to gold with the pipeline's suggestions, and attributed F1, on ``dev``."""
    keys, f = dev_keys(nlp, dev)
    return mean_document_keys(keys), f


def update_suggestions(data: TrainingData, *, root: Path, base: str | None = None,
                       settings: TrainingSettings | None = None, counts: bool = True) -> SuggestionUpdate:
    """Count ``data.train``'s frames into a rules pipeline (``counts``) and refit the suggestion scorer
    on it (``settings.team_scorer``, ``scorer_fit``), and publish under ``root`` the pipeline among
    those (the counts, the counts with the team's scorer, the rules with it) whose suggestions cost
    least keys on ``data.dev``, when it saves keys against the pipeline in use (``root``'s latest model,
    else the rules) beyond their noise, at no loss of dev F1 (``clear_gain``). A span model in use is
    left alone: its pipeline has no rule candidates."""
    from annotator.nlp.pipeline import load_pipeline
    from annotator.training.model_card import save_model, training_meta
    from annotator.training.team_scorer import META_KEY
    from annotator.training.updater import latest_model, publish

    sizes = {"decisions": len(data.train) + len(data.dev), "dev_documents": len(data.dev)}
    current = latest_model(root)
    if current is not None and not is_counts_model(current):
        return SuggestionUpdate(False, current, None, None, reason="a trained span model is in use: its "
                                "suggestions stay as they are", **sizes)
    settings = replace(settings or TrainingSettings(), design="frames")
    if not counts and settings.team_scorer is not None:
        return update_scorer_alone(data, root=root, base=base, settings=settings, current=current, sizes=sizes)
    current_each, current_f = dev_keys(load_pipeline(str(current) if current is not None else base), data.dev)
    current_keys = mean_document_keys(current_each)
    options = suggestion_options(data, base=base, settings=settings, counts=counts)
    if not options:
        return SuggestionUpdate(False, current, None, current_keys, reason=f"the scorer refitted on {len(data.train)} "
                                "decisions: its held-out slice kept the shipped weights (and no counts were asked "
                                "for)", current_f=current_f, **sizes)
    best = min(options, key=lambda o: o.keys)  # (the first of equals: the counts before the scorer)
    what = f"{best.name} from {sizes['decisions']} decisions"
    gain, se, clears = clear_gain(current_each, best.each)
    if best.keys > current_keys:
        return SuggestionUpdate(False, current, best.keys, current_keys, reason=f"{what}: dev keys {best.keys:.1f} "
                                f"per document, more than {current_keys:.1f}", new_f=best.f, current_f=current_f, **sizes)
    if not clears or best.f < current_f - 1e-9:
        return SuggestionUpdate(False, current, best.keys, current_keys, reason=f"{what}: dev keys {best.keys:.1f} "
                                f"per document vs {current_keys:.1f} (saves {gain:.2f} ± {se:.2f}, within its noise), "
                                f"F1 {best.f:.3f} vs {current_f:.3f}", new_f=best.f, current_f=current_f, **sizes)
    best.install()
    meta = training_meta(data, best.result, base=base, seed=settings.seed, design="frames" if best.counts else "rules")
    meta[META_KEY] = best.team
    meta["update"] = {"kind": SUGGESTIONS_KIND, "pipeline": best.name, "dev_attributed_f": best.f, "replaced_f": current_f,
                      "dev_keys": best.keys, "replaced_keys": current_keys, "train_documents": len(data.train),
                      "options": {o.name: o.keys for o in options}, **sizes, "folds": None}
    published = publish(root, lambda folder: save_model(best.result, folder, meta))
    return SuggestionUpdate(True, published, best.keys, current_keys, reason=f"{what}: dev keys {best.keys:.1f} "
                            f"per document vs {current_keys:.1f}", new_f=best.f, current_f=current_f, **sizes)


def update_scorer_alone(data: TrainingData, *, root: Path, base: str | None, settings: TrainingSettings,
                        current: Path | None, sizes: dict[str, int]) -> SuggestionUpdate:
    """The scorer alone (no counts): refitted on every decision, train and dev, at the strength chosen by
    keys on folds of them (``scorer_folds``), which is its check too: it is published only when a pull
    saved keys on the folds at no loss of attributed F1 (four folds of every decision see a gain that
    a dev slice of a few documents cannot). When the folds keep the shipped weights, the model in use stays."""
    from annotator.nlp.pipeline import load_pipeline
    from annotator.training.model_card import save_model, training_meta
    from annotator.training.scorer_fit import fit_team_scorer
    from annotator.training.scorer_folds import label
    from annotator.training.team_scorer import META_KEY, with_team_scorer
    from annotator.training.trainer import TrainingResult
    from annotator.training.updater import publish

    rules = load_pipeline(base)
    refit = settings.team_scorer
    fitted = fit_team_scorer([*data.train, *data.dev], nlp=rules, promotion=refit.promotion, intercepts=refit.intercepts,
                             prior_data=refit.prior_data, strengths=refit.strengths, keep=refit.keep)
    folds = fitted.chosen_by
    if folds is None:
        return SuggestionUpdate(False, current, None, None, reason=f"{fitted.documents} decisions with candidates: too "
                                "few to choose the scorer's strength on folds", **sizes)
    chosen = label(folds["strength"])
    new_keys, new_f, keys, f = folds["keys"][chosen], folds["attributed_f"][chosen], folds["keys"]["shipped"], \
        folds["attributed_f"]["shipped"]
    figures = (f"keys on {folds['folds']} folds of {folds['documents']} decisions {new_keys:.1f} per document vs "
               f"{keys:.1f} with the prior weights (the base pipeline's), attributed F1 {new_f:.3f} vs {f:.3f}") + promotion_text(fitted.promotion)
    if not fitted.moved:
        tried = ", ".join(f"{k} {v:.1f}" for k, v in folds["keys"].items())
        return SuggestionUpdate(False, current, None, keys, reason=f"the scorer refitted on {sizes['decisions']} "
                                f"decisions: the folds kept the prior weights (the base pipeline's) (keys per document: "
                                f"{tried}){promotion_text(fitted.promotion)}",
                                current_f=f, **sizes)
    result = TrainingResult(nlp=with_team_scorer(rules, fitted.table), steps=0, minutes=0.0, best_step=0, dev_scores={})
    meta = training_meta(data, result, base=base, seed=settings.seed, design="rules")
    meta[META_KEY] = {"kept": True, "reason": f"chosen by keys on folds of the decisions: {figures}",
                      "fit": fitted.to_dict()}
    meta["update"] = {"kind": SUGGESTIONS_KIND, "pipeline": "the team's scorer", "dev_attributed_f": new_f,
                      "replaced_f": f, "dev_keys": new_keys, "replaced_keys": keys, "train_documents": len(data.train),
                      "options": {"the team's scorer": new_keys}, **sizes, "folds": None,
                      "scorer_folds": folds}
    published = publish(root, lambda folder: save_model(result, folder, meta))
    return SuggestionUpdate(True, published, new_keys, keys, reason=f"the team's scorer from {sizes['decisions']} "
                            f"decisions (strength {chosen}): {figures}", new_f=new_f, current_f=f, **sizes)


def promotion_text(promotion: dict | None) -> str:
    """The promotion thresholds re-chosen on the folds, in words ('' when not tried)."""
    if not promotion:
        return ""
    tried = promotion["tried"]
    best = max((t for t in tried.values() if t.get("admissible")), key=lambda t: t["f"], default=None)
    if promotion["at"] is None:
        return (f"; promotion kept at {promotion['current']} (folds' F1 {tried['current']['f']:.3f}; best move "
                + (f"{best['f']:.3f}, within its noise or costing keys)" if best else "below a precision floor)"))
    chosen = next(t for t in tried.values() if t.get("at") == promotion["at"])
    return (f"; promotion moved to {promotion['at']} (folds' F1 {chosen['f']:.3f} vs {tried['current']['f']:.3f}, "
            f"SE {chosen['gain_se']:.4f})")


@dataclass
class SuggestionOption:
    """A pipeline the cheap update may publish, with its dev keys and F1; ``install`` gives its
    pipeline the scorer it was measured with (options share pipelines)."""

    name: str
    result: object
    #: the keys of each dev document
    each: tuple[float, ...]
    f: float
    counts: bool
    team: dict | None = None
    table: dict | None = None

    @classmethod
    def scored(cls, name: str, result, nlp, dev: Sequence[Task], **kwargs) -> "SuggestionOption":
        """The option with ``nlp``'s dev keys and dev F1."""
        each, f = dev_keys(nlp, dev)
        return cls(name, result, tuple(each), f, **kwargs)

    @property
    def keys(self) -> float:
        """Dev keys per document."""
        return mean_document_keys(self.each)

    def install(self) -> None:
        from annotator.training.team_scorer import with_team_scorer

        with_team_scorer(self.result.nlp, self.table)


def suggestion_options(data: TrainingData, *, base: str | None, settings: TrainingSettings,
                       counts: bool) -> list[SuggestionOption]:
    """The counts pipeline (``counts``), and with ``settings.team_scorer`` the scorer refitted on
    ``data.train`` in it and in the rules' pipeline, each scored on ``data.dev``."""
    from annotator.nlp.pipeline import load_pipeline
    from annotator.training.scorer_fit import fit_team_scorer
    from annotator.training.team_scorer import with_team_scorer
    from annotator.training.trainer import TrainingResult

    options = []
    counted = counts_pipeline(data, base=base, settings=settings) if counts else None
    if counted is not None:
        options.append(SuggestionOption.scored("counts", counted, counted.nlp, data.dev, counts=True))
    if settings.team_scorer is None:
        return options
    rules = load_pipeline(base)
    fitted = fit_team_scorer(data.train, nlp=rules)
    if not fitted.moved:
        return options
    team = {"kept": True, "reason": "chosen by the update's dev keys", "fit": fitted.to_dict()}
    if counted is not None:
        with_team_scorer(counted.nlp, fitted.table)
        options.append(SuggestionOption.scored("counts and the team's scorer", counted, counted.nlp, data.dev,
                                               counts=True, team=team, table=fitted.table))
    plain = TrainingResult(nlp=with_team_scorer(rules, fitted.table), steps=0, minutes=0.0, best_step=0, dev_scores={})
    options.append(SuggestionOption.scored("the team's scorer", plain, rules, data.dev, counts=False, team=team,
                                           table=fitted.table))
    return options


def counts_pipeline(data: TrainingData, *, base: str | None = None, settings: TrainingSettings | None = None):
    """The rules' pipeline with ``data.train``'s frame counts (the frames' dev choice for the pre-labels)
    and its suggestions scored by them: a ``TrainingResult`` of the ``frames`` design."""
    from annotator.nlp.pipeline import set_suggestions
    from annotator.training.trainer import train_pipeline

    result = train_pipeline(data, base=base, settings=replace(settings or TrainingSettings(), design="frames"))
    set_suggestions(result.nlp, True)
    return result


def describe_update(folder: Path) -> str | None:
    """What the update that published ``folder`` changed, for the header (None: a span model that
    pre-labels)."""
    update = read_meta(folder).get("update") or {}
    if update.get("kind") == MODEL_SUGGESTIONS_KIND:
        return "the rules' pre-labels, the span model's suggestions"
    if update.get("kind") != SUGGESTIONS_KIND:
        return None
    return f"suggestions from {update.get('decisions')} decisions" + (
        " (the team's scorer)" if "scorer" in str(update.get("pipeline", "")) else "")


def publish_model_suggestions(data: TrainingData, result, *, root: Path, current: Path | None, base: str | None,
                              seed: int, refused, settings: TrainingSettings | None = None):
    """A span model refused for the pre-labels, kept for its suggestions: the rules' pre-labels, and its
    own quotes they leave out as suggestions (``training/model_suggestions.py``), published when dev
    keys with suggestions fall against the pipeline in use (``current``, else the rules) by more than
    their noise (``clear_gain``: a dev slice of 40 documents once kept a model for a fall of 1.4 keys
    that cost 0.6 on unseen articles) at no loss of dev attributed F1. Returns the updater's result:
    ``refused`` (``UpdateResult``) when not kept."""
    from annotator.nlp.pipeline import load_pipeline, set_linking
    from annotator.training.linking import COMBINATIONS, RULES_ALONE
    from annotator.training.model_card import save_model, training_meta
    from annotator.training.model_suggestions import add_model_suggestions
    from annotator.training.updater import publish

    found = result.suggestions
    if found is None or not found.kept:
        return refused
    nlp = add_model_suggestions(set_linking(result.nlp, COMBINATIONS[RULES_ALONE]), found)
    new_each, new_f = dev_keys(nlp, data.dev)
    current_each, current_f = dev_keys(load_pipeline(str(current) if current is not None else base), data.dev)
    new_keys, current_keys = mean_document_keys(new_each), mean_document_keys(current_each)
    gain, se, clears = clear_gain(current_each, new_each)
    figures = (f"dev keys with suggestions {new_keys:.1f} per document vs {current_keys:.1f} (saves {gain:.2f} ± "
               f"{se:.2f}), F1 {new_f:.3f} vs {current_f:.3f}")
    if not clears or new_f < current_f - 1e-9:
        refused.reason += f"; its suggestions not kept either: {figures}"
        return refused
    from annotator.training.team_scorer import META_KEY, attach_if_kept

    team = attach_if_kept(nlp, data, base=base, settings=settings)
    meta = training_meta(data, result, base=base, seed=seed, design=read_design(result))
    meta[META_KEY] = team
    meta["update"] = {"kind": MODEL_SUGGESTIONS_KIND, "dev_attributed_f": new_f, "replaced_f": current_f,
                      "dev_keys": new_keys, "replaced_keys": current_keys, "train_documents": len(data.train),
                      "dev_documents": len(data.dev), "folds": None}
    published = publish(root, lambda folder: save_model(result, folder, meta))
    refused.kept, refused.model, refused.new_f, refused.current_f = True, published, new_f, current_f
    refused.reason += f"; kept for its suggestions: {figures}"
    return refused


def read_design(result) -> str:
    """The span model's design (``ner``, ``ner-shared`` or ``spancat``) of a training result."""
    from annotator.nlp.learned_spans import LEARNED_TAGGER
    from annotator.training.span_pipeline import listens

    if LEARNED_TAGGER not in result.nlp.component_names:
        return "spancat"
    return SHARED_DESIGN if listens(result.nlp) else "ner"
