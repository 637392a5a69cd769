"""Each export is read by the tool it is for: spaCy's converter, seqeval, ``datasets``, and the
doccano, Label Studio and Prodigy shapes (files written here the way those tools write them)."""

from __future__ import annotations

from itertools import pairwise
import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin

from annotator.core.records import Annotation, Task
from annotator.core.validation import validate_file
from annotator.formats.doccano import doccano_record, task_from_doccano
from annotator.formats.exporting import Selection, Split, export_annotations
from annotator.formats.foreign import iter_json_lines
from annotator.formats.labelstudio import iter_labelstudio, labelstudio_task, task_from_labelstudio
from tests.conftest import FIXTURES, assert_valid_record
from tests.formats.records_by_hand import FIXTURES as EXPORT_FIXTURES, make_task
from tests.formats.test_training import training_decisions

ANNOTATIONS = EXPORT_FIXTURES / "annotations.jsonl"
FORMATS = FIXTURES / "formats"
NLP = spacy.blank("en")


def newest_accepted() -> list[Annotation]:
    """The decisions an export of ANNOTATIONS writes, in its order."""
    from annotator.core.decisions import index_decisions, iter_decisions

    return [d.annotation for d in iter_decisions(index_decisions([ANNOTATIONS]))]


# -- CoNLL ------------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [("ner",), ("ner", "quote", "speaker")])
def test_spacy_convert_reads_one_doc_per_decision_with_every_entity(tmp_path, columns):
    out = tmp_path / "quotes.conll"
    report = export_annotations(sources=[ANNOTATIONS], format="conll", output=out, options={"columns": columns})
    result = subprocess.run([sys.executable, "-m", "spacy", "convert", str(out), str(tmp_path), "-c", "ner"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    docs = list(DocBin().from_disk(tmp_path / "quotes.spacy").get_docs(NLP.vocab))
    decisions = report.outputs["all"][1]
    assert len(docs) == decisions == 4
    chosen = [a.task for a in newest_accepted()]
    for doc, task in zip(docs, chosen, strict=True):
        expected = [(task.span_text(s), s.label) for s in task.spans if s.is_entity]
        assert [(e.text, e.label_) for e in doc.ents] == expected
        assert len(list(doc.sents)) >= 1


def test_seqeval_reads_the_conll_tags(tmp_path):
    seqeval = pytest.importorskip("seqeval.metrics.sequence_labeling")
    out = tmp_path / "quotes.conll"
    export_annotations(sources=[ANNOTATIONS], format="conll", output=out, options={"columns": ("ner", "quote", "speaker")})
    sentences: list[list[list[str]]] = []
    for block in out.read_text(encoding="utf-8").split("\n\n"):
        rows = [line.split() for line in block.splitlines() if line and not line.startswith("-DOCSTART-")]
        if rows:
            sentences.append(rows)
    quotes = [[row[1] for row in sentence] for sentence in sentences]
    found = seqeval.get_entities(quotes)
    expected = sum(1 for a in newest_accepted() for s in a.task.spans if s.label == "QUOTE")
    # The nested direct quote inside the mixed one is dropped (one tag per token, the longer kept).
    assert len(found) == expected - 1 and {label for label, _, _ in found} == {"QUOTE"}


# -- Hugging Face -----------------------------------------------------------------------------


def test_datasets_loads_the_hf_folder_with_classlabel_features_and_hf_split_names(tmp_path, caplog):
    datasets = pytest.importorskip("datasets")
    datasets.utils.logging.enable_propagation()
    source = tmp_path / "annotations.jsonl"
    records = [d.to_dict() for d in training_decisions(20)]
    records[0]["id"] = "doc-0001"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    folder = tmp_path / "quotes-hf"
    export_annotations(sources=[source], format="hf", output=folder, split=Split.parse("0.6,0.2,0.2", seed=1))
    with caplog.at_level("WARNING"):
        loaded = datasets.load_dataset(str(folder))
    assert not [r for r in caplog.records if "malformed" in r.getMessage()]  # the card's splits have num_bytes
    assert set(loaded) == {"train", "validation", "test"}
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert f"num_bytes: {(folder / 'train.jsonl').stat().st_size}\n" in card
    assert sum(len(split) for split in loaded.values()) == 20
    features = loaded["train"].features
    ner = features["ner_tags"].feature
    assert isinstance(ner, datasets.ClassLabel)
    assert ner.names[:3] == ["O", "B-PERSON", "I-PERSON"]
    assert features["quote_tags"].feature.names == ["O", "B-QUOTE", "I-QUOTE"]
    ids = [row["id"] for split in loaded.values() for row in split]
    assert "doc-0001" in ids
    row = next(r for split in loaded.values() for r in split if r["id"] == "doc-0001")
    tags = [ner.int2str(t) for t in row["ner_tags"]]
    assert tags[row["tokens"].index("said") + 1] == "B-PERSON"


def test_hf_tag_ids_stay_fixed_across_exports_and_labels_must_cover_the_data(tmp_path):
    first = export_annotations(sources=[ANNOTATIONS], format="hf", output=tmp_path / "a")
    names = json.loads(first.labels_file.read_text(encoding="utf-8"))["ner_tags"]
    assert names.index("B-PERSON") == 1 and names.index("B-DATE") == 23
    # A later export with other data keeps the ids when given the earlier labels.json.
    again = export_annotations(sources=[ANNOTATIONS], format="hf", output=tmp_path / "b",
                               options={"labels": str(first.labels_file)}, selection=Selection(answers=("reject",)))
    assert json.loads(again.labels_file.read_text(encoding="utf-8"))["ner_tags"] == names
    from annotator.formats.format import ExportOptionError

    with pytest.raises(ExportOptionError, match="DATE"):
        export_annotations(sources=[ANNOTATIONS], format="hf", output=tmp_path / "c", options={"labels": "PERSON,GPE"})


# -- Prodigy ----------------------------------------------------------------------------------


def test_records_prodigy_writes_are_valid_and_exported_with_their_fields():
    report = validate_file(FORMATS / "prodigy_written.jsonl")
    assert report.ok, [str(p) for p in report.problems]


def test_validate_and_export_agree_on_prodigy_records(tmp_path):
    out = tmp_path / "out.jsonl"
    report = export_annotations(sources=[FORMATS / "prodigy_written.jsonl"], format="prodigy", output=out)
    assert report.outputs["all"][1] == 4
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    originals = [json.loads(line) for line in (FORMATS / "prodigy_written.jsonl").read_text().splitlines()]
    for before, after in zip(originals, written, strict=True):
        assert_valid_record(after)
        assert after["_input_hash"] == before["_input_hash"] and after["_task_hash"] == before["_task_hash"]
        assert after["_view_id"] == "relations"
    rel = written[1]
    assert rel["tokens"][0]["disabled"] is True
    assert rel["spans"][0]["type"] == "span" and rel["relations"][0]["color"] == "#c5bdf4"
    assert written[0]["_session_id"] is None and "_timestamp" not in written[0]
    assert written[2]["spans"][0]["score"] == 0.97
    assert "quote_type" not in written[3]["spans"][2]


def test_prodigy_layers_give_each_view_what_it_takes(tmp_path):
    for layers, view in (("ents", "ner_manual"), ("spans", "spans_manual"), ("rel", "relations")):
        out = tmp_path / f"{layers}.jsonl"
        export_annotations(sources=[ANNOTATIONS], format="prodigy", output=out, options={"layers": layers})
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert {r["_view_id"] for r in records} == {view}
        for record in records:
            assert_valid_record(record)
            labels = {s["label"] for s in record["spans"]}
            if layers == "ents":
                assert not labels & {"QUOTE", "SPEAKER", "CUE"} and record["relations"] == []
                ends = sorted((s["start"], s["end"]) for s in record["spans"])
                assert all(a[1] <= b[0] for a, b in pairwise(ends))
            elif layers == "spans":
                assert labels <= {"QUOTE", "SPEAKER", "CUE"} and record["relations"] == []
            task = Task.from_dict(record)
            assert record["_input_hash"] == Task(text=record["text"]).input_hash
            assert record["_task_hash"] == task.task_hash


def test_a_record_with_prodigy_hashes_keeps_them_and_one_without_gets_ours():
    task = Task(text="Hello world")
    # MurmurHash3 of the sorted, compact JSON of {"text": ...}: Prodigy's shape, not its value (see README).
    assert task.input_hash == 1849263169
    kept = Task.from_dict({"text": "Hello world", "_input_hash": 5, "_task_hash": 6})
    assert (kept.input_hash, kept.task_hash) == (5, 6)


# -- doccano and Label Studio -----------------------------------------------------------------


def test_doccano_relation_and_label_files_import_and_round_trip():
    tasks = [task_from_doccano(data, NLP).task for _, data in iter_json_lines(FORMATS / "doccano_relations.jsonl")]
    roof = tasks[0]
    assert [(roof.span_text(s), s.label) for s in roof.spans][:2] == [("The roof leaks", "QUOTE"), ("said", "CUE")]
    assert {(r.head_span.label, r.child_span.label, r.label) for r in roof.relations} == {
        ("QUOTE", "SPEAKER", "SAID_BY"), ("QUOTE", "CUE", "CUE")}
    assert roof.extra["id"] == 12
    again = task_from_doccano(doccano_record(roof), NLP).task
    assert again.content_hash == roof.content_hash
    labels = [task_from_doccano(data, NLP).task for _, data in iter_json_lines(FORMATS / "doccano_labels.jsonl")]
    assert [(labels[0].span_text(s), s.label) for s in labels[0].spans] == [("Priya Nair", "PERSON"), ("Dundee", "GPE")]
    assert labels[1].spans == []


def test_doccano_export_keeps_quote_types_and_reads_back(tmp_path):
    out = tmp_path / "quotes.jsonl"
    export_annotations(sources=[ANNOTATIONS], format="doccano", output=out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for line, original in zip(lines, newest_accepted(), strict=True):
        back = task_from_doccano(line, NLP).task
        assert back.content_hash == original.task.content_hash


def test_labelstudio_export_file_imports_and_round_trips(tmp_path):
    roof, lena = [task_from_labelstudio(data, NLP) for _, data in iter_labelstudio(FORMATS / "labelstudio_export.json")]
    # A completed annotation is a decision (by its completed_by); a task with only a prediction is a task.
    assert isinstance(roof, Annotation) and roof.annotator_id == "1" and not isinstance(lena, Annotation)
    roof = roof.task
    quote = next(s for s in roof.spans if s.label == "QUOTE")
    assert (roof.span_text(quote), quote.quote_type) == ("The roof leaks", "direct")
    assert [r.label for r in roof.relations] == ["SAID_BY"] and roof.extra["id"] == 41
    # The cancelled annotation is passed over for the prediction.
    assert [(lena.span_text(s), s.label) for s in lena.spans] == [("Lena Ortiz", "PERSON")]
    assert task_from_labelstudio(labelstudio_task(roof), NLP).task.content_hash == roof.content_hash

    out = tmp_path / "quotes.json"
    report = export_annotations(sources=[ANNOTATIONS], format="labelstudio", output=out)
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert len(exported) == 4
    for data, original in zip(exported, newest_accepted(), strict=True):
        back = task_from_labelstudio(data, NLP)
        assert back.task.content_hash == original.task.content_hash
        assert back.annotator_id == original.annotator_id
    config = report.extra_files[0].read_text(encoding="utf-8")
    assert '<Relation value="SAID_BY"/>' in config and '<Label value="QUOTE"/>' in config


def test_a_span_inside_a_word_splits_the_token_and_keeps_its_characters():
    task = task_from_doccano({"text": "Anti-fraud laws passed.", "label": [[5, 10, "LAW"]]}, NLP).task
    span = task.spans[0]
    assert task.span_text(span) == "fraud" and task.tokens[span.token_start].text == "fraud"


def test_bad_foreign_lines_name_the_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "label": []}\n\n{"text": oops}\n', encoding="utf-8")
    from annotator.core.sources import InputError

    with pytest.raises(InputError, match=r"bad.jsonl:3: invalid JSON"):
        list(iter_json_lines(bad))


def test_import_commands_write_valid_tasks_and_resume(tmp_path):
    from typer.testing import CliRunner

    from annotator.cli import app

    runner = CliRunner()
    out = tmp_path / "tasks.jsonl"
    result = runner.invoke(app, ["import", "doccano", str(FORMATS / "doccano_relations.jsonl"),
                                 str(FORMATS / "doccano_labels.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 record(s) written" in result.output
    assert validate_file(out).ok
    again = runner.invoke(app, ["import", "labelstudio", str(FORMATS / "labelstudio_export.json"), "-o", str(out)])
    assert again.exit_code == 0 and "1 record(s) written (1 decision(s)" in again.output and "1 already there" in again.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Short.", "label": [[0, 99, "ORG"]]}\n', encoding="utf-8")
    refused = runner.invoke(app, ["import", "doccano", str(bad), "-o", str(tmp_path / "t2.jsonl")])
    assert refused.exit_code == 2 and "bad.jsonl:1: span ORG 0-99" in refused.output


def test_version_and_choices_in_help():
    from typer.testing import CliRunner

    from annotator.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["--version"]).output.startswith("annotator ")
    help_text = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "250"}).output
    assert "spacy|prodigy|conll|hf|brat|doccano|labelstudio" in help_text and "annotator|session|input" in help_text


def test_import_to_standard_output_writes_json_lines_and_the_summary_to_stderr():
    from typer.testing import CliRunner

    from annotator.cli import app

    result = CliRunner().invoke(app, ["import", "doccano", str(FORMATS / "doccano_labels.jsonl"), "-o", "-"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [3, 4] and all(not validate_problems(r) for r in records)
    assert "2 record(s) written" in result.stderr


def validate_problems(record: dict) -> list[str]:
    from annotator.core.schema import schema_errors

    return schema_errors(record)


def test_hf_rows_carry_quote_types_and_who_said_each_quote(tmp_path):
    datasets = pytest.importorskip("datasets")
    task = make_task('Mara Quill said: "The bridge opens in May." Officials argued that it would be late.',
                     [("QUOTE:direct", "The bridge opens in May."), ("SPEAKER", "Mara Quill"),
                      ("QUOTE:indirect", "that it would be late"), ("SPEAKER", "Officials")],
                     [(0, 1, "SAID_BY"), (2, 3, "SAID_BY")])
    source = tmp_path / "decisions.jsonl"
    source.write_text(json.dumps(Annotation(task, "accept", "alice", "alice-1", 1).to_dict()) + "\n", encoding="utf-8")
    export_annotations(sources=[source], format="hf", output=tmp_path / "hf")
    train = datasets.load_dataset(str(tmp_path / "hf"))["train"]
    row = train[0]
    quote_type = train.features["quotes"].feature["quote_type"]
    assert isinstance(quote_type, datasets.ClassLabel)
    said = {(" ".join(row["tokens"][q["start"]:q["end"]]), quote_type.int2str(q["quote_type"])):
            [" ".join(row["tokens"][s["start"]:s["end"]]) for s in q["speakers"]] for q in row["quotes"]}
    assert said == {("The bridge opens in May .", "direct"): ["Mara Quill"],
                    ("that it would be late", "indirect"): ["Officials"]}
