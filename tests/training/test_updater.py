"""A background update publishes a model folder whole or not at all: killed while writing, the last
good model stays in place and the leftover is removed by the next update."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from annotator.core.records import Task
from annotator.training.linking import RULES_ALONE
from annotator.training.updater import PARTIAL_PREFIX, latest_model, numbered_models, publish, stable_dev_split, worth_publishing

ROOT = Path(__file__).resolve().parents[2]


def good_model(root: Path) -> Path:
    folder = root / "1"
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text('{"name": "good"}')
    return folder


def killed_while_writing(code: str, *args: str) -> None:
    """Run ``code`` in its own Python (this checkout's package) until it prints ``writing``, then ``kill -9`` it."""
    process = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "writing"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)


def test_a_failed_write_publishes_nothing_and_leaves_the_last_good_model(tmp_path):
    good = good_model(tmp_path)

    def broken(folder: Path) -> None:
        folder.mkdir()
        (folder / "meta.json").write_text("{")
        raise OSError("disk full")

    try:
        publish(tmp_path, broken)
    except OSError:
        pass
    assert [n for n, _ in numbered_models(tmp_path)] == [1]
    assert latest_model(tmp_path) == good and (good / "meta.json").read_text() == '{"name": "good"}'
    assert not any(p.name.startswith(PARTIAL_PREFIX) for p in tmp_path.iterdir())


def test_an_update_killed_while_writing_leaves_the_last_good_model_and_the_next_one_cleans_up(tmp_path):
    good = good_model(tmp_path)
    code = ("import sys, time; from pathlib import Path; from annotator.training.updater import publish\n"
            "def half(folder):\n"
            "    folder.mkdir(); (folder / 'meta.json').write_text('{'); print('writing', flush=True); time.sleep(60)\n"
            "publish(Path(sys.argv[1]), half)\n")
    killed_while_writing(code, str(tmp_path))
    # Half a model is on disk, under a hidden name: the model in use is still the good one.
    assert any(p.name.startswith(PARTIAL_PREFIX) for p in tmp_path.iterdir())
    assert latest_model(tmp_path) == good and (good / "meta.json").read_text() == '{"name": "good"}'
    published = publish(tmp_path, lambda folder: (folder.mkdir(), (folder / "meta.json").write_text("{}")))
    assert published == tmp_path / "2" and latest_model(tmp_path) == published
    assert not any(p.name.startswith(PARTIAL_PREFIX) for p in tmp_path.iterdir())


def test_the_dev_slice_keeps_its_documents_as_decisions_accumulate():
    tasks = [Task(text=f"Document number {i} says something.") for i in range(60)]
    _, dev_early = stable_dev_split(tasks[:30], 0.2)
    _, dev_later = stable_dev_split(tasks, 0.2)
    assert dev_early and {t.text for t in dev_early} <= {t.text for t in dev_later}


def test_the_first_model_is_kept_when_the_dev_choice_is_not_the_rules_alone():
    # A gap filler chosen for the keys it saves at the rules' F1 is worth loading; the rules alone are not.
    assert worth_publishing("rules + model gaps", 0.670, 0.670, first=True)
    assert not worth_publishing(RULES_ALONE, 0.670, 0.670, first=True)
    # A later model must beat the one in use.
    assert worth_publishing("rules + model gaps", 0.68, 0.67, first=False)
    assert not worth_publishing("rules + model gaps", 0.67, 0.67, first=False)
