"""A team's refitted suggestion scorer (``scorer_fit``) in the pipeline a training run saves: written
into the suggestions component's ``scorer_weights`` config (so ``spacy.load(MODEL_DIR)`` and
``load_pipeline`` score with it, and ``nlp.to_disk`` saves it), kept only when it does not cost keys
on the dev documents (keys to gold with suggestions, ``measure/keys.py``, as the updater's counts
rule keeps a pipeline)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from annotator.core.records import Task

#: ``meta.json``'s ``annotator`` key for what the refit did.
META_KEY = "team_scorer"


def config_table(table: Mapping) -> dict:
    """The table in the form a spaCy config holds: the weights as ``[name, weight]`` pairs (option
    names cannot carry the ``=`` of the feature names; ``SuggestionScorer.from_table`` reads both)."""
    return {"sources": sorted(table["sources"]),
            "weights": [[name, float(w)] for name, w in sorted(table["weights"].items())],
            "promote_weights": [[name, float(w)] for name, w in sorted((table.get("promote_weights") or {}).items())],
            # the per-type promotion shifts folded into promote_weights: a refit towards this table takes them out
            "promote_shifts": [[name, float(w)] for name, w in sorted((table.get("promote_shifts") or {}).items())]}


def with_team_scorer(nlp, table: Mapping | None):
    """``nlp`` whose suggestions component scores with ``table`` (None: back to the shipped weights).
    The component is rebuilt from its own config, so the rest of it is unchanged."""
    from annotator.nlp.pipeline import SUGGESTIONS, set_suggestions

    if SUGGESTIONS not in nlp.component_names:
        return nlp
    was_on = SUGGESTIONS not in nlp.disabled
    config = {k: v for k, v in nlp.get_pipe_config(SUGGESTIONS).items() if k != "factory"}
    config["scorer_weights"] = config_table(table) if table is not None else None
    nlp.replace_pipe(SUGGESTIONS, SUGGESTIONS, config=config)
    return set_suggestions(nlp, was_on)


@dataclass
class TeamScorerChoice:
    """Whether the refitted scorer was kept, its dev keys and F1 beside the pipeline's without it."""

    kept: bool
    reason: str
    fit: dict
    keys: float | None = None
    without_keys: float | None = None
    f: float | None = None
    without_f: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {"kept": self.kept, "reason": self.reason, "dev_keys": self.keys, "dev_keys_without": self.without_keys,
                "dev_attributed_f": self.f, "dev_attributed_f_without": self.without_f, "fit": self.fit}


def choose_team_scorer(nlp, train: Sequence[Task], dev: Sequence[Task], *, base: str | None = None,
                       fitted=None) -> TeamScorerChoice:
    """Refit the scorer on ``train`` (or take ``fitted``, a ``scorer_fit.TeamFit``) and leave it in
    ``nlp`` only when ``dev`` costs no more keys with suggestions with it than without."""
    from annotator.training.scorer_fit import fit_team_scorer
    from annotator.training.suggestion_update import dev_figures

    fitted = fitted if fitted is not None else fit_team_scorer(train, base=base)
    if not fitted.moved:
        return TeamScorerChoice(False, f"{fitted.documents} documents with candidates: the shipped weights stay",
                                fitted.to_dict())
    if not dev:
        return TeamScorerChoice(False, "no dev documents to check it on", fitted.to_dict())
    without_keys, without_f = dev_figures(nlp, dev)
    keys, f = dev_figures(with_team_scorer(nlp, fitted.table), dev)
    figures = f"dev keys with suggestions {keys:.1f} per document vs {without_keys:.1f} with the shipped weights"
    if keys > without_keys:
        with_team_scorer(nlp, None)
        return TeamScorerChoice(False, f"not kept: {figures}", fitted.to_dict(), keys, without_keys, f, without_f)
    return TeamScorerChoice(True, f"kept: {figures}", fitted.to_dict(), keys, without_keys, f, without_f)


def describe(choice: Mapping | None) -> str:
    """One line for ``annotator train``'s output and the model README."""
    if not choice:
        return "suggestion scorer: the shipped weights (not refitted)"
    fit = choice.get("fit") or {}
    strengths = ", ".join(f"{k} {'shipped' if v is None else v}" for k, v in (fit.get("strengths") or {}).items())
    return (f"suggestion scorer refitted on {fit.get('documents', 0)} documents ({fit.get('candidates', 0)} "
            f"candidates, {fit.get('right', 0)} right; strength {strengths}): {choice.get('reason')}")


def attach_if_kept(nlp, data, *, base: str | None, settings) -> dict | None:
    """With ``settings.team_scorer``: refit on ``data.train``, keep in ``nlp`` as ``choose_team_scorer``
    says, and return what to write under ``meta.json``'s ``META_KEY`` (None when not tried)."""
    if getattr(settings, "team_scorer", None) is None:
        return None
    return choose_team_scorer(nlp, data.train, data.dev, base=base).to_dict()
