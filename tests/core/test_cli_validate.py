"""`annotator validate` and the CLI's handling of bad input: line-numbered messages, exit 2, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.records import Annotation, Task
from annotator.core.store import JsonlStore
from tests.core.test_records import make_task

runner = CliRunner()


def test_validate_accepts_a_record_written_by_the_store(tmp_path):
    path = tmp_path / "out.jsonl"
    with JsonlStore(path) as store:
        store.append_decision(Annotation(make_task(), "accept", "ann", "ann-1", 1700000000))
        store.append_task(Task(text="Jens Stoltenberg said NATO is strong."))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 record(s), ok" in result.output


def test_validate_reports_every_bad_line_with_its_number(tmp_path):
    good = json.dumps(make_task().to_dict())
    bad_span = make_task().to_dict()
    bad_span["spans"][0]["end"] = 14
    lines = [good, "{oops", json.dumps(bad_span), "[]", good, '{"text": "cut']
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:2: invalid JSON" in result.output
    assert f"{path}:3: span PERSON 0-14: end 14 is not on a token end" in result.output
    assert f"{path}:4: expected a JSON object" in result.output
    assert f"{path}:6: the last line is cut off" in result.output
    assert f"{path}:1:" not in result.output and f"{path}:5:" not in result.output
    assert "4 bad line(s)" in result.output


def test_missing_file_is_exit_2_without_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "annotator", "validate", str(tmp_path / "none.jsonl")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "none.jsonl: no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "annotator", "--debug", "validate", str(tmp_path / "x.jsonl")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" in result.stderr


def test_help_lists_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "validate" in result.output
