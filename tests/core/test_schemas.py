"""The schemas in schemas/ are the ones the package ships, and they accept what the code writes."""

from __future__ import annotations

from importlib import resources

from annotator.core.records import Annotation, Task
from annotator.core.schema import schema_errors
from tests.conftest import SCHEMAS
from tests.core.test_records import make_task


def test_package_ships_the_repository_schemas():
    for path in SCHEMAS.glob("*.schema.json"):
        shipped = resources.files("annotator.schemas").joinpath(path.name).read_text("utf-8")
        assert shipped == path.read_text("utf-8"), f"annotator/schemas/{path.name} differs from schemas/"


def test_written_records_validate_and_broken_ones_do_not():
    task = make_task()
    assert schema_errors(task.to_dict()) == []
    annotation = Annotation(task, "accept", "ann", "s1", 1).to_dict()
    assert schema_errors(annotation) == []
    broken = dict(annotation, answer="yes")
    assert any("answer" in e for e in schema_errors(broken))
    data = task.to_dict()
    data["spans"][0]["quote_type"] = "direct"
    assert any("quote_type" in e for e in schema_errors(data))
    data = Task(text="x").to_dict()
    data["spans"] = [{"start": 0, "end": 1, "token_start": 0, "token_end": 0, "label": "ORG", "colour": "red"}]
    assert any("colour" in e for e in schema_errors(data))
