"""One list of relation labels: a label outside it is refused alike by the store, the readers,
validate and export."""

from __future__ import annotations

import json

import pytest

from annotator.core.records import RELATION_LABELS, Annotation, RecordError, Relation, Span, Task, Token
from annotator.core.sources import InputError, read_tasks
from annotator.core.store import JsonlStore
from annotator.core.validation import validate_file


def linked(label: str) -> Task:
    text = "Ana said yes"
    tokens = [Token("Ana", 0, 3, 0, True), Token("said", 4, 8, 1, True), Token("yes", 9, 12, 2, False)]
    quote = Span(9, 12, 2, 2, "QUOTE", quote_type="direct")
    speaker = Span(0, 3, 0, 0, "SPEAKER")
    return Task(text=text, tokens=tokens, spans=[quote, speaker], relations=[Relation(quote, speaker, label)])


def test_the_known_labels_still_pass():
    for label in RELATION_LABELS:
        assert Annotation(linked(label), "accept", "a", "s", 1).to_dict()["relations"][0]["label"] == label


def test_the_store_refuses_an_unknown_relation_label(tmp_path):
    path = tmp_path / "out.jsonl"
    with JsonlStore(path) as store:
        store.append_decision(Annotation(linked("SAID_BY"), "accept", "a", "s", 1))
        with pytest.raises(RecordError, match="relation 'QUOTED_BY': unknown label"):
            store.append_decision(Annotation(linked("QUOTED_BY"), "accept", "a", "s", 2))
    assert len(path.read_text().splitlines()) == 1


def test_readers_validate_and_export_refuse_it_at_its_line(tmp_path):
    path = tmp_path / "in.jsonl"
    good = Annotation(linked("CUE"), "accept", "a", "s", 1).to_dict()
    bad = Annotation(linked("SAID_BY"), "accept", "b", "s", 1).to_dict()
    bad["relations"][0]["label"] = "QUOTED_BY"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(InputError, match=r"in\.jsonl:2: relation 'QUOTED_BY': unknown label"):
        list(read_tasks([path]))
    report = validate_file(path)
    assert {p.line for p in report.problems} == {2}
    assert any("unknown label" in p.message for p in report.problems)

    from annotator.export.exporting import export_annotations

    with pytest.raises(InputError, match=r"in\.jsonl:2: relation 'QUOTED_BY': unknown label"):
        export_annotations(sources=[path], format="prodigy", output=tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()
