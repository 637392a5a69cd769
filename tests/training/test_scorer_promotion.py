"""The promotion thresholds re-chosen on folds of a team's decisions (``training/scorer_promotion.py``):
a per-type threshold folds into the ``type=…`` weight exactly; a move is taken only above every kind's
precision floor, by more than its bootstrap noise, at no cost in keys; else the thresholds stay. (And the
folds try the pulls weaker on the intercepts when asked.)"""

from __future__ import annotations

import math

import pytest

from annotator.nlp.suggest.scorer import SuggestionScorer
from annotator.training import scorer_promotion
from annotator.training.scorer_promotion import Figures, choose, gain_se, move, moved, thresholds

TABLE = {"sources": ["rule:a"], "weights": {"bias": 0.0},
         "promote_weights": {"bias": 1.0, "type=direct": 0.5, "type=mixed": 0.5},
         "promote_shifts": {"type=direct": 0.5, "type=mixed": 0.5}}
T = 0.58


def logit(p: float) -> float:
    return math.log(p / (1 - p))


def test_the_thresholds_read_off_the_shifts_and_a_move_folds_in_exactly():
    at = thresholds(TABLE, T)
    assert at["indirect"] == T and at["direct"] == pytest.approx(1 / (1 + math.exp(0.5 - logit(T))), abs=1e-4)
    new = moved(TABLE, T, {"direct": 0.7, "indirect": 0.5, "mixed": at["mixed"]})
    assert thresholds(new, T) == pytest.approx({"direct": 0.7, "indirect": 0.5, "mixed": at["mixed"]}, abs=1e-4)
    scorer = SuggestionScorer.from_table(new)
    for kind, t in (("indirect", 0.5), ("direct", 0.7)):  # a candidate the model puts just above / below it
        for p, promoted in ((t + 0.01, True), (t - 0.01, False)):
            feats = {"bias": logit(p), f"type={kind}": 1.0}  # the raw model says p (bias weight 1)
            assert (scorer.promote_probability(feats) >= T) is promoted


def test_a_move_moves_the_types_asked_for():
    at = {"direct": 0.5, "indirect": 0.5, "mixed": 0.5}
    assert move(at, "indirect", 0.4)["direct"] == 0.5 and move(at, "indirect", 0.4)["indirect"] > 0.5
    assert move(at, "others", -0.4)["indirect"] == 0.5 and move(at, "others", -0.4)["mixed"] < 0.5
    assert all(t < 0.5 for t in move(at, "all", -0.2).values())


def test_the_gain_noise_shrinks_with_more_documents_that_agree():
    before = [(2, 4, 4)] * 10
    assert gain_se(before, before) == 0.0
    noisy = gain_se(before, [(4, 4, 4)] + [(2, 4, 4)] * 9)
    assert noisy > gain_se(before * 10, ([(4, 4, 4)] + [(2, 4, 4)] * 9) * 10) > 0


def figures(f: float, counts, keys: float = 90.0, indirect_p: float = 0.8) -> Figures:
    return Figures(counts, [keys] * len(counts), {"direct": 0.9, "indirect": indirect_p, "mixed": 0.8, "all": 0.85}, f)


@pytest.fixture
def scored(monkeypatch):
    """``Figures.of`` reads what ``predict`` returned: figures made up per threshold."""
    monkeypatch.setattr(scorer_promotion.Figures, "of", classmethod(lambda cls, decided, predicted: predicted))
    return lambda table: (lambda at: table(None if at is None else at["indirect"]))


def test_a_move_that_gains_f1_beyond_its_noise_is_taken(scored):
    base, better = [(6, 10, 10)] * 40, [(7, 10, 10)] * 40
    predict = scored(lambda t: figures(0.6, base) if t is None or t >= 0.58 else figures(0.7, better))
    choice = choose(predict, [None] * 40, {"direct": 0.6, "indirect": 0.58, "mixed": 0.6})
    assert choice.at is not None and choice.at["indirect"] < 0.58 and choice.tried["current"]["f"] == 0.6


def test_a_gain_below_a_precision_floor_or_costing_keys_or_within_noise_is_refused(scored):
    current = {"direct": 0.6, "indirect": 0.58, "mixed": 0.6}
    base, better = [(6, 10, 10)] * 40, [(7, 10, 10)] * 40
    below_floor = scored(lambda t: figures(0.6, base) if t is None or t >= 0.58 else figures(0.7, better, indirect_p=0.7))
    assert choose(below_floor, [None] * 40, current).at is None
    costly = scored(lambda t: figures(0.6, base) if t is None or t >= 0.58 else figures(0.7, better, keys=91.0))
    assert choose(costly, [None] * 40, current).at is None
    one_document = [(6, 10, 10)] * 39 + [(16, 20, 20)]
    noisy = scored(lambda t: figures(0.6, base) if t is None or t >= 0.58 else figures(0.61, one_document))
    assert choose(noisy, [None] * 40, current).at is None


@pytest.mark.model
def test_the_team_fit_tries_every_move_of_the_promotion_thresholds_on_its_folds():
    from annotator.core.records import Task
    from annotator.nlp.pipeline import load_pipeline, prelabel
    from annotator.nlp.suggest.scorer import shipped_table
    from annotator.training.scorer_fit import fit_team_scorer
    from tests.training.test_team_scorer import taking, texts

    nlp = load_pipeline()
    decided = [taking(t) for t in prelabel(nlp, [Task(text=t) for t in texts()])]
    fit = fit_team_scorer(decided, nlp=nlp, promotion=True)
    promotion = fit.promotion
    assert promotion is not None and set(promotion["tried"]) == {"current", *(f"{w} {v:+g}" for w, v in
                                                                             scorer_promotion.MOVES)}
    promote_min_score = nlp.get_pipe("annotator_suggestions").promote_min_score
    assert promotion["current"] == thresholds(shipped_table(), promote_min_score)
    assert set(promotion["floors"]) == {"direct", "indirect", "mixed", "all"}
    assert (promotion["at"] is None) == (thresholds(fit.table, promote_min_score) == promotion["current"])
    assert fit_team_scorer(decided, nlp=nlp).promotion is None  # not asked for: not tried


@pytest.mark.model
def test_the_folds_also_try_the_pulls_weaker_on_the_intercepts_when_asked():
    from annotator.core.records import Task
    from annotator.nlp.pipeline import load_pipeline, prelabel
    from annotator.training.scorer_fit import fit_team_scorer
    from tests.training.test_team_scorer import taking, texts

    nlp = load_pipeline()
    decided = [taking(t) for t in prelabel(nlp, [Task(text=t) for t in texts()])]
    tried = fit_team_scorer(decided, nlp=nlp, intercepts=True).chosen_by["keys"]
    assert {"shipped", "1000", "1000/10", "300/10"} <= set(tried)
    assert "1000/10" not in fit_team_scorer(decided, nlp=nlp).chosen_by["keys"]
