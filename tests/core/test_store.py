"""The store: append-only, locked, fsynced, repairs a torn tail, resumes; survives SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from annotator.core.records import Annotation, RecordError, Span, Task
from annotator.core.sources import InputError
from annotator.core.store import JsonlStore, StoreLockedError


def decision(text: str, answer: str = "accept") -> Annotation:
    return Annotation(Task(text=text), answer, "ann", "ann-1", 1700000000)


def test_appends_one_line_per_decision_and_newest_wins(tmp_path):
    path = tmp_path / "out.jsonl"
    with JsonlStore(path) as store:
        store.append_decision(decision("one"))
        store.append_decision(decision("two", "reject"))
        store.append_decision(decision("one", "ignore"))
    lines = path.read_text().splitlines()
    assert len(lines) == 3
    with JsonlStore(path) as store:
        assert len(store) == 2
        one = Task(text="one").input_hash
        assert store.answer(one) == "ignore"
        assert store.latest(one)["answer"] == "ignore"
        assert [r["text"] for r in store.iter_latest()] == ["two", "one"]


def test_second_writer_gets_a_clear_error(tmp_path):
    path = tmp_path / "out.jsonl"
    with JsonlStore(path):
        code = textwrap.dedent(f"""
            from annotator.core.store import JsonlStore, StoreLockedError
            try:
                JsonlStore({str(path)!r})
            except StoreLockedError as err:
                print("locked:", err)
        """)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # The refusal names the holder: this test's own process.
    assert "locked:" in result.stdout and f"in use by another process (pid {os.getpid()}:" in result.stdout
    with JsonlStore(path):  # released on close
        pass


def test_same_process_second_open_is_refused_too(tmp_path):
    path = tmp_path / "out.jsonl"
    with JsonlStore(path):
        with pytest.raises(StoreLockedError):
            JsonlStore(path)


def test_torn_last_line_is_moved_aside_and_complete_lines_kept(tmp_path):
    path = tmp_path / "out.jsonl"
    with JsonlStore(path) as store:
        store.append_decision(decision("kept"))
    with open(path, "ab") as f:
        f.write(b'{"text": "torn", "answ')
    with JsonlStore(path) as store:
        assert store.repaired_bytes == len(b'{"text": "torn", "answ')
        assert len(store) == 1
        store.append_decision(decision("after"))
    assert [json.loads(x)["text"] for x in path.read_text().splitlines()] == ["kept", "after"]
    assert (tmp_path / "out.jsonl.torn").read_bytes() == b'{"text": "torn", "answ\n'


def test_invariants_are_checked_before_writing(tmp_path):
    path = tmp_path / "out.jsonl"
    task = Task(text="abc")
    task.spans.append(Span(0, 3, 0, 0, "ORG"))  # spans but no tokens
    with JsonlStore(path) as store:
        with pytest.raises(RecordError, match="no tokens"):
            store.append_decision(Annotation(task, "accept", "a", "s", 1))
    assert not path.exists()  # made by the open, removed on close: nothing was written


def test_a_foreign_line_in_the_output_is_an_error_not_a_silent_fix(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text('{"text": "x", "_input_hash": 1}\nnot json\n')
    with pytest.raises(InputError, match=r"out.jsonl:2"):
        JsonlStore(path)
    assert path.read_text().endswith("not json\n")


def test_output_in_a_missing_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        JsonlStore(tmp_path / "nope" / "out.jsonl")


WRITER = textwrap.dedent("""
    import sys
    from annotator.core.records import Annotation, Task
    from annotator.core.store import JsonlStore
    store = JsonlStore(sys.argv[1])
    start = len(store)
    print(start, flush=True)
    for i in range(start, 100000):
        store.append_decision(Annotation(Task(text=f"document number {i} " + "x" * 300), "accept", "a", "s", 1))
""")


def test_sigkill_while_appending_leaves_a_file_the_next_run_resumes(tmp_path):
    path = tmp_path / "out.jsonl"
    for _round in range(3):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        start = int(proc.stdout.readline())
        # Every line is at most 560 bytes: wait for at least 1,000 new ones before the kill.
        target = path.stat().st_size + 1000 * 560
        deadline = time.time() + 30
        while time.time() < deadline and path.stat().st_size < target:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        with JsonlStore(path) as store:
            count = len(store)
        lines = path.read_bytes().split(b"\n")
        assert lines[-1] == b""  # after the reopen, no torn tail remains
        parsed = [json.loads(line) for line in lines[:-1]]
        assert len(parsed) == count >= start + 1000
        assert [p["text"].split()[2] for p in parsed] == [str(i) for i in range(count)]


def test_fast_index_of_our_lines_agrees_with_a_full_parse(tmp_path, monkeypatch):
    import re

    from annotator.core import store as store_module

    path = tmp_path / "out.jsonl"
    with JsonlStore(path) as store:
        for i, who in enumerate(['plain', 'with "quotes" and \\ backslash', 'ünïcødé', "x" * 5000]):
            store.append_decision(Annotation(Task(text=f"doc {i}"), "reject", who, "s", 1))
        store.append_task(Task(text="a task without an answer"))
        store.append_decision(Annotation(Task(text="doc 0"), "ignore", "plain", "s", 2))
    # A record written by another tool, with its fields in another order.
    foreign = {"_input_hash": Task(text="foreign").input_hash, "answer": "accept", "text": "foreign"}
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(foreign) + "\n")
    with JsonlStore(path) as store:
        fast = dict(store._latest)
    monkeypatch.setattr(store_module, "_OUR_LINE_END", re.compile(rb"(?!)"))  # never matches
    with JsonlStore(path) as store:
        slow = dict(store._latest)
    assert fast == slow
    assert fast[Task(text="doc 0").input_hash][1] == "ignore"
    assert fast[Task(text="a task without an answer").input_hash][1] is None
    assert fast[Task(text="foreign").input_hash][1] == "accept"


def test_a_dash_as_output_is_refused_instead_of_creating_a_file_named_dash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="not standard output"):
        JsonlStore("-")
    assert not (tmp_path / "-").exists()
