"""The schemas in schemas/ and annotator/schemas/ are what the generator makes of the record
structs, and they accept what the code writes."""

from __future__ import annotations

import json
from importlib import resources

import msgspec
import pytest

from annotator.core.records import (IN_MEMORY_ONLY, Annotation, ProdigyTaskFields, Relation, Span, Task,
                                    Token)
from annotator.core.schema import SCHEMA_NAMES, build_schema, schema_errors, schema_text
from tests.conftest import SCHEMAS
from tests.core.test_records import make_task


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_shipped_schemas_are_the_generators_output(name):
    generated = schema_text(name)
    shipped = resources.files("annotator.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    regenerate = "regenerate with: python -m annotator.core.schema"
    assert shipped == generated, f"annotator/schemas/{name}.schema.json is not the generator's output; {regenerate}"
    assert (SCHEMAS / f"{name}.schema.json").read_text("utf-8") == generated, f"schemas/ differs; {regenerate}"
    assert json.loads(generated) == build_schema(name)


def _json_names(*kinds: type) -> set[str]:
    return {f.encode_name for kind in kinds for f in msgspec.structs.fields(kind) if f.name not in IN_MEMORY_ONLY}


def test_every_field_of_a_record_struct_is_in_the_schema():
    # Read from the declarations, so that a field added to a struct needs no change here.
    task = build_schema("task")
    assert set(task["properties"]) == _json_names(Task, ProdigyTaskFields)
    assert {"text", "tokens", "spans", "relations", "meta", "_input_hash", "_task_hash", "_view_id"} <= set(
        task["properties"])
    for kind in (Token, Span, Relation):
        assert set(task["$defs"][kind.__name__]["properties"]) == _json_names(kind), kind.__name__
    span = task["$defs"]["Span"]["properties"]
    assert {"score", "rank", "source", "input_hash", "pattern", "answer", "type"} <= set(span)
    assert span["score"]["description"].startswith("Prodigy: ")
    assert set(build_schema("annotation")["properties"]) == _json_names(Annotation)
    assert _json_names(Annotation) >= {"answer", "_annotator_id", "_session_id", "_timestamp"}


def test_written_records_validate_and_broken_ones_do_not():
    task = make_task()
    assert schema_errors(task.to_dict()) == []
    annotation = Annotation(task, "accept", "ann", "s1", 1).to_dict()
    assert schema_errors(annotation) == []
    broken = dict(annotation, answer="yes")
    assert any("answer" in e for e in schema_errors(broken))
    data = task.to_dict()
    data["spans"][0]["score"] = "high"
    assert any("score" in e for e in schema_errors(data))
    data = Task(text="x").to_dict()
    data["spans"] = [{"start": 0, "end": 1, "token_start": 0, "token_end": 0, "label": "ORG", "colour": "red"}]
    assert any("colour" in e for e in schema_errors(data))
