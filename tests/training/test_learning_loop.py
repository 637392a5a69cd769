"""``annotate --learn``'s loop for real: after N accepted documents it trains a small model in its own
niced process on sentences written for the tests; the model is kept (it beats the rules on the dev
slice: some cues are made-up verbs only a model learns) and becomes the model in use, numbered 1."""

from __future__ import annotations

import json
import os
import time

import pytest

from annotator.core.errors import UserError
from annotator.training.learning_loop import LearningLoop, UpdateOutcome
from annotator.training.updater import PARTIAL_PREFIX, numbered_models
from tests.training.generated import generated_tasks, write_decisions

pytestmark = pytest.mark.model


def wait(loop: LearningLoop, seconds: float = 240):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        outcome = loop.poll()
        if outcome is not None:
            return outcome
        time.sleep(0.2)
    loop.stop()
    raise AssertionError("the update did not finish")


def test_an_update_after_n_accepted_documents_keeps_a_model_that_beats_the_rules(tmp_path):
    decisions = tmp_path / "out.jsonl"
    tasks = generated_tasks(16, seed=7, unknown_cues=True)
    write_decisions(decisions, tasks[:9])
    # (the span model alone: the suggestions' counts are tests/training/test_suggestion_update.py's)
    loop = LearningLoop(decisions=decisions, root=tmp_path / "models", every=10, max_steps=60, eval_every=20,
                        suggestions=False)
    assert loop.in_use.number is None and loop.in_use.describe() == "rules (no model yet)"
    assert not loop.accepted(9) and not loop.running
    # A line being appended while the update starts: the snapshot takes complete lines only.
    with decisions.open("a") as out:
        out.write('{"text": "half a line')
    assert loop.accepted(10) and loop.running
    snapshot = loop.snapshot_path.read_text()
    assert snapshot.endswith("\n") and len(snapshot.splitlines()) == 9
    assert os.getpriority(os.PRIO_PROCESS, loop._process.pid) > os.getpriority(os.PRIO_PROCESS, 0)
    assert not loop.accepted(11)  # one update at a time
    outcome = wait(loop)
    assert outcome.error is None, outcome
    assert outcome.kept and outcome.new_f > outcome.current_f
    assert [n for n, _ in numbered_models(tmp_path / "models")] == [1]
    assert loop.in_use.number == 1 and loop.in_use.dev_f == outcome.new_f
    meta = json.loads((tmp_path / "models" / "1" / "meta.json").read_text())["annotator"]
    assert meta["update"]["dev_attributed_f"] == outcome.new_f
    # Kept after its choice was checked against the rules on folds of the training decisions.
    folds = meta["update"]["folds"]
    assert folds["kept"] and folds["folds"] >= 2 and folds["attributed_f"] >= folds["rules_attributed_f"]
    readme = (tmp_path / "models" / "1" / "README.md").read_text()
    assert "Kept by a background update" in readme and f"{folds['documents']} training documents in" in readme
    assert not loop.snapshot_path.exists()
    # A new run starts from the model kept.
    loop.close()
    assert LearningLoop(decisions=decisions, root=tmp_path / "models").in_use.describe().startswith("model 1 · dev F1")


def test_stopping_an_update_leaves_no_model(tmp_path):
    decisions = write_decisions(tmp_path / "out.jsonl", generated_tasks(12, seed=3))
    # (the span model's training stopped; a counts model published before it would be a whole one)
    loop = LearningLoop(decisions=decisions, root=tmp_path / "models", every=2, max_steps=5000, suggestions=False)
    assert loop.accepted(12)
    time.sleep(3)
    loop.stop()
    assert not loop.running and numbered_models(tmp_path / "models") == []
    loop.close()
    LearningLoop(decisions=decisions, root=tmp_path / "models")  # removes anything half-written
    assert not any(p.name.startswith(PARTIAL_PREFIX) for p in (tmp_path / "models").iterdir())


def test_a_second_run_on_the_same_folder_is_refused_and_removes_nothing(tmp_path):
    decisions = write_decisions(tmp_path / "out.jsonl", generated_tasks(4, seed=5))
    first = LearningLoop(decisions=decisions, root=tmp_path / "models")
    half_written = tmp_path / "models" / f"{PARTIAL_PREFIX}1-{os.getpid()}"
    half_written.mkdir()  # (the first run's update writing its model)
    with pytest.raises(UserError, match="another annotate --learn run"):
        LearningLoop(decisions=tmp_path / "other.jsonl", root=tmp_path / "models")
    assert half_written.is_dir()
    first.close()
    LearningLoop(decisions=decisions, root=tmp_path / "models").close()  # free again once closed


def test_an_update_not_kept_says_why():
    outcome = UpdateOutcome(False, None, new_f=0.671, current_f=0.667,
                            reason="the folds refused it: on 150 documents of 4 folds: attributed F1 0.655 vs 0.676")
    assert outcome.describe() == ("update not kept: the folds refused it: on 150 documents of 4 folds: attributed F1 "
                                  "0.655 vs 0.676")
    assert UpdateOutcome(False, None, new_f=0.4, current_f=0.5).describe() == (
        "update not kept: dev F1 0.400, not better than 0.500")
