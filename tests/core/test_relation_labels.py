"""Relation labels get one verdict everywhere: a label of another tool (Prodigy's rel.manual allows any)
is accepted alike by the store, the readers, validate and export, so nothing we write is refused by us."""

from __future__ import annotations

import json

from annotator.core.records import Annotation, Relation, Span, Task, Token
from annotator.core.sources import read_tasks
from annotator.core.store import JsonlStore
from annotator.core.validation import validate_file


def linked(label: str) -> Task:
    text = "Ana said yes"
    tokens = [Token("Ana", 0, 3, 0, True), Token("said", 4, 8, 1, True), Token("yes", 9, 12, 2, False)]
    quote = Span(9, 12, 2, 2, "QUOTE", quote_type="direct")
    speaker = Span(0, 3, 0, 0, "SPEAKER")
    return Task(text=text, tokens=tokens, spans=[quote, speaker], relations=[Relation(quote, speaker, label)])


def test_what_the_store_writes_with_another_tools_label_is_read_validated_and_exported(tmp_path):
    path = tmp_path / "out.jsonl"
    with JsonlStore(path) as store:
        store.append_decision(Annotation(linked("SAID_BY"), "accept", "a", "s", 1))
        store.append_decision(Annotation(linked("QUOTED_BY"), "accept", "b", "s", 1))
    assert [json.loads(x)["relations"][0]["label"] for x in path.read_text().splitlines()] == ["SAID_BY", "QUOTED_BY"]
    assert [t.relations[0].label for _, t in read_tasks([path])] == ["SAID_BY", "QUOTED_BY"]
    report = validate_file(path)
    assert report.ok, [str(p) for p in report.problems]

    from annotator.formats.exporting import export_annotations

    out = tmp_path / "export.jsonl"
    export_annotations(sources=[path], format="prodigy", output=out)
    assert sorted(json.loads(x)["relations"][0]["label"] for x in out.read_text().splitlines()) == ["QUOTED_BY", "SAID_BY"]
