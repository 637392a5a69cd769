"""Every reader of our records is as strict as ``validate``: the store's quick index proves each line
it skips is JSON, the draft journal reads each line strictly (a bad one is set aside, never a
traceback), and stats, agree, evaluate and export refuse what validate refuses, as FILE:LINE."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.drafts import DraftJournal, drafts_path
from annotator.core.records import Annotation, Span, Task, Token
from annotator.core.sources import InputError
from annotator.core.store import JsonlStore

ROOT = Path(__file__).resolve().parents[2]


def annotator(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL,
                          env={**os.environ, "COLUMNS": "300", "PYTHONPATH": str(ROOT)})


def decided(text: str, who: str = "alice", label: str = "PERSON") -> dict:
    words, tokens, at = text.split(" "), [], 0
    for i, word in enumerate(words):
        tokens.append(Token(word, at, at + len(word), i, i < len(words) - 1))
        at += len(word) + 1
    task = Task(text=text, tokens=tokens, spans=[Span(0, len(words[0]), 0, 0, label)])
    return Annotation(task, "accept", who, f"{who}-1", 1700000000).to_dict()


def store_lines(path: Path, *texts: str) -> list[bytes]:
    with JsonlStore(path) as store:
        for text in texts:
            store._append(decided(text), "accept")
    return path.read_bytes().splitlines(keepends=True)


def test_a_store_line_broken_at_its_start_but_ending_like_ours_is_refused_with_its_line(tmp_path):
    """The quick index read only line ends: annotate then stopped on 'JSONDecodeError' with no file or line."""
    out = tmp_path / "out.jsonl"
    lines = store_lines(out, "Ana said yes", "Bo said no", "Cy said so")
    out.write_bytes(lines[0] + b"#" + lines[1][1:] + lines[2])
    before = out.read_bytes()
    with pytest.raises(InputError, match=r"out\.jsonl:2: the output file has a line that is not JSON"):
        JsonlStore(out)
    assert out.read_bytes() == before
    (tmp_path / "docs.jsonl").write_text('{"text": "A new document."}\n', encoding="utf-8")
    for command in (["annotate", "docs.jsonl", "-o", "out.jsonl"], ["import", "doccano", "docs.jsonl", "-o", "out.jsonl"]):
        done = annotator(*command, cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert "error: out.jsonl:2: the output file has a line that is not JSON" in done.stderr
        assert "Traceback" not in done.stderr
    assert out.read_bytes() == before


def test_a_number_the_quick_index_lets_through_is_refused_when_read_with_its_line(tmp_path):
    out = tmp_path / "out.jsonl"
    lines = store_lines(out, "Ana said yes", "Bo said no")
    out.write_bytes(lines[0] + lines[1].replace(b'"meta":{}', b'"meta":{"n":1e999}', 1))
    with JsonlStore(out) as store:
        with pytest.raises(InputError, match=r"out\.jsonl:2: the output file has a line that cannot be read"):
            list(store.iter_latest())


@pytest.mark.parametrize("bad", [
    b'{"_input_hash": [1]}',
    b'{"_input_hash": {}}',
    b'{"_input_hash": 5, "spans": {}, "relations": []}',
    b'{"_input_hash": 5, "spans": [[0, 0, ""]], "relations": []}',
    b'{"_input_hash": 5, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    b'{"_input_hash": 5, "spans": [], "relations": [], "n": NaN}',
    b'[1, 2]',
    b'\xff\xfe',
])
def test_a_bad_draft_journal_line_is_set_aside_with_its_line_and_the_others_kept(tmp_path, bad):
    """A journal line ``{"_input_hash": [1]}`` gave a traceback, and annotate would not open until it was deleted."""
    out = tmp_path / "out.jsonl"
    text = "Ann met Bob."
    tokens = [Token("Ann", 0, 3, 0, True), Token("met", 4, 7, 1, True), Token("Bob", 8, 11, 2, False),
              Token(".", 11, 12, 3, False)]
    task = Task(text=text, tokens=tokens)
    good = json.dumps({"_input_hash": task.input_hash, "spans": [[0, 0, "PERSON"]], "relations": []},
                      separators=(",", ":")).encode()
    drafts_path(out).write_bytes(good + b"\n" + bad + b"\n")
    heard = []
    journal = DraftJournal(out, on_problem=heard.append)
    assert [str(e) for e in heard] == [str(e) for e in journal.problems] and len(heard) == 1
    assert str(heard[0]).startswith(f"{drafts_path(out)}:2: ")
    assert [s.label for s in journal.apply(task).spans] == ["PERSON"]
    assert (tmp_path / "out.drafts.jsonl.torn").read_bytes() == bad + b"\n"  # nothing is lost
    assert drafts_path(out).read_bytes() == good + b"\n"


def test_annotate_opens_past_a_damaged_journal_and_says_where_the_line_went(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"text": "A new document."}\n', encoding="utf-8")
    drafts_path(tmp_path / "out.jsonl").write_bytes(b'{"_input_hash": [1]}\n')
    code = ("import sys; from annotator.tui.app import create_app; "
            "app = create_app([sys.argv[1]], sys.argv[2]); print('opened', len(app.annotation_run.drafts))")
    done = subprocess.run([sys.executable, "-c", code, str(docs), str(tmp_path / "out.jsonl")], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert "opened 0" in done.stdout
    assert f"warning: {tmp_path}/out.drafts.jsonl:1: '_input_hash' must be an integer" in done.stderr


@pytest.mark.parametrize("change, reason", [
    (lambda r: r.update(_annotator_id={"x": 1}), "'_annotator_id' must be a string or null"),
    (lambda r: r.update(_session_id=[1]), "'_session_id' must be a string or null"),
    (lambda r: r.update(_timestamp="soon"), "'_timestamp' must be an integer"),
    (lambda r: r["spans"][0].update(label=""), "'label' is empty"),
    (lambda r: r["spans"][0].update(token_start=True), "'token_start' must be an integer"),
])
@pytest.mark.parametrize("command", ["stats", "agree", "evaluate", "export-prodigy", "export-hf", "validate"])
def test_every_reader_refuses_what_validate_refuses_with_file_and_line(tmp_path, change, reason, command):
    records = [decided(t) for t in ("Ana said yes", "Bo said no", "Cy said so")]
    change(records[1])
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps(decided("Ana said yes", "bob")) + "\n", encoding="utf-8")
    args = {"stats": ["stats", "in.jsonl"], "agree": ["agree", "in.jsonl", "b.jsonl"],
            "evaluate": ["evaluate", "in.jsonl", "b.jsonl"], "validate": ["validate", "in.jsonl"],
            "export-prodigy": ["export", "in.jsonl", "-f", "prodigy", "-o", "o.jsonl", "--no-progress"],
            "export-hf": ["export", "in.jsonl", "-f", "hf", "-o", "o-hf", "--no-progress"]}[command]
    done = annotator(*args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "in.jsonl:2: " in done.stderr
    if command != "validate":
        assert done.stderr.startswith("error: in.jsonl:2: ") and reason in done.stderr, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.jsonl", "in.jsonl"]
