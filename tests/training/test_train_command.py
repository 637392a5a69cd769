"""``annotator train`` end to end on generated documents: a few steps, a model folder that loads
with ``spacy.load`` alone and pre-labels through ``annotator prelabel --model``."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.invariants import check_task
from annotator.core.records import Task
from annotator.training.linking import COMBINATIONS, needs_scores
from tests.conftest import assert_valid_record
from tests.training.generated import generated_tasks, write_decisions

pytestmark = pytest.mark.model

RUNNER = CliRunner()


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    folder = tmp_path_factory.mktemp("train")
    # Some cues are made up: the rules miss those attributions, so the linking chosen on dev takes the model's.
    annotations = write_decisions(folder / "annotations.jsonl", generated_tasks(30, seed=7, unknown_cues=True))
    model = folder / "model"
    result = RUNNER.invoke(app, ["train", str(annotations), "-o", str(model), "--max-steps", "80",
                                 "--eval-every", "20", "--dev", "0.2"])
    return folder, model, result


def test_train_writes_a_model_folder_with_what_it_learned_from(trained):
    _, model, result = trained
    assert result.exit_code == 0, result.output
    assert "dev attributed F1" in result.output
    meta = json.loads((model / "meta.json").read_text())["annotator"]
    assert meta["train_documents"] == 24 and meta["dev_documents"] == 6
    assert list(meta["sources"].values()) == [30]
    assert meta["steps"] == 80 and set(meta["dev_scores"]) >= {"attributed_f", "quote_f"}
    readme = (model / "README.md").read_text()
    assert "24 training documents" in readme and meta["trained_at"] in readme


def test_the_tagger_learns_the_generated_attributions(trained):
    _, model, _ = trained
    meta = json.loads((model / "meta.json").read_text())["annotator"]
    assert meta["dev_scores"]["quote_f"] >= 0.5
    assert meta["dev_scores"]["attributed_f"] >= 0.5


def test_spacy_load_alone_finds_our_components(trained):
    _, model, _ = trained
    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); "
            "doc = nlp('Ann Moss said that the vote was rushed.'); print(','.join(nlp.pipe_names))")
    out = subprocess.run([sys.executable, "-c", code, str(model)], capture_output=True, text=True, check=True)
    names = out.stdout.strip().split(",")
    assert names[:2] == ["attribution_ner", "annotator_learned_spans"]
    # The rules find the quote types the linker takes from them, just before it; the suggestions last.
    assert names[-6:] == ["annotator_quotes", "annotator_speakers", "annotator_attribution_links",
                          "annotator_entities", "annotator_coref", "annotator_suggestions"]
    config = json.loads((model / "meta.json").read_text())
    assert config["name"] == "annotator_attribution"
    # The linking chosen on dev is the saved pipeline's own config.
    chosen = config["annotator"]["linking"]["config"]
    saved = (model / "config.cfg").read_text()
    assert f"rule_quotes = {json.dumps(chosen['rule_quotes'])}" in saved
    assert f"learned_quotes = {json.dumps(chosen['learned_quotes'])}" in saved


def test_the_linking_is_chosen_on_dev_among_every_combination_and_the_rules_alone(trained):
    _, model, result = trained
    linking = json.loads((model / "meta.json").read_text())["annotator"]["linking"]
    scores = linking["dev_scores"]
    # (the tagger gives no scores: the gap fillers by score are not tried)
    tried = [name for name, config in COMBINATIONS.items() if not needs_scores(config)]
    assert list(scores) == tried
    best = max(figures["attributed_f"] for figures in scores.values())
    assert scores[linking["chosen"]]["attributed_f"] == best
    # The rules miss the made-up cues' attributions: a combination that keeps the model's quotes wins.
    assert best > scores["rules alone"]["attributed_f"]
    assert linking["config"]["learned_quotes"] and linking["config"] == COMBINATIONS[linking["chosen"]]
    assert f"linking chosen on dev: {linking['chosen']}" in " ".join(result.output.split())
    readme = (model / "README.md").read_text()
    assert f"**{linking['chosen']}**" in readme
    assert all(f"| {name} |" in readme or f"| **{name}** |" in readme for name in tried)


def test_prelabel_with_the_trained_model_writes_valid_tasks(trained):
    folder, model, _ = trained
    texts = folder / "texts.jsonl"
    texts.write_text("".join(json.dumps({"text": t.text}) + "\n" for t in generated_tasks(3, seed=99)))
    out = folder / "tasks.jsonl"
    result = RUNNER.invoke(app, ["prelabel", str(texts), "-o", str(out), "--model", str(model)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 3
    for record in records:
        assert_valid_record(record)
        check_task(Task.from_dict(record))


def test_train_refuses_to_overwrite_a_model_folder(trained):
    folder, model, _ = trained
    result = RUNNER.invoke(app, ["train", str(folder / "annotations.jsonl"), "-o", str(model)])
    assert result.exit_code == 2
    assert "already exists" in result.output


def test_train_on_a_missing_file_exits_2_with_its_name(tmp_path):
    result = RUNNER.invoke(app, ["train", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "nope.jsonl: no such file" in result.output


def test_entities_fine_tunes_the_base_ner_on_accepted_entity_spans(tmp_path):
    annotations = write_decisions(tmp_path / "annotations.jsonl", generated_tasks(30, seed=3, entities=True))
    model = tmp_path / "model"
    result = RUNNER.invoke(app, ["train", str(annotations), "-o", str(model), "--max-steps", "60",
                                 "--eval-every", "20", "--dev", "0.2", "--entities"])
    assert result.exit_code == 0, result.output
    meta = json.loads((model / "meta.json").read_text())["annotator"]["entities"]
    # VENUE is new to the base model: dev entity F1 can only rise if the ner learned it.
    assert meta["best_f"] > meta["base_f"]
    assert "fine-tuned" in result.output
    import spacy

    nlp = spacy.load(model)
    assert "VENUE" in nlp.get_pipe("ner").labels
    assert "Entities (`--entities`)" in (model / "README.md").read_text()


def test_entities_without_any_entity_span_is_refused_with_a_reason(tmp_path):
    annotations = write_decisions(tmp_path / "annotations.jsonl", generated_tasks(12, seed=3))
    result = RUNNER.invoke(app, ["train", str(annotations), "-o", str(tmp_path / "model"), "--max-steps", "5",
                                 "--entities"])
    assert result.exit_code == 2
    assert "none of the training documents has an entity span" in result.output


def test_an_unknown_design_exits_2_with_the_choices(tmp_path):
    annotations = write_decisions(tmp_path / "annotations.jsonl", generated_tasks(3, seed=3))
    result = RUNNER.invoke(app, ["train", str(annotations), "-o", str(tmp_path / "m"), "--design", "crf"])
    assert result.exit_code == 2
    assert "--design must be one of ner, ner-shared, spancat, frames" in result.output
