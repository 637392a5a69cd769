"""``export``: golden files for each format, newest-decision selection, splits, and bad input."""

from __future__ import annotations

import io
import json
import os
import zlib

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

from annotator.cli import app
from annotator.core.records import Annotation
from annotator.core.sources import InputError
from annotator.formats.exporting import Selection, Split, export_annotations
from annotator.formats.spacy import DOCBIN_ATTRS, StreamingDocBin, read_docbin, tasks_from_docbin
from annotator.formats.split import SplitError, assign_splits, parse_split
from annotator.nlp.convert import task_to_doc
from tests.conftest import assert_valid_record
from tests.formats.records_by_hand import FIXTURES, export_decisions

ANNOTATIONS = FIXTURES / "annotations.jsonl"
GOLDEN = FIXTURES / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs; rerun with UPDATE_GOLDEN=1 if intended"


def doc_summary(doc) -> dict:
    """What a .spacy file says about one doc, in a form a golden file can hold."""
    return {
        "text": doc.text,
        "tokens": [t.text for t in doc],
        "ents": [[e.start_char, e.end_char, e.label_] for e in doc.ents],
        "spans": {key: [[s.start_char, s.end_char, s.label_, s._.quote_type] for s in group]
                  for key, group in sorted(doc.spans.items())},
        "relations": [list(r) for r in doc._.relations or ()],
    }


def test_fixture_matches_the_records_built_by_hand():
    lines = [json.loads(line) for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines()]
    assert lines == [a.to_dict() for a in export_decisions()]
    for line in lines:
        assert_valid_record(line)


def test_spacy_golden(tmp_path):
    out = tmp_path / "quotes.spacy"
    report = export_annotations(sources=[ANNOTATIONS], format="spacy", output=out)
    assert report.outputs["all"][1] == 4
    docs = [doc_summary(d) for d in read_docbin(out)]
    check_golden("annotations.spacy.jsonl", "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))


def test_prodigy_golden_and_every_record_is_a_valid_annotation(tmp_path):
    out = tmp_path / "quotes.jsonl"
    export_annotations(sources=[ANNOTATIONS], format="prodigy", output=out)
    text = out.read_text(encoding="utf-8")
    for line in text.splitlines():
        assert_valid_record(json.loads(line))
    check_golden("annotations.prodigy.jsonl", text)


def test_prodigy_keeps_hashes_and_prodigy_fields_and_drops_private_ones(tmp_path):
    record = export_decisions()[1].to_dict()
    record["_our_scratch"] = {"undo": []}
    record["_task_hash"] = 12345  # as read, even if we would hash it differently
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    export_annotations(sources=[source], format="prodigy", output=out)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert "_our_scratch" not in written
    assert written["_task_hash"] == 12345
    for key in ("_input_hash", "_annotator_id", "_session_id", "_timestamp", "answer", "spans", "relations"):
        assert written[key] == record[key]


def test_conll_golden(tmp_path):
    out = tmp_path / "quotes.conll"
    export_annotations(sources=[ANNOTATIONS], format="conll", output=out)
    text = out.read_text(encoding="utf-8")
    assert text.count("-DOCSTART-") == 4
    assert all(len(line.split(" ")) == 4 for line in text.splitlines() if line)
    check_golden("annotations.conll", text)


def test_conll_leaves_out_whitespace_tokens_and_keeps_the_longer_of_overlapping_quotes(tmp_path):
    out = tmp_path / "quotes.conll"
    export_annotations(sources=[ANNOTATIONS], format="conll", output=out, options={"columns": ("ner", "quote", "speaker")})
    text = out.read_text(encoding="utf-8")
    assert "\n\n\n" not in text
    union = text.split("-DOCSTART- -X- O O\n\n")[-1].splitlines()
    # TOKEN QUOTE SPEAKER NER: the entity tag last, where spacy convert reads it
    assert union[:4] == ["The O B-SPEAKER O", "union O I-SPEAKER O", "called O O O", "the B-QUOTE O O"]
    assert "nurse I-QUOTE O O" in union


def test_conll_default_is_the_conll2003_shape_with_a_blank_line_after_each_sentence(tmp_path):
    out = tmp_path / "quotes.conll"
    export_annotations(sources=[ANNOTATIONS], format="conll", output=out)
    documents = out.read_text(encoding="utf-8").split("-DOCSTART- -X- O O\n\n")[1:]
    assert len(documents) == 4
    ana = [block.splitlines() for block in documents[1].strip().split("\n\n")]
    assert ana[0][:2] == ["Ana _ _ B-PERSON", "Lopez _ _ I-PERSON"]
    assert len(ana) == 2 and ana[1][0] == "She _ _ O" and ana[1][-2] == "May _ _ B-DATE"
    assert all(len(line.split()) == 4 for block in ana for line in block)


def test_hf_golden_with_label_sidecar(tmp_path):
    folder = tmp_path / "quotes"
    report = export_annotations(sources=[ANNOTATIONS], format="hf", output=folder)
    out = folder / "train.jsonl"
    assert report.outputs["all"] == (out, 4)
    assert report.labels_file == folder / "labels.json"
    names = json.loads(report.labels_file.read_text(encoding="utf-8"))
    assert names["quote_tags"] == ["O", "B-QUOTE", "I-QUOTE"]
    assert names["ner_tags"][0] == "O"
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for record in records:
        assert len(record["tokens"]) == len(record["ner_tags"]) == len(record["quote_tags"]) == len(record["speaker_tags"])
    first = records[0]
    tagged = {tok: names["ner_tags"][tag] for tok, tag in zip(first["tokens"], first["ner_tags"], strict=True)}
    assert tagged["Ana"] == "B-PERSON" and tagged["Lopez"] == "I-PERSON" and tagged["Leeds"] == "B-GPE"
    check_golden("annotations.hf.jsonl", out.read_text(encoding="utf-8"))
    check_golden("annotations.labels.json", report.labels_file.read_text(encoding="utf-8"))
    check_golden("annotations.hf-card.md", (folder / "README.md").read_text(encoding="utf-8"))


def test_newest_decision_per_annotator_wins_and_only_accepts_by_default(tmp_path):
    out = tmp_path / "out.jsonl"
    export_annotations(sources=[ANNOTATIONS], format="prodigy", output=out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["_annotator_id"], r["text"][:12]) for r in records] == [
        ("alice", '"We will reb'), ("alice", "Ana Lopez me"), ("bob", '"We will reb'), ("alice", "The union ca"),
    ]
    bob_bridge = records[2]
    assert {s["text"] for s in bob_bridge["spans"]} >= {"Ana Lopez", "said"}  # the newer of bob's two
    # STRIKE: alice accepted, then rejected it; the reject is newest, so the document is left out.
    assert not any(r["text"].startswith("Nurses") for r in records)


