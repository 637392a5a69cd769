"""The refit's prior is the scorer the pipeline started from (``scorer_fit.pipeline_table``): a base
pipeline saved with a scorer table of its own (a team's, or ``bench/active.py --prior-from``'s prior
fitted on other documents) is what the decisions move, not the shipped table; the table's per-type
promotion shifts survive the config's pair form, so the refit can take them out and fold them in again."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import SUGGESTIONS
from annotator.nlp.suggest.scorer import shipped_table
from annotator.training.scorer_fit import pipeline_table
from annotator.training.team_scorer import config_table

OWN = {"sources": ["rule:a"], "weights": {"bias": -1.0, "source=rule:a": 0.4},
       "promote_weights": {"bias": -2.0, "type=direct": 0.9}, "promote_shifts": {"type=direct": 0.9}}


class Configured:
    """A pipeline as ``pipeline_table`` reads it: its component names and the suggestions' config."""

    def __init__(self, scorer_weights):
        self.component_names = [SUGGESTIONS]
        self.config = {"factory": SUGGESTIONS, "scorer_weights": scorer_weights}

    def get_pipe_config(self, name: str) -> dict:
        assert name == SUGGESTIONS
        return self.config


def test_a_pipeline_with_its_own_scorer_is_the_prior_with_its_promotion_shifts():
    stored = config_table(OWN)
    assert stored["promote_shifts"] == [["type=direct", 0.9]]  # the pair form a spaCy config holds
    table = pipeline_table(Configured(stored))
    assert table["weights"] == OWN["weights"] and table["promote_weights"] == OWN["promote_weights"]
    assert table["promote_shifts"] == OWN["promote_shifts"] and table["sources"] == OWN["sources"]


def test_a_pipeline_without_a_scorer_of_its_own_refits_towards_the_shipped_table():
    assert pipeline_table(Configured(None)) == shipped_table()
    assert pipeline_table(None) == shipped_table()


@pytest.mark.model
def test_the_team_refit_starts_from_the_scorer_of_the_pipeline_it_is_given(tmp_path):
    from annotator.core.records import Task
    from annotator.nlp.pipeline import load_pipeline, prelabel
    from annotator.training.scorer_fit import fit_team_scorer
    from annotator.training.team_scorer import with_team_scorer
    from tests.training.test_team_scorer import taking, texts

    shipped = shipped_table()
    # the shipped table with one weight a decision never shows: the refit must keep it, so it must start here
    own = {**shipped, "weights": {**shipped["weights"], "never-seen-feature": 0.77}}
    nlp = with_team_scorer(load_pipeline(), own)
    decided = [taking(t) for t in prelabel(load_pipeline(), [Task(text=t) for t in texts()[:6]])]
    fit = fit_team_scorer(decided, nlp=nlp)
    assert fit.candidates > 0
    assert fit.table["weights"]["never-seen-feature"] == 0.77
    assert fit.table["promote_shifts"] == shipped.get("promote_shifts", {})
