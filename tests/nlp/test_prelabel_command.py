"""``annotator prelabel``: resume, carried fields, bad input, worker processes."""

import json

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.cli.prelabel import prelabel_files
from annotator.core.invariants import check_task
from annotator.core.records import Task
from annotator.nlp.pipeline import COMPONENTS, prelabel
from tests.conftest import assert_valid_record

pytestmark = pytest.mark.model

TEXTS = [
    '"We will not back down," said Angela Merkel.',
    "Tim Cook told reporters that Apple would build a campus in Texas.",
    "Macron: France will not send troops\n\nThe president spoke in Paris.",
    'She said "yes and left.\n\nThe vote is on Friday, according to the clerk.',
]


@pytest.fixture
def use_model(monkeypatch, nlp_model):
    monkeypatch.setattr("annotator.nlp.pipeline.load_pipeline", lambda model=None: nlp_model)


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_prelabel_pipeline_has_our_components_after_the_model(nlp_model):
    names = nlp_model.pipe_names
    assert names[-len(COMPONENTS):] == list(COMPONENTS)
    assert "ner" in names[:-len(COMPONENTS)]


def test_prelabel_records_keep_invariants_and_schema(nlp_model):
    for task in prelabel(nlp_model, [Task(text=t) for t in TEXTS]):
        check_task(task)
        assert_valid_record(task.to_dict())


def test_prelabel_two_processes_give_the_same_records(nlp_model):
    tasks = [Task(text=t) for t in TEXTS * 3]
    one = [t.to_dict() for t in prelabel(nlp_model, tasks, batch_size=2)]
    two = [t.to_dict() for t in prelabel(nlp_model, tasks, batch_size=2, n_process=2)]
    assert one == two
    assert any(r["relations"] for r in two)


def test_prelabel_resumes_and_carries_unknown_fields(tmp_path, use_model):
    source = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    write_jsonl(source, [{"text": t, "meta": {"source": "wire"}, "article_id": i} for i, t in enumerate(TEXTS[:2])])
    assert prelabel_files(inputs=[source], output=out).written == 2
    write_jsonl(source, [{"text": t, "article_id": i} for i, t in enumerate(TEXTS)])
    summary = prelabel_files(inputs=[source], output=out)
    assert (summary.written, summary.skipped) == (2, 2)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["article_id"] for r in records] == [0, 1, 2, 3]
    assert records[0]["meta"] == {"source": "wire"}


def test_prelabel_bad_input_line_exits_2_with_location(tmp_path, use_model):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": TEXTS[0]}) + "\n{not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["prelabel", str(source), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2
    assert f"{source}:2:" in result.output


def test_prelabel_skip_invalid_sets_bad_lines_aside(tmp_path, use_model):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": TEXTS[1]}) + "\n{not json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["prelabel", str(source), "-o", str(out), "--skip-invalid"])
    assert result.exit_code == 0, result.output
    assert "1 rejected" in result.output
    assert len(out.read_text().splitlines()) == 1
    assert (tmp_path / "out.rejects.jsonl").exists()


def test_prelabel_skip_invalid_sets_bad_text_files_aside_and_goes_on(tmp_path, use_model):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.txt").write_bytes(b"\xff\xfe not text")
    (folder / "c.txt").write_text(TEXTS[1], encoding="utf-8")
    out = tmp_path / "out.jsonl"
    refused = CliRunner().invoke(app, ["prelabel", str(folder), "-o", str(out)])
    assert refused.exit_code == 2 and "a.txt: the document is empty" in refused.output
    result = CliRunner().invoke(app, ["prelabel", str(folder), "-o", str(out), "--skip-invalid"])
    assert result.exit_code == 0, result.output
    assert "2 rejected" in result.output
    assert [json.loads(line)["text"] for line in out.read_text().splitlines()] == [TEXTS[1]]
    rejects = [json.loads(line) for line in (tmp_path / "out.rejects.jsonl").read_text().splitlines()]
    assert [(r["file"].rsplit("/", 1)[-1], r["error"][:15]) for r in rejects] == [
        ("a.txt", "the document is"), ("b.txt", "not valid UTF-8")]


def test_prelabel_unknown_model_is_a_clear_error(tmp_path):
    # The output is outside the input folder: one inside it would be refused before the model loads.
    (tmp_path / "docs").mkdir()
    result = CliRunner().invoke(app, ["prelabel", str(tmp_path / "docs"), "-o", str(tmp_path / "o.jsonl"),
                                      "--model", str(tmp_path / "no_such_model")])
    assert result.exit_code == 2
    assert "pip install" in result.output