def test_answers_option_and_per_input_grouping(tmp_path):
    out = tmp_path / "out.jsonl"
    export_annotations(sources=[ANNOTATIONS], format="prodigy", output=out, selection=Selection(answers=("reject", "ignore")))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["answer"] for r in records) == ["ignore", "reject"]
    export_annotations(sources=[ANNOTATIONS], format="prodigy", output=out, selection=Selection(answers=("accept", "reject", "ignore"), group_by="input"),
                       force=True)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 4  # one per document: bob's ignore is the newest on COUNCIL
    assert {r["text"][:6]: r["answer"] for r in records}["Ana Lo"] == "ignore"


def test_spacy_round_trip_keeps_every_span_and_relation(tmp_path):
    out = tmp_path / "quotes.spacy"
    export_annotations(sources=[ANNOTATIONS], format="spacy", output=out)
    originals = [a.task for a in _newest_accepted()]
    back = list(tasks_from_docbin(out))
    assert len(back) == len(originals) == 4
    for original, restored in zip(originals, back, strict=True):
        assert restored.text == original.text
        assert _canonical(restored.spans) == _canonical(original.spans)
        assert _canonical(restored.relations) == _canonical(original.relations)
        assert restored.content_hash == original.content_hash


def _canonical(items) -> list[str]:
    return sorted(json.dumps(item.to_dict(), sort_keys=True) for item in items)


def _newest_accepted() -> list[Annotation]:
    decisions = export_decisions()
    return [decisions[i] for i in (1, 2, 4, 6)]


def test_streaming_docbin_writes_the_bytes_docbin_would():
    nlp = spacy.blank("en")
    docs = [task_to_doc(a.task, nlp) for a in export_decisions()] * 5
    for count in (0, 1, len(docs)):
        streamed = StreamingDocBin()
        for doc in docs[:count]:
            streamed.add(doc)
        buffer = io.BytesIO()
        streamed.write_to(buffer)
        streamed.close()
        reference = DocBin(attrs=list(DOCBIN_ATTRS), store_user_data=True, docs=docs[:count]).to_bytes()
        assert zlib.decompress(buffer.getvalue()) == zlib.decompress(reference)


