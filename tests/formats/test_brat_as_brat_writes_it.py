"""brat as brat writes it: its own tutorial files (nested events, attributes) import, every
relation and attribute is exported, ``annotation.conf`` declares every type, spans keep their
exact characters, annotators come back, and broken files are located errors."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.records import Annotation
from annotator.formats.brat_reading import import_brat
from annotator.formats.brat_writing import ann_text
from annotator.formats.exporting import export_annotations
from tests.conftest import FIXTURES
from tests.formats.records_by_hand import make_task

TUTORIALS = FIXTURES / "formats" / "brat_tutorials"
RUNNER = CliRunner()


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def relations(record: dict) -> set[tuple[str, str, str]]:
    return {(r["head_span"]["text"], r["label"], r["child_span"]["text"]) for r in record["relations"]}


def tutorial(tmp_path: Path, name: str) -> dict:
    out = tmp_path / f"{name}.jsonl"
    report = import_brat(sources=[TUTORIALS / f"{name}.ann"], output=out)
    assert not report.failed, [str(e) for e in report.failed]
    (record,) = read_jsonl(out)
    return record


def test_nested_events_from_brats_tutorial_are_imported(tmp_path):
    record = tutorial(tmp_path, "090-event_structures")
    # E2 Positive_regulation:T4 Cause:T1 Theme:E1, where E1 is Gene_expression:T3 Theme:T2
    assert {("upregulates", "Cause", "LMP1"), ("upregulates", "Theme", "expression"),
            ("expression", "Theme", "IL-10"), ("inhibited", "Theme", "upregulation")} <= relations(record)
    assert {s["label"] for s in record["spans"]} == {"Protein", "Gene_expression", "Positive_regulation",
                                                     "Negative_regulation"}


def test_attributes_are_kept_and_written_back(tmp_path):
    record = tutorial(tmp_path, "100-attribute_annotation")
    kept = {(a["name"], a["value"], a["start"]) for a in record["meta"]["brat"]["attributes"]}
    assert ("Negation", True, 627) in kept and ("Confidence", "Possible", 531) in kept and len(kept) == 5
    lines = ann_text(Annotation.from_dict(record).task).splitlines()
    attributes = sorted(line.split("\t")[1].split()[0::2] for line in lines if line.startswith("A"))
    assert attributes == [["Confidence", "Certain"], ["Confidence", "Likely"], ["Confidence", "Likely"],
                          ["Confidence", "Possible"], ["Negation"]]


def test_every_relation_is_exported_none_dropped(tmp_path):
    task = make_task("Kinase A activates kinase B .", spans=[("GGP", "Kinase A"), ("GGP", "kinase B")],
                     relations=[(0, 1, "Pos-Reg")])
    assert ann_text(task).splitlines()[-1] == "R1\tPos-Reg Arg1:T1 Arg2:T2"


def conf_sections(conf: str) -> dict[str, set[str]]:
    sections: dict[str, set[str]] = {}
    current = None
    for line in conf.splitlines():
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), set())
        elif line.strip() and current is not None:
            current.add(line.split("\t")[0])
    return sections


def test_annotation_conf_declares_every_type_written(tmp_path):
    source = tmp_path / "tut.jsonl"
    import_brat(sources=[TUTORIALS], output=source)
    export_annotations(sources=[source], format="brat", output=tmp_path / "out")
    sections = conf_sections((tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8"))
    used = {"T": set(), "R": set(), "A": set(), "E": set()}
    for ann in (tmp_path / "out").glob("*.ann"):
        for line in ann.read_text(encoding="utf-8").splitlines():
            used[line[0]].add(re.split(r"[\s:]", line.split("\t")[1])[0])
    assert used["T"] <= sections["entities"] | sections["events"]
    assert used["R"] <= sections["relations"] and used["A"] <= sections["attributes"]
    assert "<OVERLAP>" in sections["relations"]


def test_a_round_trip_keeps_the_annotator_of_a_single_decision(tmp_path):
    task = make_task("Ana Lind said the bridge will open.", spans=[("PERSON", "Ana Lind")])
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text(json.dumps(Annotation(task, "accept", "rosa", "rosa-1", 100).to_dict()) + "\n")
    export_annotations(sources=[decisions], format="brat", output=tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").glob("*.ann")) == ["by-hand.ann"]
    import_brat(sources=[tmp_path / "out"], output=tmp_path / "again.jsonl")
    (record,) = read_jsonl(tmp_path / "again.jsonl")
    assert record["_annotator_id"] == "rosa"


@pytest.mark.parametrize("ann, message", [
    ("T1\tContent 0 4\tAnna\nA1\tQuoteType T7 direct\n", "doc.ann:2: attribute QuoteType: T7 names no annotation"),
    ("T1\tProtein 0 4\tAnna\nE1\tBinding:T1 Theme:E9\n", "doc.ann:2: E1: Theme:E9 names no T or E annotation"),
    ("T1\tProtein 0 4\tAnna\nR1\tPart-of Arg1:T1 Arg2:E3\n", "doc.ann:2: R1: E3 names no T or E annotation"),
])
def test_references_to_missing_annotations_are_located_errors(tmp_path, ann, message):
    (tmp_path / "doc.txt").write_text("Anna spoke.\n", encoding="utf-8")
    (tmp_path / "doc.ann").write_text(ann, encoding="utf-8")
    result = RUNNER.invoke(app, ["import", "brat", str(tmp_path), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2 and message in result.output, result.output


def test_an_ann_that_is_a_named_pipe_is_refused_not_read(tmp_path):
    (tmp_path / "doc.txt").write_text("Anna spoke.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "doc.ann")
    result = RUNNER.invoke(app, ["import", "brat", str(tmp_path / "doc.ann"), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2 and "named pipe" in result.output, result.output


def test_a_span_over_a_line_break_is_written_in_fragments_as_brat_does_and_read_back_whole(tmp_path):
    text = "Rule 3.\n\nThe number of people grew.\n"
    task = make_task(text, spans=[("QUOTE:indirect", "3.\n\nThe number of people")])
    line = ann_text(task).splitlines()[0]
    assert line == "T1\tContent 5 7;9 29\t3. The number of people"
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text(json.dumps(Annotation(task, "accept", "ana", "s", 1).to_dict()) + "\n")
    export_annotations(sources=[decisions], format="brat", output=tmp_path / "out")
    import_brat(sources=[tmp_path / "out"], output=tmp_path / "again.jsonl")
    (record,) = read_jsonl(tmp_path / "again.jsonl")
    assert [(s["start"], s["end"], s["label"]) for s in record["spans"]] == [(5, 29, "QUOTE")]
