"""``annotator train --pretrain``: the characters objective on raw texts starts the tagger's tok2vec."""

import json

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.errors import UserError
from annotator.training import learning_loop, trainer
from annotator.training import pretrain as pretrain_module
from annotator.training.learning_loop import LearningLoop
from annotator.training.pretrain import paragraphs, pretrain, read_texts, tagger_pipeline
from annotator.training.settings import TrainingSettings
from annotator.training.span_pipeline import build_pipeline, load_tok2vec, tagger_tok2vec
from annotator.training.updater import update_model
from tests.training.generated import generated_tasks, write_decisions

RUNNER = CliRunner()

TEXTS = [
    "The harbour master said on Monday that the ferries would run again once the storm had passed.\n"
    "\"We will not take risks with passengers,\" he told the local radio station.",
    "Farmers in the valley warned that the late frost had ruined most of the apple blossom this spring.",
    "According to the council, the new bridge will open in March, two months later than planned.\n"
    "A spokeswoman declined to say how much the delay had cost.",
]


def test_read_texts_names_a_missing_or_empty_source(tmp_path):
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    assert read_texts([tmp_path / "a.txt"]) == [TEXTS[0]]
    with pytest.raises(UserError, match=r"none\.txt: no such file"):
        read_texts([tmp_path / "none.txt"])
    (tmp_path / "blank.jsonl").write_text('{"text": "   "}\n', encoding="utf-8")
    with pytest.raises(UserError, match=r"blank\.jsonl:1: 'text' is empty"):
        read_texts([tmp_path / "blank.jsonl"])
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(UserError, match=r"empty\.jsonl: no text to pretrain on"):
        read_texts([tmp_path / "a.txt", tmp_path / "empty.jsonl"])


@pytest.mark.model
def test_paragraphs_are_split_and_short_ones_left_out():
    nlp = build_pipeline(None, "ner")
    docs = paragraphs(nlp, ["One two three four five six.\nToo short.\n\n" + " ".join(["word"] * 600)])
    assert [len(doc) for doc in docs] == [7, 500]


@pytest.mark.model
def test_pretraining_lowers_the_objective_and_its_weights_start_the_tagger(tmp_path):
    result = pretrain(TEXTS * 4, max_minutes=2, max_passes=4, seed=0)
    assert result.passes == pytest.approx(4) and result.updates >= 4 and result.texts == 12
    assert result.last_loss < result.first_loss
    nlp = tagger_pipeline(None, TEXTS)
    assert tagger_tok2vec(nlp).to_bytes() != result.weights  # (the base model's tok2vec, before)
    weights = tmp_path / "tok2vec.bin"
    weights.write_bytes(result.weights)
    load_tok2vec(nlp, weights)
    assert tagger_tok2vec(nlp).to_bytes() == result.weights


@pytest.mark.model
def test_weights_of_another_shape_are_refused_with_the_file_name(tmp_path):
    nlp = tagger_pipeline(None, TEXTS)
    weights = tmp_path / "other.bin"
    weights.write_bytes(b"\x80\x04not weights")
    with pytest.raises(UserError, match=r"other\.bin: not tok2vec weights"):
        load_tok2vec(nlp, weights)


@pytest.mark.model
def test_train_with_pretrain_starts_the_tagger_from_the_pretrained_weights(tmp_path, monkeypatch):
    annotations = write_decisions(tmp_path / "annotations.jsonl", generated_tasks(12, seed=3))
    (tmp_path / "raw.txt").write_text("\n".join(TEXTS), encoding="utf-8")
    loaded = []
    real = trainer.load_tok2vec
    monkeypatch.setattr(trainer, "load_tok2vec", lambda nlp, path: (loaded.append(path.read_bytes()), real(nlp, path)))
    model = tmp_path / "model"
    result = RUNNER.invoke(app, ["train", str(annotations), "-o", str(model), "--max-steps", "4", "--eval-every", "2",
                                 "--pretrain", str(tmp_path / "raw.txt"), "--pretrain-minutes", "0.5"])
    assert result.exit_code == 0, result.output
    assert "pretrained on 1 texts" in result.output
    pretraining = json.loads((model / "meta.json").read_text())["annotator"]["pretraining"]
    assert pretraining["texts"] == 1 and pretraining["updates"] >= 1 and pretraining["words"] > 50
    assert len(loaded) == 1 and loaded[0]


