"""Per-record isolation: a line no strict JSON reader accepts is one located error, and the rest is read."""

from __future__ import annotations

import json
import os

import pytest

from annotator.core.hashing import input_hash
from annotator.core.sources import HASH_CLASH_KEY, InputError, iter_raw, read_tasks

GOOD_BEFORE = b'{"text": "First document."}\n'
GOOD_AFTER = b'{"text": "Third document."}\n'

POISON = {
    "huge integer": (b'{"text": "x", "n": ' + b"9" * 5000 + b"}", "number in the line is too long"),
    "deep nesting": (b'{"text": "x", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
    "NaN": (b'{"text": "x", "meta": {"score": NaN}}', "NaN is not a JSON number"),
    "Infinity": (b'{"text": "x", "meta": {"score": Infinity}}', "Infinity is not a JSON number"),
    "-Infinity": (b'{"text": "x", "meta": {"score": -Infinity}}', "-Infinity is not a JSON number"),
    "float overflow": (b'{"text": "x", "meta": {"score": 1e400}}', "too large for a 64-bit float"),
    "lone surrogate in text": (b'{"text": "a \\ud800 b"}', "lone surrogate \\ud800"),
    "lone low surrogate in a key": (b'{"text": "x", "meta": {"\\udc00": 1}}', "lone surrogate \\udc00"),
    "reversed surrogate pair": (b'{"text": "\\ude00\\ud83d"}', "lone surrogate"),
}


@pytest.mark.parametrize("case", list(POISON), ids=list(POISON))
def test_a_line_strict_json_refuses_is_an_error_at_its_line(tmp_path, case):
    line, message = POISON[case]
    path = tmp_path / "in.jsonl"
    path.write_bytes(GOOD_BEFORE + line + b"\n" + GOOD_AFTER)
    with pytest.raises(InputError, match=rf"in\.jsonl:2: .*{message}".replace("\\u", "\\\\u")) as err:
        list(read_tasks([path]))
    assert len(str(err.value)) < 300


@pytest.mark.parametrize("case", list(POISON), ids=list(POISON))
def test_with_a_reject_handler_the_rest_of_the_file_is_still_read(tmp_path, case):
    line, _ = POISON[case]
    path = tmp_path / "in.jsonl"
    path.write_bytes(GOOD_BEFORE + line + b"\n" + GOOD_AFTER)
    rejected = []
    texts = [task.text for _, task in read_tasks([path], on_invalid=lambda e, raw: rejected.append(e.line))]
    assert texts == ["First document.", "Third document."]
    assert rejected == [2]


def test_a_surrogate_pair_escape_is_one_character_and_fine(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "smile \\ud83d\\ude00 and a literal \\\\ud800"}\n')
    [raw] = list(iter_raw(path))
    assert raw.error is None
    assert raw.data["text"] == "smile \U0001F600 and a literal \\ud800"


def test_ordinary_floats_and_large_integers_within_limits_are_kept(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "x", "meta": {"score": 0.25, "big": 123456789012345678901234567890}}\n')
    [raw] = list(iter_raw(path))
    assert raw.data["meta"] == {"score": 0.25, "big": 123456789012345678901234567890}


def test_nesting_that_parses_but_is_too_deep_to_check_is_a_located_error(tmp_path):
    # Deep enough to pass the C parser but not a repr or a recursive check further on.
    path = tmp_path / "in.jsonl"
    nested = "[" * 950 + "]" * 950
    path.write_text(json.dumps({"text": "x"})[:-1] + f', "spans": [{{"label": {nested}}}]}}\n' + GOOD_AFTER.decode())
    rejected = []
    texts = [t.text for _, t in read_tasks([path], on_invalid=lambda e, raw: rejected.append(str(e)))]
    assert texts == ["Third document."]
    assert len(rejected) == 1 and rejected[0].startswith(f"{path}:1: ")


def test_a_named_pipe_as_input_is_refused_with_its_name_instead_of_hanging(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"pipe\.jsonl: is a named pipe \(FIFO\), not a regular file"):
        list(iter_raw(fifo))
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("A document.")
    os.mkfifo(folder / "b.jsonl")
    # In a folder only regular files are read: the pipe is passed over, never opened.
    assert [raw.data["text"] for raw in iter_raw(folder)] == ["A document."]


def test_different_texts_with_one_supplied_hash_are_kept_apart_and_reported(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"text": t, "_input_hash": 42}) + "\n"
                            for t in ("Text one.", "Text two.", "Text one.", "Text three.")))
    notices = []
    got = [task for _, task in read_tasks([path], on_notice=notices.append)]
    assert [t.input_hash for t in got] == [42, input_hash("Text two."), 42, input_hash("Text three.")]
    assert [t.meta.get(HASH_CLASH_KEY) for t in got] == [None, 42, None, 42]
    assert [(n.line, "in.jsonl:1" in n.message) for n in notices] == [(2, True), (4, True)]
    assert "_input_hash 42 is also carried by a different text" in str(notices[0])


def test_a_supplied_hash_is_kept_when_no_other_text_carries_it(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Prodigy text.", "_input_hash": 7}) + "\n")
    [task] = [task for _, task in read_tasks([path])]
    assert task.input_hash == 7 and HASH_CLASH_KEY not in task.meta


def test_a_record_half_appended_by_a_running_writer_is_not_reported_as_cut_off(tmp_path):
    from annotator.core.records import Annotation, Task
    from annotator.core.store import JsonlStore

    path = tmp_path / "out.jsonl"
    with JsonlStore(path) as store:
        store.append_decision(Annotation(Task(text="Done."), "accept", "a", "s", 1))
        with open(path, "ab") as writer:  # the next record, as far as the writer has got
            writer.write('{"text":"Caf\u00e9'.encode()[:-1])  # cut inside the é
        assert [raw.data["text"] for raw in iter_raw(path)] == ["Done."]
    # Once no process holds the file, the same tail is what a crash left: an error at its line.
    [_done, cut] = list(iter_raw(path))
    assert cut.line == 2 and "cut off" in cut.error
