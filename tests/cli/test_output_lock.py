"""One lock for a store and everything named from it: while a store is open for writing, no other
command may write, rename or replace it, and the refusal names the process holding it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.output_lock import StoreLockedError
from annotator.core.records import Annotation, Task
from annotator.core.store import JsonlStore
from annotator.core.atomic import AtomicFile

ROOT = Path(__file__).resolve().parents[2]


def annotator(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL,
                          env={**os.environ, "COLUMNS": "300", "PYTHONPATH": str(ROOT)})


def decision(text: str, who: str = "alice") -> Annotation:
    return Annotation(Task(text=text), "accept", who, f"{who}-1", 1)


def write_decisions(path: Path, who: str = "bob") -> None:
    path.write_text("".join(json.dumps(decision(t, who).to_dict()) + "\n"
                            for t in ("One text.", "Two text.", "Three text.")), encoding="utf-8")


def write_brat(folder: Path) -> None:
    folder.mkdir()
    (folder / "doc.txt").write_text("Ana said yes.\n", encoding="utf-8")
    (folder / "doc.ann").write_text("T1\tSource 0 3\tAna\n", encoding="utf-8")


@pytest.mark.parametrize("command", [
    ["export", "in.jsonl", "--format", "prodigy", "-o", "out.jsonl", "--force", "--no-progress"],
    ["import", "brat", "b", "-o", "out.jsonl", "--force"],
    ["import", "doccano", "in.jsonl", "-o", "out.jsonl"],
    ["import", "labelstudio", "ls.json", "-o", "out.jsonl"],
    ["review", "in.jsonl", "-o", "out.jsonl"],
])
def test_a_store_open_for_writing_is_never_replaced_and_every_decision_stays(tmp_path, command):
    """The issue's case: annotate's out.jsonl, replaced by ``export --force`` while open, lost every decision."""
    write_decisions(tmp_path / "in.jsonl")
    write_brat(tmp_path / "b")
    (tmp_path / "ls.json").write_text('[{"data": {"text": "Ana said yes."}}]', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with JsonlStore(out) as store:
        store.append_decision(decision("Alice decided this."))
        inode = out.stat().st_ino
        done = annotator(*command, cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert f"out.jsonl: the file is in use by another process (pid {os.getpid()}" in done.stderr
        store.append_decision(decision("Alice decided that after."))
    assert out.stat().st_ino == inode
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["text"] for x in lines] == ["Alice decided this.", "Alice decided that after."]


def test_a_replace_waits_for_no_one_and_a_store_cannot_open_while_it_is_planned(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(decision("Kept until the rename.").to_dict()) + "\n", encoding="utf-8")
    with AtomicFile(out) as replacing:
        replacing.write(b"")
        with pytest.raises(StoreLockedError, match="in use by"):
            JsonlStore(out)
    assert out.read_bytes() == b""


def test_a_store_made_while_an_export_was_writing_is_not_renamed_over(tmp_path):
    """The output did not exist when the export began; a store opened on it meanwhile wins."""
    out = tmp_path / "out.jsonl"
    replacing = AtomicFile(out)
    replacing.write(b"exported\n")
    with JsonlStore(out) as store:
        store.append_decision(decision("Made meanwhile."))
        with pytest.raises(StoreLockedError):
            replacing.commit()
    replacing.discard()
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == "Made meanwhile."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_lock_is_only_kept_on_the_file_the_name_still_holds(tmp_path, monkeypatch):
    """A file replaced between a store's open and its lock is not written to: the name is opened again."""
    import annotator.core.output_lock as output_lock

    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(decision("The old file.").to_dict()) + "\n", encoding="utf-8")
    newer = tmp_path / "newer"
    newer.write_text(json.dumps(decision("The new file.").to_dict()) + "\n", encoding="utf-8")
    real_flock, calls = output_lock.fcntl.flock, []

    def replaced_meanwhile(fd, operation):
        calls.append(fd)
        if len(calls) == 1:
            os.replace(newer, out)  # another command renames its output over the name right now
        return real_flock(fd, operation)

    monkeypatch.setattr(output_lock.fcntl, "flock", replaced_meanwhile)
    with JsonlStore(out) as store:
        store.append_decision(decision("Appended."))
    assert len(calls) >= 2
    assert [json.loads(x)["text"] for x in out.read_text(encoding="utf-8").splitlines()] == [
        "The new file.", "Appended."]


@pytest.mark.parametrize("output", ["out.drafts.jsonl", "out.rejects.jsonl", "out.jsonl.torn", "gold.drafts"])
def test_a_name_kept_for_a_journal_rejects_or_torn_file_is_never_an_output(tmp_path, output):
    """``annotate -o out.drafts.jsonl`` opened a second session on the first one's draft journal."""
    write_decisions(tmp_path / "in.jsonl")
    for command in (["annotate", "in.jsonl", "-o", output],
                    ["export", "in.jsonl", "--format", "prodigy", "-o", output, "--no-progress"],
                    ["import", "doccano", "in.jsonl", "-o", output],
                    ["review", "in.jsonl", "-o", output]):
        done = annotator(*command, cwd=tmp_path)
        assert done.returncode == 2, (command, done.stderr)
        assert f"error: {output}: this name is kept for the" in done.stderr, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
