"""``validate_file``: every line checked on its own, the quick way by default and the full way with
``deep``, with the same verdict and messages; ``deep`` adds the checks between records."""

from __future__ import annotations

import io
import json
import sys

import pytest

import annotator.core.validation as validation
from annotator.core.records import Annotation, Task
from annotator.core.store import JsonlStore
from annotator.core.validation import validate_file, validate_files
from tests.core.test_records import make_task


def decision(text: str = "Ana said it rained.", who: str = "alice", answer: str = "accept", **changes) -> dict:
    record = Annotation(Task(text=text), answer, who, f"{who}-1", 1_700_000_000).to_dict()
    record.update(changes)
    return record


def write_lines(path, *records) -> None:
    path.write_bytes(b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records))


def problems(report) -> list[str]:
    return [str(p) for p in report.problems]


def test_default_and_deep_report_the_same_problems_with_their_lines(tmp_path):
    bad_span = make_task().to_dict()
    bad_span["spans"][0]["end"] = 14
    path = tmp_path / "mixed.jsonl"
    write_lines(path, make_task().to_dict(), b"{oops", bad_span, b"[]", decision(answer="maybe"),
                b'{"text": "x", "meta": {"n": NaN}}', decision(), b"", decision(text="Bo wrote.", _timestamp="now"))
    quick, deep = validate_file(path), validate_file(path, deep=True)
    assert problems(quick) == problems(deep)
    assert quick.records == deep.records == 8
    assert sorted({p.line for p in quick.problems}) == [2, 3, 4, 5, 6, 9]
    assert f"{path}:3: span PERSON 0-14: end 14 is not on a token end" in problems(quick)
    assert any(p.startswith(f"{path}:9: _timestamp: 'now' is not of type 'integer'") for p in problems(quick))


def test_lines_the_quick_check_proves_sound_skip_the_full_check(tmp_path, monkeypatch):
    path = tmp_path / "out.jsonl"
    with JsonlStore(path) as store:
        store.append_task(make_task())
        store.append_decision(Annotation(make_task(), "accept", "ann", "ann-1", 1700000000))
    checked: list[int] = []
    full_check = validation._full_check
    monkeypatch.setattr(validation, "_full_check", lambda raw: checked.append(raw.line) or full_check(raw))
    assert validate_file(path).ok and checked == []
    assert validate_file(path, deep=True).ok and checked == [1, 2]


def test_byte_order_mark_windows_line_ends_blank_lines_and_a_last_line_without_newline_are_read(tmp_path):
    path = tmp_path / "win.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(decision()).encode() + b"\r\n\r\n   \n"
                     + json.dumps(decision(text="Bo wrote.")).encode())
    report = validate_file(path)
    assert report.ok and report.records == 2


def test_a_cut_off_last_line_is_reported_as_cut_off(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_bytes(json.dumps(decision()).encode() + b"\n" + json.dumps(decision())[:30].encode())
    assert [p.message for p in validate_file(path).problems] == [
        "the last line is cut off (no newline and not complete JSON): the file may have been truncated "
        "while it was written"]


def test_standard_input_is_read_and_named(monkeypatch):
    data = json.dumps(decision()).encode() + b"\n{oops\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    report = validate_file("-")
    assert report.records == 2 and problems(report)[0].startswith("<stdin>:2: invalid JSON")


def test_deep_reports_two_texts_under_one_supplied_input_hash(tmp_path):
    path = tmp_path / "clash.jsonl"
    first = decision(text="Ana said it rained.", _input_hash=42)
    write_lines(path, first, decision(text="Ana said it rained.", who="bob", _input_hash=42),
                decision(text="A different text.", _input_hash=42))
    assert validate_file(path).ok  # each line is sound on its own
    report = validate_file(path, deep=True)
    assert problems(report) == [f"{path}:3: _input_hash 42 is also carried by a different text ({path}:1); "
                                "annotator's readers keep the two apart, Prodigy would take them for one "
                                "document"]


def test_deep_finds_a_clash_across_files_as_export_reads_them_together(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_lines(a, decision(text="One text.", _input_hash=7))
    write_lines(b, decision(text="Another text.", _input_hash=7))
    reports = validate_files([a, b], deep=True)
    assert reports[0].ok and [p.line for p in reports[1].problems] == [1]
    assert f"({a}:1)" in reports[1].problems[0].message


def test_deep_counts_decisions_the_same_annotator_replaced_later(tmp_path):
    path = tmp_path / "history.jsonl"
    task = make_task()
    write_lines(path, task.to_dict(), decision(text=task.text, answer="reject"), decision(text=task.text),
                decision(text=task.text, who="bob"), decision(text=task.text, answer="ignore"))
    report = validate_file(path, deep=True)
    assert report.ok and report.replaced_decisions == 2
    assert validate_file(path).replaced_decisions == 0  # not looked for without deep


@pytest.mark.parametrize("deep", [False, True])
def test_a_folder_of_parts_is_its_jsonl_files(tmp_path, deep):
    (tmp_path / "parts").mkdir()
    write_lines(tmp_path / "parts" / "part-0.jsonl", decision())
    write_lines(tmp_path / "parts" / "part-1.jsonl", b"{oops")
    (tmp_path / "parts" / "notes.txt").write_text("not a part")
    reports = validate_files([tmp_path / "parts"], deep=deep)
    assert [r.ok for r in reports] == [True, False]
