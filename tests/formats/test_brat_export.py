"""``annotator export --format brat``: folders of .txt + .ann that ``import brat`` reads back the same."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.records import Annotation
from annotator.core.output_paths import REGISTRY  # what a folder export records it wrote
from annotator.formats.brat_reading import import_brat
from annotator.formats.brat_writing import ann_text
from annotator.formats.exporting import export_annotations
from tests.formats.records_by_hand import make_task
from tests.formats.test_brat_import import TEXT, attribution_ann, write_pair

RUNNER = CliRunner()


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def content(record: dict) -> tuple[set, set]:
    spans = {(s["start"], s["end"], s["label"], s.get("quote_type")) for s in record["spans"]}
    relations = {(r["head_span"]["start"], r["head_span"]["end"], r["head_span"]["label"],
                  r["child_span"]["start"], r["child_span"]["end"], r["child_span"]["label"], r["label"])
                 for r in record["relations"]}
    return spans, relations


def test_brat_round_trip_import_export_import_keeps_spans_and_relations(tmp_path):
    write_pair(tmp_path / "corpus", "budget", TEXT, attribution_ann(TEXT))
    first = tmp_path / "first.jsonl"
    import_brat(sources=[tmp_path / "corpus"], output=first)

    result = RUNNER.invoke(app, ["export", str(first), "--format", "brat", "-o", str(tmp_path / "out"),
                                 "--no-progress"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [REGISTRY, "annotation.conf", "annotators.json", "budget.ann", "budget.txt"])
    second = tmp_path / "second.jsonl"
    import_brat(sources=[tmp_path / "out"], output=second)

    (before,), (after,) = read_jsonl(first), read_jsonl(second)
    assert after["text"] == before["text"]
    assert content(after) == content(before)
    assert after["_task_hash"] == before["_task_hash"]


def test_brat_export_writes_polnear_shaped_events_and_coref(tmp_path):
    task = make_task(
        "Mara Quell spoke. She said the plan failed.",
        spans=[("PERSON", "Mara Quell"), ("SPEAKER", "She"), ("CUE", "said"), ("QUOTE:indirect", "the plan failed")],
        relations=[(3, 1, "SAID_BY"), (3, 2, "CUE"), (1, 0, "COREF")],
    )
    lines = ann_text(task).splitlines()
    assert lines[:4] == ["T1\tPERSON 0 10\tMara Quell", "T2\tSource 18 21\tShe", "T3\tCue 22 26\tsaid",
                         "T4\tContent 27 42\tthe plan failed"]
    assert lines[4:] == ["T5\tAttribution 22 26\tsaid", "E1\tAttribution:T5 Content:T4 Source:T2 Cue:T3",
                         "A1\tQuoteType T4 indirect", "R1\tCOREF Arg1:T2 Arg2:T1"]


def test_brat_round_trip_with_coref_entities_and_two_annotators(tmp_path):
    task = make_task(
        "Mara Quell spoke. She said the plan failed.\n\nAnd a cue without a speaker: reportedly it rained.",
        spans=[("PERSON", "Mara Quell"), ("SPEAKER", "She"), ("CUE", "said"), ("QUOTE:indirect", "the plan failed"),
               ("CUE", "reportedly"), ("QUOTE:indirect", "it rained")],
        relations=[(3, 1, "SAID_BY"), (3, 2, "CUE"), (1, 0, "COREF"), (5, 4, "CUE")],
    )
    decisions = tmp_path / "decisions.jsonl"
    with decisions.open("w", encoding="utf-8") as out:
        for who in ("ana", "ben"):
            task.meta = {"source": "plan.txt"}
            out.write(json.dumps(Annotation(task, "accept", who, f"s-{who}", 100).to_dict()) + "\n")

    export_annotations(sources=[decisions], format="brat", output=tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [REGISTRY, "annotation.conf", "annotators.json", "plan.txt", "plan_ana.ann", "plan_ben.ann"])
    again = tmp_path / "again.jsonl"
    import_brat(sources=[tmp_path / "out"], output=again)

    records = read_jsonl(again)
    assert [r["_annotator_id"] for r in records] == ["ana", "ben"]
    original = content(task.to_dict())
    assert all(content(r) == original for r in records)


def test_brat_export_split_writes_one_folder_per_split(tmp_path):
    decisions = tmp_path / "decisions.jsonl"
    with decisions.open("w", encoding="utf-8") as out:
        for n in range(4):
            task = make_task(f"Report number {n} came out.", spans=[("CARDINAL", str(n))])
            out.write(json.dumps(Annotation(task, "accept", "ana", "s", 100).to_dict()) + "\n")

    export_annotations(sources=[decisions], format="brat", output=tmp_path / "corpus", split="0.5,0.5")
    files = {d: sorted(p.suffix for p in (tmp_path / d).iterdir() if p.name != REGISTRY)
             for d in ("corpus.train", "corpus.dev")}
    written = [".ann", ".ann", ".conf", ".json", ".txt", ".txt"]
    assert files == {"corpus.train": written, "corpus.dev": written}


def test_brat_export_refuses_a_folder_with_files_and_leaves_nothing_behind(tmp_path):
    write_pair(tmp_path / "corpus", "budget", TEXT, attribution_ann(TEXT))
    first = tmp_path / "first.jsonl"
    import_brat(sources=[tmp_path / "corpus"], output=first)
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "keep.txt").write_text("mine", encoding="utf-8")

    result = RUNNER.invoke(app, ["export", str(first), "--format", "brat", "-o", str(taken), "--no-progress"])
    assert result.exit_code == 2
    assert "already exists and holds 1 file(s)" in result.output
    assert [p.name for p in taken.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "first.jsonl", "taken"]


def test_brat_quote_type_attribute_keeps_content_as_written(tmp_path):
    # Without the attribute this content would be trimmed ("that" dropped) and typed by its marks.
    text = "Lee said that the “plan” failed, twice.\n"
    start = text.index("that")
    ann = f"T1\tContent {start} {start + 29}\tthat the “plan” failed, twice\nA1\tQuoteType T1 indirect\n"
    write_pair(tmp_path, "typed", text, ann)
    import_brat(sources=[tmp_path], output=tmp_path / "out.jsonl")

    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert [(s["text"], s["quote_type"]) for s in record["spans"]] == [("that the “plan” failed, twice", "indirect")]