@pytest.mark.model
@pytest.mark.parametrize("case", ["missing", "empty", "spancat"])
def test_bad_pretrain_input_exits_2_naming_it(tmp_path, case):
    annotations = write_decisions(tmp_path / "annotations.jsonl", generated_tasks(6, seed=3))
    texts = tmp_path / "texts.jsonl"
    if case == "empty":
        texts.write_text("", encoding="utf-8")
    elif case == "spancat":
        texts.write_text(json.dumps({"text": TEXTS[0]}) + "\n", encoding="utf-8")
    design = ["--design", "spancat"] if case == "spancat" else []
    result = RUNNER.invoke(app, ["train", str(annotations), "-o", str(tmp_path / "m"), "--pretrain", str(texts),
                                 *design])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    expected = "--pretrain starts the 'ner' design's own tok2vec" if case == "spancat" else f"error: {texts}"
    assert expected in result.output
    assert not (tmp_path / "m").exists()


@pytest.mark.model
def test_learn_updates_pretrain_once_for_the_folder_and_start_each_tagger_from_it(tmp_path, monkeypatch):
    decisions = write_decisions(tmp_path / "out.jsonl", generated_tasks(12, seed=5))
    (tmp_path / "raw.txt").write_text("\n".join(TEXTS), encoding="utf-8")
    pretrained, loaded = [], []
    real_pretrain, real_load = pretrain_module.pretrain, trainer.load_tok2vec
    monkeypatch.setattr(pretrain_module, "pretrain", lambda *a, **k: pretrained.append(1) or real_pretrain(*a, **k))
    monkeypatch.setattr(trainer, "load_tok2vec", lambda nlp, path: (loaded.append(path), real_load(nlp, path)))
    root = tmp_path / "models"
    for _ in range(2):
        update_model(decisions=decisions, root=root, settings=TrainingSettings(max_steps=4, eval_every=2),
                     pretrain=[tmp_path / "raw.txt"], pretrain_minutes=0.3)
    kept = [p for p in root.iterdir() if p.name.startswith(".pretrained-")]
    assert len(kept) == 1 and len(pretrained) == 1
    assert loaded == [kept[0], kept[0]]


def test_the_loop_hands_its_texts_to_the_updater(tmp_path, monkeypatch):
    started = []

    class Process:
        def __init__(self, command, **_):
            started.append(command)

    monkeypatch.setattr(learning_loop.subprocess, "Popen", Process)
    decisions = write_decisions(tmp_path / "out.jsonl", generated_tasks(3, seed=5))
    loop = LearningLoop(decisions=decisions, root=tmp_path / "models", every=2, pretrain=[tmp_path / "raw.txt"],
                        pretrain_minutes=2.5)
    try:
        assert loop.accepted(3)
    finally:
        loop._process = None
        loop.close()
    command = started[0]
    assert command[command.index("--pretrain") + 1] == str(tmp_path / "raw.txt")
    assert command[command.index("--pretrain-minutes") + 1] == "2.5"


@pytest.mark.parametrize("args, expected", [
    (["--pretrain", "none.txt", "--learn", "models"], "none.txt: no such file or folder (--pretrain takes raw texts)"),
    (["--pretrain", "raw.txt"], "--pretrain starts the models --learn trains: give --learn MODEL_DIR too"),
])
def test_annotate_refuses_bad_pretrain_input_with_exit_2(tmp_path, monkeypatch, args, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "raw.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "doc.txt").write_text(TEXTS[1], encoding="utf-8")
    result = RUNNER.invoke(app, ["annotate", "doc.txt", "-o", "out.jsonl", *args])
    assert result.exit_code == 2 and expected in result.output
    assert not (tmp_path / "models").exists() and not (tmp_path / "out.jsonl").exists()
