"""The store recognises a file before touching it, repairs only a cut-off tail (and says so), and
rolls back a write that failed half-way."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap

import pytest

from annotator.core.records import Annotation, RecordError, Task
from annotator.core.sources import InputError
from annotator.core.store import ForeignOutputError, JsonlStore


def decision(text: str, answer: str = "accept") -> Annotation:
    return Annotation(Task(text=text), answer, "ann", "ann-1", 1700000000)


def line_of(text: str) -> bytes:
    record = decision(text).to_dict()
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


@pytest.mark.parametrize("content", [
    b"\x00\x01binary DocBin-like bytes\n\x00more\nend",
    b"PK\x03\x04 zip header then text\nlast line",
    b'{"text": "an input, not a record"}\n{"text": "second"}\n{"text": "third, cut',
    b"text,label\nhello,world\n",
    b'{"text": "a complete JSON object that is no record"}',
    b"plain words without a newline",
], ids=["binary", "zip", "input-jsonl", "csv", "one-foreign-object", "one-line-of-words"])
def test_a_file_that_is_not_ours_is_refused_untouched(tmp_path, content):
    path = tmp_path / "out.jsonl"
    path.write_bytes(content)
    with pytest.raises(ForeignOutputError, match=r"was not written by this tool .*left untouched"):
        JsonlStore(path, on_repair=None)
    assert path.read_bytes() == content
    assert not (tmp_path / "out.jsonl.torn").exists()


def test_a_complete_last_record_without_newline_is_kept_and_the_newline_added(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(line_of("first") + line_of("second").rstrip(b"\n"))
    reports = []
    with JsonlStore(path, on_repair=reports.append) as store:
        assert len(store) == 2
        store.append_decision(decision("third"))
    assert [json.loads(x)["text"] for x in path.read_text().splitlines()] == ["first", "second", "third"]
    assert not (tmp_path / "out.jsonl.torn").exists()
    assert reports == [f"{path}: the last line (line 2) was a complete record without a final newline; "
                       "added the newline"]


def test_a_cut_off_tail_is_moved_aside_and_reported_with_bytes_and_place(tmp_path):
    path = tmp_path / "out.jsonl"
    torn = line_of("second")[:30]
    path.write_bytes(line_of("first") + torn)
    reports = []
    with JsonlStore(path, on_repair=reports.append) as store:
        assert len(store) == 1
    assert path.read_bytes() == line_of("first")
    assert (tmp_path / "out.jsonl.torn").read_bytes() == torn + b"\n"
    assert reports == [f"{path}: the last line (line 2) was cut off, as by a crash while writing; "
                       f"moved its 30 byte(s) to {tmp_path / 'out.jsonl.torn'}"]


def test_repairs_are_reported_on_standard_error_by_default(tmp_path, capfd):
    path = tmp_path / "out.jsonl"
    path.write_bytes(line_of("first") + b'{"text":"\x1b]0;owned\x07 cut')
    JsonlStore(path).close()
    err = capfd.readouterr().err
    assert err.startswith(f"warning: {path}: the last line (line 2) was cut off")
    assert "\x1b" not in err


def test_a_first_record_cut_off_by_a_crash_is_moved_aside(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(line_of("only")[:25])
    with JsonlStore(path, on_repair=None) as store:
        assert len(store) == 0
    assert path.read_bytes() == b""
    assert (tmp_path / "out.jsonl.torn").read_bytes() == line_of("only")[:25] + b"\n"


def test_a_complete_last_line_that_is_json_but_no_record_is_an_error_and_untouched(tmp_path):
    path = tmp_path / "out.jsonl"
    content = line_of("first") + b'{"text": "not ours"}'
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"out\.jsonl:2: the last line is complete JSON but not"):
        JsonlStore(path, on_repair=None)
    assert path.read_bytes() == content


class _DiskFull:
    """``os.write`` that writes ``allow`` bytes in all, then fails as a full disk does."""

    def __init__(self, allow: int) -> None:
        self.allow = allow
        self.real = os.write

    def __call__(self, fd, data):
        if self.allow <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        written = self.real(fd, bytes(data[: self.allow]))
        self.allow -= written
        return written


def test_a_write_that_fails_half_way_is_cut_back_and_the_next_starts_clean(tmp_path, monkeypatch):
    path = tmp_path / "out.jsonl"
    with JsonlStore(path) as store:
        store.append_decision(decision("first"))
        size = path.stat().st_size
        monkeypatch.setattr(os, "write", _DiskFull(40))
        with pytest.raises(OSError, match="No space left"):
            store.append_decision(decision("second"))
        assert path.stat().st_size == size
        monkeypatch.undo()
        store.append_decision(decision("third"))
    assert [json.loads(x)["text"] for x in path.read_text().splitlines()] == ["first", "third"]
    with JsonlStore(path) as store:
        assert len(store) == 2


def test_when_the_cut_back_fails_too_it_is_retried_before_the_next_write(tmp_path, monkeypatch):
    path = tmp_path / "out.jsonl"
    with JsonlStore(path) as store:
        store.append_decision(decision("first"))
        size = path.stat().st_size
        monkeypatch.setattr(os, "write", _DiskFull(40))
        monkeypatch.setattr(os, "ftruncate", lambda fd, n: (_ for _ in ()).throw(OSError(errno.EIO, "I/O error")))
        with pytest.raises(OSError, match="No space left"):
            store.append_decision(decision("second"))
        assert path.stat().st_size == size + 40  # the fragment is still there...
        monkeypatch.undo()
        store.append_decision(decision("third"))  # ...and is cut off before this line is written
    assert [json.loads(x)["text"] for x in path.read_text().splitlines()] == ["first", "third"]


SHORT_WRITER = textwrap.dedent("""
    import resource, signal, sys
    from annotator.core.records import Annotation, Task
    from annotator.core.store import JsonlStore
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead
    store = JsonlStore(sys.argv[1])
    store.append_decision(Annotation(Task(text="small"), "accept", "a", "s", 1))
    size = store.path.stat().st_size
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 100, resource.RLIM_INFINITY))
    try:
        store.append_decision(Annotation(Task(text="big " + "x" * 5000), "accept", "a", "s", 1))
    except OSError as err:
        print("failed:", err.errno, store.path.stat().st_size - size, flush=True)
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    store.append_decision(Annotation(Task(text="after"), "accept", "a", "s", 1))
    store.close()
""")


def test_a_real_short_write_at_the_file_size_limit_is_rolled_back(tmp_path):
    path = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-c", SHORT_WRITER, str(path)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"failed: {errno.EFBIG} 0"
    assert [json.loads(x)["text"] for x in path.read_text().splitlines()] == ["small", "after"]


@pytest.mark.parametrize("meta", [{"score": float("nan")}, {"score": float("inf")}, {"bad": "\ud800"}])
def test_a_record_strict_json_cannot_hold_is_refused_and_nothing_written(tmp_path, meta):
    path = tmp_path / "out.jsonl"
    task = Task(text="some text", meta=meta)
    with JsonlStore(path) as store:
        with pytest.raises(RecordError, match="cannot be written as strict JSON"):
            store._append(Annotation(task, "accept", "a", "s", 1).to_dict(), "accept")
    assert not path.exists()  # made by the open, removed on close: nothing was written


def test_a_named_pipe_as_output_is_refused_with_its_name(tmp_path):
    fifo = tmp_path / "out.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"out\.jsonl: is a named pipe"):
        JsonlStore(fifo)
