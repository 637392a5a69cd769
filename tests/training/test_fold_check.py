"""An update's model is kept only when its combination with the rules, chosen on the dev slice, does not
lose attributed F1 to the rules on folds of the training decisions: a combination that saves keys but
loses F1 there is refused, and so is a level one the documents cannot tell from a loss."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from annotator.core.records import Task
from annotator.measure.spans import Score
from annotator.training import fold_check
from annotator.training.fold_check import DocumentFigures, check_on_folds, folds_of, gain_lower_bound, judge
from annotator.training.linking import COMBINATIONS, RULES_ALONE, LinkingChoice, gap_filler
from annotator.training.settings import TrainingSettings
from tests.training.generated import generated_tasks, write_decisions

GAP_FILLER = gap_filler(0.0, False)[0]


def figures(rules: tuple[int, int, int], model: tuple[int, int, int], rules_keys: float, model_keys: float,
            times: int) -> list[DocumentFigures]:
    return [DocumentFigures(Score(*rules), Score(*model), rules_keys, model_keys) for _ in range(times)]


def test_a_combination_that_saves_keys_but_loses_f1_on_the_folds_is_refused():
    # Each document: the model adds two quotes, one right with a wrong speaker, one wrong: fewer keys
    # (an added quote costs 8 to type, a wrong one 3 to delete), lower attributed F1.
    judged = figures((6, 2, 4), (6, 3, 4), 20.0, 17.0, 40)
    verdict = judge(GAP_FILLER, judged, folds=4)
    assert not verdict.kept
    assert verdict.combination_f < verdict.rules_f and verdict.combination_keys < verdict.rules_keys
    assert "no gain, no saving at level F1" in verdict.reason


def test_a_level_combination_the_documents_cannot_tell_from_a_loss_is_refused():
    # Pooled F1 level with the rules, keys 15% fewer, but half the documents lose what the others gain.
    judged = (figures((6, 2, 4), (8, 2, 2), 20.0, 16.0, 10) + figures((6, 2, 4), (4, 2, 6), 20.0, 18.0, 10)
              + figures((6, 2, 4), (6, 2, 4), 20.0, 17.0, 2))
    verdict = judge(GAP_FILLER, judged, folds=4)
    assert verdict.combination_f == pytest.approx(verdict.rules_f)
    assert not verdict.kept and verdict.gain_lower < -fold_check.MARGIN and "lower bound" in verdict.reason


def test_a_level_combination_that_saves_keys_on_every_document_is_kept():
    judged = figures((6, 2, 4), (6, 2, 4), 20.0, 17.0, 30)
    verdict = judge(GAP_FILLER, judged, folds=4)
    assert verdict.kept and verdict.gain_lower == 0.0
    assert verdict.to_dict()["keys"] == 17.0 and verdict.to_dict()["rules_keys"] == 20.0


def test_a_verdict_is_saved_under_its_names_in_order_with_the_test_it_had_to_pass():
    judged = figures((6, 2, 4), (6, 2, 4), 20.0, 17.0, 30)
    saved = judge(GAP_FILLER, judged, folds=4).to_dict()
    assert list(saved) == ["kept", "reason", "combination", "documents", "folds", "rules_attributed_f", "attributed_f",
                           "gain_lower_bound", "confidence", "margin", "rules_keys", "keys", "minutes", "per_fold"]
    assert (saved["confidence"], saved["margin"]) == (fold_check.CONFIDENCE, fold_check.MARGIN)
    stricter = judge(GAP_FILLER, judged, folds=4, margin=0.001, confidence=0.95).to_dict()
    assert (stricter["confidence"], stricter["margin"]) == (0.95, 0.001)


def test_a_clear_gain_is_kept_and_no_document_means_no_verdict():
    assert judge(GAP_FILLER, figures((6, 2, 4), (8, 2, 2), 20.0, 19.0, 12), folds=4).kept
    assert not judge(GAP_FILLER, [], folds=0).kept


def test_the_lower_bound_is_paired_and_the_folds_are_stable():
    same = figures((3, 1, 2), (3, 1, 2), 9.0, 9.0, 25) + figures((9, 0, 1), (9, 0, 1), 3.0, 3.0, 25)
    assert gain_lower_bound(same) == 0.0  # documents that differ a lot, systems that do not
    tasks = [Task(text=f"Report {i} says the bridge will reopen.") for i in range(30)]
    early, later = folds_of(tasks[:20]), folds_of(tasks)
    assert len(early) == 4 and sorted(t.text for fold in later for t in fold) == sorted(t.text for t in tasks)
    assert folds_of(tasks[:20]) == early


@pytest.mark.model
def test_a_barely_trained_model_alone_loses_to_the_rules_on_the_folds():
    # Real training: a tagger that had two steps finds next to nothing; taken alone it is refused,
    # while its gap filler (the rules, and its few quotes where they found none) does not lose.
    tasks = generated_tasks(20, seed=11)
    train, dev = tasks[4:], tasks[:4]
    settings = TrainingSettings(max_steps=2, eval_every=2)
    alone = LinkingChoice("model alone", dict(COMBINATIONS["model alone"]), {})
    verdict = check_on_folds(train, dev, alone, steps=2, settings=settings)
    assert verdict.folds == 4 and verdict.documents == len(train) and len(verdict.per_fold) == 4
    assert verdict.combination_f < verdict.rules_f and not verdict.kept
    assert verdict.minutes > 0


def test_an_update_whose_choice_the_folds_refuse_publishes_nothing(tmp_path, monkeypatch):
    # The dev slice chose a gap filler (kept before folds were checked); the folds refuse it.
    decisions = write_decisions(tmp_path / "out.jsonl", generated_tasks(12, seed=3))
    linking = LinkingChoice(GAP_FILLER, dict(COMBINATIONS[GAP_FILLER]),
                            {RULES_ALONE: {"attributed_f": 0.67, "keys": 100.0},
                             GAP_FILLER: {"attributed_f": 0.67, "keys": 90.0}})
    trained = SimpleNamespace(linking=linking, best_step=40)
    monkeypatch.setattr("annotator.training.trainer.train_pipeline", lambda data, **kwargs: trained)
    asked = []

    def refuse(train, dev, choice, **kwargs):
        asked.append((len(train), len(dev), choice.name, kwargs["steps"]))
        return judge(choice.name, figures((6, 2, 4), (6, 3, 4), 20.0, 17.0, 10), folds=4)

    monkeypatch.setattr(fold_check, "check_on_folds", refuse)
    from annotator.training.updater import numbered_models, update_model

    result = update_model(decisions=decisions, root=tmp_path / "models", suggestions=False)
    assert asked == [(result.train_documents, result.dev_documents, GAP_FILLER, 40)]
    assert not result.kept and result.model is None and numbered_models(tmp_path / "models") == []
    assert result.reason.startswith("the folds refused it") and result.folds["kept"] is False
    assert json.loads(json.dumps(result.to_dict()))["folds"]["documents"] == 10
