"""``annotator export`` as a program: an existing output needs --force (exit 2 naming it, nothing
written), and a clash of supplied hashes is a warning naming file and line, never a lost document."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.formats.test_hash_clashes import write_clashing

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "export" / "annotations.jsonl"


def annotator(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "300"})


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("format, output", [("spacy", "out.spacy"), ("hf", "out-hf")])
def test_export_over_an_existing_output_exits_2_unless_forced(tmp_path, format, output):
    (tmp_path / "ann.jsonl").write_bytes(FIXTURE.read_bytes())
    first = annotator("export", "ann.jsonl", "-f", format, "-o", output, "--no-progress", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = digests(tmp_path)

    again = annotator("export", "ann.jsonl", "-f", format, "-o", output, "--no-progress", cwd=tmp_path)
    assert again.returncode == 2
    assert again.stderr.startswith(f"error: {output}: already exists")
    assert "--force" in again.stderr and "Traceback" not in again.stderr
    assert digests(tmp_path) == before

    forced = annotator("export", "ann.jsonl", "-f", format, "-o", output, "--no-progress", "--answers", "reject",
                       "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "1 decision(s)" in forced.stderr
    assert digests(tmp_path) != before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_warns_of_a_hash_clash_by_file_and_line_and_exports_both_texts(tmp_path):
    write_clashing(tmp_path / "in.jsonl")
    done = annotator("export", "in.jsonl", "-f", "prodigy", "-o", "out.jsonl", "--no-progress", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert [w.split(": _input_hash 42 is also carried by a different text (in.jsonl:1)")[0] for w in warnings] \
        == ["warning: in.jsonl:2", "warning: in.jsonl:3"]
    assert "3 decision(s) on 3 document(s)" in done.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert len({r["_input_hash"] for r in records}) == 3
