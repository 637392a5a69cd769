"""Records Prodigy itself wrote (explosion/projects' tutorial data, MIT) are read as they are:
``import prodigy`` keeps their hashes and every field, and what it writes exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from annotator.core.hashing import input_hash
from annotator.core.records import Annotation
from annotator.core.validation import validate_file
from annotator.formats.exporting import Selection, export_annotations
from annotator.formats.importing import import_files
from tests.conftest import FIXTURES

PRODIGY_FILES = FIXTURES / "formats" / "explosion_projects"


def written_by_prodigy(name: str) -> list[dict]:
    return [json.loads(line) for line in (PRODIGY_FILES / name).read_text("utf-8").splitlines()]


def imported(tmp_path: Path, name: str) -> list[dict]:
    out = tmp_path / f"{name}.ours.jsonl"
    import_files(format="prodigy", sources=[PRODIGY_FILES / name], output=out)
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def exported(tmp_path: Path, source: Path, format: str = "prodigy", answers=("accept",)) -> Path:
    out = tmp_path / f"out.{ 'spacy' if format == 'spacy' else 'jsonl'}"
    export_annotations(sources=[source], format=format, output=out, selection=Selection(answers=answers))
    return out


@pytest.mark.parametrize("name", sorted(p.name for p in PRODIGY_FILES.glob("*.jsonl")))
def test_prodigy_records_keep_the_hashes_prodigy_gave_them(tmp_path, name):
    given = [r for r in written_by_prodigy(name) if r["text"].strip()]
    ours = imported(tmp_path, name)
    assert [(r["_input_hash"], r["_task_hash"]) for r in ours] == \
        [(r["_input_hash"], r["_task_hash"]) for r in given]
    # ... and through export --format prodigy as well.
    out = exported(tmp_path, tmp_path / f"{name}.ours.jsonl", answers=("accept", "reject", "ignore"))
    back = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert sorted((r["_input_hash"], r["_task_hash"]) for r in back) == \
        sorted({(r["_input_hash"], r["_task_hash"]): 0 for r in given})


def test_our_hash_is_not_prodigys_so_none_is_claimed():
    """Prodigy's exact serialisation is not public: no recipe we tried gives its value for a text
    it hashed. This pins the gap the README states, so a change that closes it is noticed."""
    record = written_by_prodigy("textcat_docs_issues_eval.jsonl")[0]
    assert input_hash(record["text"]) != record["_input_hash"]


def test_tokens_without_ws_are_read_and_spans_keep_their_tokens(tmp_path):
    given = written_by_prodigy("ner_fashion_brands_eval.jsonl")
    assert all("ws" not in t for r in given for t in r["tokens"])
    ours = imported(tmp_path, "ner_fashion_brands_eval.jsonl")
    for record, original in zip(ours, given, strict=True):
        assert [(t["start"], t["end"]) for t in record["tokens"]] == [(t["start"], t["end"]) for t in original["tokens"]]
        assert [t["ws"] for t in record["tokens"]] == [record["text"][t["end"]:t["end"] + 1] == " "
                                                      for t in original["tokens"]]
        assert [(s["start"], s["end"], s["label"], s["token_start"], s["token_end"]) for s in record["spans"]] == \
            [(s["start"], s["end"], s["label"], s["token_start"], s["token_end"]) for s in original["spans"]]
        assert record["answer"] == original["answer"]


def test_binary_spans_without_token_offsets_keep_score_rank_source(tmp_path):
    given = written_by_prodigy("nel_emerson_annotated_text.jsonl")
    assert "tokens" not in given[0] and "token_start" not in given[0]["spans"][0]
    ours = imported(tmp_path, "nel_emerson_annotated_text.jsonl")
    for record, original in zip(ours, given, strict=True):
        span, first = record["spans"][0], original["spans"][0]
        for name in ("score", "rank", "source", "input_hash", "start", "end", "label"):
            assert span[name] == first[name]
        token_texts = [t["text"] for t in record["tokens"]][span["token_start"]:span["token_end"] + 1]
        assert "".join(token_texts) == record["text"][span["start"]:span["end"]].replace(" ", "")
        assert record["options"] == original["options"] and record["accept"] == original["accept"]
    assert validate_file(tmp_path / "nel_emerson_annotated_text.jsonl.ours.jsonl").ok


def test_whitespace_only_text_is_left_out_and_counted_not_an_error(tmp_path):
    out = tmp_path / "tweets.jsonl"
    report = import_files(format="prodigy", sources=[PRODIGY_FILES / "ner_tweets_test_annotated.jsonl"], output=out)
    assert report.written == 2 and report.decisions == 2
    assert report.left_out == {"text is empty or only whitespace": 1}


def test_a_textcat_label_becomes_doc_cats_and_keeps_its_view(tmp_path):
    ours = imported(tmp_path, "textcat_docs_issues_eval.jsonl")
    assert [r["label"] for r in ours] == ["DOCUMENTATION", "DOCUMENTATION"]
    source = tmp_path / "textcat_docs_issues_eval.jsonl.ours.jsonl"
    spacy_out = exported(tmp_path, source, "spacy", answers=("accept", "reject"))
    docs = list(DocBin().from_disk(spacy_out).get_docs(spacy.blank("en").vocab))
    assert sorted(doc.cats["DOCUMENTATION"] for doc in docs) == [0.0, 1.0]
    back = [json.loads(line) for line in exported(tmp_path, source, answers=("accept", "reject")).read_text().splitlines()]
    assert {r["_view_id"] for r in back} == {"classification"}
    assert all(r["label"] == "DOCUMENTATION" and r["spans"] == [] for r in back)


def test_relations_prodigy_wrote_are_kept(tmp_path):
    given = written_by_prodigy("rel_component_annotations.jsonl")[0]
    ours = imported(tmp_path, "rel_component_annotations.jsonl")[0]
    key = lambda r: (r["head_span"]["start"], r["child_span"]["start"], r["label"])  # noqa: E731
    assert sorted(map(key, ours["relations"])) == sorted(map(key, given["relations"]))
    annotation = Annotation.from_dict(ours)
    assert len(annotation.task.spans) >= len(given["spans"])
