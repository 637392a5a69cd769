"""Shared fixtures; every JSONL record the store writes during tests is checked against schemas/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from annotator.core.store import JsonlStore

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
SEEDS = ROOT / "seeds"
SEED_TEXT_PATH = next(SEEDS.glob("*.txt"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _validators() -> dict[str, Draft202012Validator]:
    # Read from the repository's schemas/ (not the package copy) so both are held to the records.
    schemas = {p.name.split(".")[0]: json.loads(p.read_text()) for p in SCHEMAS.glob("*.schema.json")}
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    return {name: Draft202012Validator(schema, registry=registry) for name, schema in schemas.items()}


VALIDATORS = _validators()


def assert_valid_record(record: dict) -> None:
    name = "annotation" if "answer" in record else "task"
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATORS[name].iter_errors(record)]
    assert not errors, f"record does not match schemas/{name}.schema.json: {errors}"


@pytest.fixture(autouse=True)
def _validate_every_written_record(monkeypatch):
    original = JsonlStore._append

    def checked(self, record, answer):
        assert_valid_record(record)
        return original(self, record, answer)

    monkeypatch.setattr(JsonlStore, "_append", checked)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp_model():
    """The real English model with our components; loaded once for the tests that need it."""
    from annotator.nlp.pipeline import load_pipeline

    return load_pipeline()
