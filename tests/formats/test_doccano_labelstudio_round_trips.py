"""doccano and Label Studio round trips: quote types survive doccano's renumbering, Label Studio's
converter finds the ids it needs, what the importers write exports, and the importers are as strict
as ``validate`` (a located error and exit status 2, never a traceback, never a half-written file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.formats.exporting import export_annotations
from annotator.formats.importing import import_files
from tests.conftest import FIXTURES

ANNOTATIONS = FIXTURES / "export" / "annotations.jsonl"
FORMATS = FIXTURES / "formats"
RUNNER = CliRunner()


def quote_types(path: Path) -> list[tuple[str, int, int, str]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return sorted((r["text"][:20], s["start"], s["end"], s["quote_type"]) for r in records for s in r["spans"]
                  if s.get("quote_type"))


def renumbered_by_doccano(line: dict, offset: int) -> dict:
    """What doccano does on import: new entity and relation ids, the rest of the line kept as metadata."""
    new = {entity["id"]: entity["id"] + offset for entity in line["entities"]}
    line = dict(line)
    line["entities"] = [{**e, "id": new[e["id"]]} for e in line["entities"]]
    line["relations"] = [{**r, "id": r["id"] + offset, "from_id": new[r["from_id"]], "to_id": new[r["to_id"]]}
                         for r in line["relations"]]
    return line


def test_quote_types_survive_doccanos_renumbering(tmp_path):
    export_annotations(sources=[ANNOTATIONS], format="doccano", output=tmp_path / "d.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text().splitlines()]
    back_from_doccano = tmp_path / "from_doccano.jsonl"
    back_from_doccano.write_text("".join(json.dumps(renumbered_by_doccano(line, 1000)) + "\n" for line in lines))
    import_files(format="doccano", sources=[back_from_doccano], output=tmp_path / "ours.jsonl")
    original = tmp_path / "original.jsonl"
    export_annotations(sources=[ANNOTATIONS], format="prodigy", output=original)
    assert quote_types(tmp_path / "ours.jsonl") == quote_types(original) != []


def test_doccano_relations_name_only_entities_of_their_line(tmp_path):
    export_annotations(sources=[ANNOTATIONS], format="doccano", output=tmp_path / "d.jsonl")
    for line in map(json.loads, (tmp_path / "d.jsonl").read_text().splitlines()):
        ids = {e["id"] for e in line["entities"]}
        assert all(r["from_id"] in ids and r["to_id"] in ids for r in line["relations"])


def test_labelstudio_tasks_and_annotations_carry_ids_and_the_annotator(tmp_path):
    export_annotations(sources=[ANNOTATIONS], format="labelstudio", output=tmp_path / "ls.json")
    tasks = json.loads((tmp_path / "ls.json").read_text())
    assert [t["id"] for t in tasks] == list(range(1, len(tasks) + 1))
    assert all(isinstance(t["annotations"][0]["id"], int) and t["annotations"][0]["completed_by"]["email"]
               for t in tasks)


def sdk_python() -> list[str] | None:
    """A Python that imports label-studio-sdk: this one, or one with LABEL_STUDIO_SDK_PATH on its path
    (the SDK pins an older numpy than spaCy's, so it is best kept in a folder of its own)."""
    try:
        import label_studio_sdk  # noqa: F401
        return [sys.executable]
    except ImportError:
        path = os.environ.get("LABEL_STUDIO_SDK_PATH")
        return [sys.executable] if path and Path(path, "label_studio_sdk").is_dir() else None


@pytest.mark.skipif(sdk_python() is None, reason="label-studio-sdk is not installed (set LABEL_STUDIO_SDK_PATH)")
def test_label_studio_sdks_converter_reads_our_export(tmp_path):
    report = export_annotations(sources=[ANNOTATIONS], format="labelstudio", output=tmp_path / "ls.json")
    script = """
import json, sys, pathlib
from label_studio_sdk.converter import Converter
folder = pathlib.Path(sys.argv[1])
converter = Converter(config=(folder / "ls.label_config.xml").read_text(), project_dir=str(folder), download_resources=False)
converter.convert_to_json_min(str(folder / "ls.json"), str(folder / "min"), is_dir=False)
converter.convert_to_conll2003(str(folder / "ls.json"), str(folder / "conll"), is_dir=False)
print(len(json.loads(next((folder / "min").glob("*.json")).read_text())))
"""
    env = {**os.environ, "PYTHONPATH": os.environ.get("LABEL_STUDIO_SDK_PATH", "")}
    done = subprocess.run([*sdk_python(), "-c", script, str(tmp_path)], capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.split()[-1]) == len(json.loads((tmp_path / "ls.json").read_text()))
    assert report.extra_files and next((tmp_path / "conll").glob("*.conll")).read_text().count(" -X- _ ") > 10


@pytest.mark.parametrize("format, fixture", [("doccano", "doccano_relations.jsonl"),
                                             ("labelstudio", "labelstudio_export.json")])
def test_what_an_import_writes_exports(tmp_path, format, fixture):
    ours = tmp_path / "ours.jsonl"
    report = import_files(format=format, sources=[FORMATS / fixture], output=ours)
    assert report.decisions >= 1
    out = tmp_path / "out.jsonl"
    notices = []
    export = export_annotations(sources=[ours], format="prodigy", output=out,
                                on_notice=notices.append)
    assert export.decisions == report.decisions
    # A Label Studio task with only a prediction is a task to annotate, left out with a notice.
    assert len(notices) == (report.written - report.decisions)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    if format == "labelstudio":
        assert {r["_annotator_id"] for r in records} == {"1"}  # Label Studio's completed_by


BAD_LINES = {
    "a list, not an object": ("[1,2]\n", "expected a JSON object, got a list"),
    "from_id a list": ('{"text": "Ana spoke.", "entities": [{"id": 1, "label": "PERSON", "start_offset": 0, '
                       '"end_offset": 3}], "relations": [{"id": 1, "from_id": [1], "to_id": 1, "type": "X"}]}\n',
                       "relation 'from_id' must be a number or a string, got a list"),
    "deep nesting": ('{"text": "Ana.", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "the JSON is nested too deeply to read"),
    "NaN": ('{"text": "Ana.", "meta": {"x": NaN}}\n', "NaN is not a JSON number"),
    "lone surrogate": ('{"text": "Ana \\ud800."}\n', "a string holds a lone surrogate"),
    "label not a list": ('{"text": "Ana.", "label": "PERSON"}\n', "'label' must be a list"),
}


@pytest.mark.parametrize("name", sorted(BAD_LINES))
def test_a_bad_doccano_line_is_a_located_error_and_nothing_is_written(tmp_path, name):
    content, reason = BAD_LINES[name]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "A good line first."}\n' + content, encoding="utf-8")
    result = RUNNER.invoke(app, ["import", "doccano", str(bad), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2, result.output
    assert f"bad.jsonl:2: {reason}" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out.jsonl").exists()


BAD_TASKS = {
    "a task that is a number": ("[1]", 1, "a Label Studio task must be a JSON object, got a number"),
    "annotations a string": ('[\n{"data": {"text": "Ana."}},\n{"data": {"text": "Ben."}, "annotations": "yes"}]', 3,
                             "'annotations' must be a list of objects, got a string"),
    "NaN": ('[{"data": {"text": "Ana."},\n "meta": NaN}]', 1, "NaN is not a JSON number"),
    "lone surrogate": ('[{"data": {"text": "Ana \\ud800."}}]', 1, "a string holds a lone surrogate"),
    "deep nesting": ('[{"data": {"text": "Ana."}, "meta": ' + "[" * 100_000 + "]" * 100_000 + "}]", 1,
                     "the JSON is nested too deeply to read"),
}


@pytest.mark.parametrize("name", sorted(BAD_TASKS))
def test_a_bad_label_studio_task_is_a_located_error_and_nothing_is_written(tmp_path, name):
    content, line, reason = BAD_TASKS[name]
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = RUNNER.invoke(app, ["import", "labelstudio", str(bad), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2, result.output
    assert f"bad.json:{line}: {reason}" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out.jsonl").exists()


def test_a_failed_import_leaves_an_existing_output_as_it_was(tmp_path):
    out = tmp_path / "out.jsonl"
    import_files(format="doccano", sources=[FORMATS / "doccano_labels.jsonl"], output=out)
    before = out.read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Fine here."}\n[1]\n', encoding="utf-8")
    result = RUNNER.invoke(app, ["import", "doccano", str(bad), "-o", str(out)])
    assert result.exit_code == 2 and out.read_bytes() == before


def content(record: dict) -> tuple:
    spans = sorted((s["start"], s["end"], s["label"], s.get("quote_type")) for s in record["spans"])
    relations = sorted((r["head_span"]["start"], r["child_span"]["start"], r["label"]) for r in record["relations"])
    return record["text"], record["_annotator_id"], spans, relations


@pytest.mark.parametrize("format, name", [("doccano", "d.jsonl"), ("labelstudio", "ls.json")])
def test_export_then_import_gives_the_same_decisions_by_the_same_annotators(tmp_path, format, name):
    export_annotations(sources=[ANNOTATIONS], format=format, output=tmp_path / name)
    import_files(format=format, sources=[tmp_path / name], output=tmp_path / "back.jsonl")
    export_annotations(sources=[ANNOTATIONS], format="prodigy", output=tmp_path / "original.jsonl")
    back = [json.loads(line) for line in (tmp_path / "back.jsonl").read_text().splitlines()]
    original = [json.loads(line) for line in (tmp_path / "original.jsonl").read_text().splitlines()]
    assert sorted(map(content, back)) == sorted(map(content, original))
    if format == "labelstudio":  # the input hash rides in the task's meta
        assert sorted(r["_input_hash"] for r in back) == sorted(r["_input_hash"] for r in original)
