"""Two different texts carrying one supplied ``_input_hash`` are two documents in export and review:
the second is reported with its file and line and kept apart under a hash of its own."""

from __future__ import annotations

import json

from annotator.core.hash_clashes import HASH_CLASH_KEY
from annotator.core.store import JsonlStore
from annotator.core.decisions import index_decisions, iter_decisions
from annotator.formats.exporting import export_annotations
from annotator.tui.review_feed import iter_review_items
from tests.conftest import assert_valid_record
from tests.formats.records_by_hand import decision, make_task

TEXTS = ("Ana Lopez said yes.", "Ben Okafor said no.", "Cy Ruiz said maybe.")


def write_clashing(path, who="alice", texts=TEXTS, hash_=42, start=0):
    lines = []
    for i, text in enumerate(texts):
        record = decision(make_task(text, [("PERSON", " ".join(text.split()[:2]))]), "accept", who,
                          1_700_000_000 + start + i).to_dict()
        record["_input_hash"] = hash_
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_export_keeps_every_text_under_a_clashing_hash_and_names_the_clash(tmp_path):
    source = write_clashing(tmp_path / "in.jsonl")
    notices = []
    report = export_annotations(sources=[source], format="prodigy", output=tmp_path / "out.jsonl",
                                on_notice=notices.append)
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    for record in records:
        assert_valid_record(record)
    assert report.documents == 3
    assert [r["text"] for r in records] == list(TEXTS)
    assert records[0]["_input_hash"] == 42 and HASH_CLASH_KEY not in records[0]["meta"]
    assert len({r["_input_hash"] for r in records}) == 3
    assert [r["meta"].get(HASH_CLASH_KEY) for r in records] == [None, 42, 42]
    assert [(n.line, str(n)) for n in notices] == [
        (2, f"{source}:2: _input_hash 42 is also carried by a different text ({source}:1); "
            f"this document gets its own hash {records[1]['_input_hash']}"),
        (3, f"{source}:3: _input_hash 42 is also carried by a different text ({source}:1); "
            f"this document gets its own hash {records[2]['_input_hash']}"),
    ]


def test_newest_decision_per_document_never_merges_two_texts(tmp_path):
    # One annotator decides text A, then (later) text B under the same supplied hash: both count.
    source = write_clashing(tmp_path / "in.jsonl", texts=TEXTS[:2])
    for group_by in ("annotator", "session", "input"):
        index = index_decisions([source], group_by=group_by)
        assert len(index) == 2 and len(index.documents) == 2
        assert [d.annotation.task.text for d in iter_decisions(index)] == list(TEXTS[:2])


def test_the_same_text_from_two_annotators_is_still_one_document(tmp_path):
    alice = write_clashing(tmp_path / "alice.jsonl", texts=TEXTS[:1])
    bob = write_clashing(tmp_path / "bob.jsonl", who="bob", texts=TEXTS[:1])
    notices = []
    index = index_decisions([alice, bob], on_notice=notices.append)
    assert notices == [] and index.decisions_per_input == {42: 2}


def test_review_shows_each_text_as_its_own_document_with_every_annotators_version(tmp_path):
    alice = write_clashing(tmp_path / "alice.jsonl", texts=TEXTS[:2])
    bob = write_clashing(tmp_path / "bob.jsonl", who="bob", texts=TEXTS[:2], start=10)
    index = index_decisions([alice, bob], answers=("accept", "reject"))
    items = list(iter_review_items(index, JsonlStore(tmp_path / "gold.jsonl")))
    assert [item.task.text for item in items] == list(TEXTS[:2])
    for item in items:
        assert [v.annotator for v in item.adjudication.versions] == ["alice", "bob"]
        assert {v.task.text for v in item.adjudication.versions} == {item.task.text}
    assert items[0].adjudication.input_hash == 42
    assert items[1].adjudication.input_hash != 42 and items[1].task.meta[HASH_CLASH_KEY] == 42
