"""``annotator validate [--deep]`` on the command line: what --help promises, exit status, FILE:LINE messages."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.records import Annotation, Task

runner = CliRunner()


def decision(text: str, who: str = "alice", **changes) -> str:
    record = Annotation(Task(text=text), "accept", who, f"{who}-1", 1_700_000_000).to_dict()
    record.update(changes)
    return json.dumps(record)


def test_help_says_what_the_default_checks_and_what_deep_adds():
    result = runner.invoke(app, ["validate", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "--deep" in text and "every line is read in full" in text
    assert "two texts under one _input_hash" in text


def test_deep_fails_on_a_hash_clash_the_default_does_not_look_for(tmp_path):
    path = tmp_path / "clash.jsonl"
    path.write_text(decision("One text.", _input_hash=5) + "\n" + decision("Another text.", _input_hash=5) + "\n")
    quick = runner.invoke(app, ["validate", str(path)])
    assert quick.exit_code == 0 and "2 record(s), ok" in quick.output
    deep = runner.invoke(app, ["validate", "--deep", str(path)])
    assert deep.exit_code == 2
    assert f"{path}:2: _input_hash 5 is also carried by a different text ({path}:1)" in deep.output
    assert "2 record(s), 1 bad line(s)" in deep.output


def test_deep_summary_counts_replaced_decisions_and_still_exits_0(tmp_path):
    path = tmp_path / "history.jsonl"
    path.write_text("\n".join([decision("Same text."), decision("Same text."), decision("Same text.", "bob")]) + "\n")
    result = runner.invoke(app, ["validate", "--deep", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 record(s), ok; 1 decision(s) replaced by a later one from the same annotator" in result.output


def test_bad_lines_are_reported_alike_with_and_without_deep(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(decision("Fine.") + "\n{oops\n" + decision("Also fine.", answer="maybe") + "\n")
    outputs = [runner.invoke(app, ["validate", *flag, str(path)]) for flag in ([], ["--deep"])]
    assert [r.exit_code for r in outputs] == [2, 2]
    assert outputs[0].output == outputs[1].output
    assert f"{path}:2: invalid JSON" in outputs[0].output and f"{path}:3: answer: 'maybe'" in outputs[0].output
