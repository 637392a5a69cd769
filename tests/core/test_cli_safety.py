"""The real program, in a subprocess: exit status, stderr and the raw bytes written to the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from annotator.core.records import Annotation, Task

ESCAPES = "\x1b]0;owned\x07\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x9b31m\u202e[blink]x[/blink]"
ENV = {**os.environ, "TERM": "xterm-256color", "FORCE_COLOR": "1", "COLUMNS": "200"}


def annotator(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=cwd, env=ENV, capture_output=True,
                          timeout=120, stdin=subprocess.DEVNULL)


def decisions(who: str = "alice") -> bytes:
    return b"".join(json.dumps(Annotation(Task(text=t), "accept", who, f"{who}-1", 1).to_dict()).encode() + b"\n"
                    for t in ("First text.", "Second text.", "Third text."))


def assert_terminal_safe(done: subprocess.CompletedProcess) -> None:
    for stream in (done.stdout, done.stderr):
        assert b"Traceback" not in stream
        for sequence in (b"\x1b]", b"\x1b[2J", "\x9b".encode(), b"\x07", "\u202e".encode()):
            assert sequence not in stream, sequence


def test_stats_shows_an_escape_laden_annotator_id_as_text(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(decisions(ESCAPES))
    done = annotator("stats", "a.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert_terminal_safe(done)
    assert b"[blink]x[/blink]" in done.stdout  # Rich markup shown as typed, not interpreted


@pytest.mark.parametrize("command, poison, reason", [
    ("stats", b'"n": ' + b"9" * 5000, b"too long"),
    ("stats", b'"n": ' + b"[" * 100_000 + b"]" * 100_000, b"nested too deeply"),
    ("validate", b'"meta": {"x": NaN}', b"NaN is not a JSON number"),
    ("validate", b'"meta": {"x": "\\ud800"}', b"lone surrogate"),
])
def test_a_poison_line_is_a_located_error_not_a_traceback(tmp_path, command, poison, reason):
    lines = decisions().splitlines(keepends=True)
    lines[1] = lines[1].rstrip(b"}\n") + b", " + poison + b"}\n"
    (tmp_path / "in.jsonl").write_bytes(b"".join(lines))
    done = annotator(command, "in.jsonl", cwd=tmp_path)
    assert done.returncode == 2
    assert_terminal_safe(done)
    assert done.stderr.startswith(b"in.jsonl:2: " if command == "validate" else b"error: in.jsonl:2: ")
    assert reason in done.stderr


def test_export_onto_its_own_input_exits_2_and_keeps_the_input(tmp_path):
    source = tmp_path / "ann.jsonl"
    source.write_bytes(decisions())
    (tmp_path / "link.spacy").symlink_to(source)
    for output in ("ann.jsonl", "link.spacy"):
        done = annotator("export", "ann.jsonl", "--format", "spacy", "-o", output, cwd=tmp_path)
        assert done.returncode == 2
        assert done.stderr.decode().startswith(f"error: {output}: the output is the same file as the input")
    assert source.read_bytes() == decisions()


def test_validate_error_messages_quote_record_fields_safely(tmp_path):
    record = Annotation(Task(text="Ana said yes."), "accept", "a", "s", 1).to_dict()
    record["spans"] = [{"start": 0, "end": 2, "token_start": 0, "token_end": 0, "label": ESCAPES}]
    (tmp_path / "in.jsonl").write_text(json.dumps(record) + "\n")
    done = annotator("validate", "in.jsonl", cwd=tmp_path)
    assert done.returncode == 2
    assert_terminal_safe(done)
    assert "in.jsonl:1: span ␛]0;owned␇".encode() in done.stderr