def test_split_by_document_with_a_fixed_seed(tmp_path):
    out = tmp_path / "quotes.jsonl"
    report = export_annotations(sources=[ANNOTATIONS], format="prodigy", output=out, split=Split.parse("0.34,0.33,0.33", seed=7))
    assert {name: path.name for name, (path, _) in report.outputs.items()} == {
        "train": "quotes.train.jsonl", "dev": "quotes.dev.jsonl", "test": "quotes.test.jsonl"}
    assert not out.exists()
    texts = {name: [json.loads(line)["text"] for line in path.read_text().splitlines()]
             for name, (path, _) in report.outputs.items()}
    assert sum(map(len, texts.values())) == 4
    # Both annotators' versions of BRIDGE land in the same split.
    homes = {name for name, items in texts.items() for text in items if text.startswith('"We will')}
    assert len(homes) == 1
    again = export_annotations(sources=[ANNOTATIONS], format="prodigy", output=tmp_path / "again.jsonl",
                               split=Split.parse("0.34,0.33,0.33", seed=7))
    assert [n for _, (_, n) in again.outputs.items()] == [n for _, (_, n) in report.outputs.items()]


def test_assign_splits_sizes_add_up_and_depend_only_on_seed():
    documents = list(range(1000, 1010))
    first = assign_splits(documents, (0.8, 0.1, 0.1), seed=1)
    assert sorted(first.values()).count("train") == 8
    assert assign_splits(list(reversed(documents)), (0.8, 0.1, 0.1), seed=1) == first
    assert assign_splits(documents, (0.8, 0.1, 0.1), seed=2) != first


@pytest.mark.parametrize("text", ["0.9,0.1", "0.5,0.5,0", "0.8,0.1,0.1"])
def test_parse_split_accepts_fractions(text):
    assert abs(sum(parse_split(text)) - 1) < 1e-9


@pytest.mark.parametrize("text", ["0.8", "a,b", "0.5,0.6", "0.5,0.2,0.2,0.1", "-0.1,1.1"])
def test_parse_split_rejects_bad_fractions(text):
    with pytest.raises(SplitError):
        parse_split(text)


# -- bad input: a clear message, exit status 2, nothing written --------------------------------

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["export", *args])


def test_cli_exports_and_reports(tmp_path):
    result = run(str(ANNOTATIONS), "--format", "conll", "-o", str(tmp_path / "q.conll"), "--no-progress")
    assert result.exit_code == 0, result.output
    assert "4 decision(s) on 3 document(s)" in result.output


def test_records_without_answer_are_refused(tmp_path):
    task = export_decisions()[0].task.to_dict()
    source = tmp_path / "tasks.jsonl"
    source.write_text(json.dumps(task) + "\n", encoding="utf-8")
    out = tmp_path / "out.spacy"
    result = run(str(source), "--format", "spacy", "-o", str(out))
    assert result.exit_code == 2
    assert "tasks.jsonl:1" in result.output and "no 'answer'" in result.output
    assert list(tmp_path.iterdir()) == [source]


def test_a_docbin_given_as_input_is_refused(tmp_path):
    docbin = tmp_path / "quotes.spacy"
    export_annotations(sources=[ANNOTATIONS], format="spacy", output=docbin)
    result = run(str(docbin), "--format", "conll", "-o", str(tmp_path / "out.conll"))
    assert result.exit_code == 2
    assert "quotes.spacy:1" in result.output and "is this a JSONL file of annotations" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.spacy"]


def test_output_in_a_missing_folder_is_refused_before_reading(tmp_path):
    result = run(str(ANNOTATIONS), "--format", "spacy", "-o", str(tmp_path / "nope" / "out.spacy"))
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_stdin_and_unknown_format_and_bad_split_are_refused(tmp_path):
    assert run("-", "--format", "spacy", "-o", str(tmp_path / "o.spacy")).exit_code == 2
    result = run(str(ANNOTATIONS), "--format", "csv", "-o", str(tmp_path / "o.csv"))
    assert result.exit_code == 2 and "'csv': choose from" in result.output
    result = run(str(ANNOTATIONS), "--format", "spacy", "-o", str(tmp_path / "o.spacy"), "--split", "0.9,0.2")
    assert result.exit_code == 2 and "add up to" in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_bad_line_late_in_the_input_leaves_the_old_output_untouched(tmp_path):
    source = tmp_path / "in.jsonl"
    lines = ANNOTATIONS.read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[-2])
    broken["spans"][0]["end"] = 10_000  # breaks an invariant; found only in the second pass
    source.write_text("\n".join(lines[:-2] + [json.dumps(broken), lines[-1]]) + "\n", encoding="utf-8")
    out = tmp_path / "out.spacy"
    out.write_bytes(b"previous export")
    with pytest.raises(InputError, match=r"in.jsonl:7"):
        export_annotations(sources=[source], format="spacy", output=out, force=True)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.spacy"]


def test_written_files_get_ordinary_permissions(tmp_path):
    out = tmp_path / "q.conll"
    export_annotations(sources=[ANNOTATIONS], format="conll", output=out)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
