"""JSON Schemas of our records, shipped inside the package so an installed annotator can validate."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Callable

import fastjsonschema
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_NAMES = ("task", "annotation")


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    if name not in SCHEMA_NAMES:
        raise KeyError(f"unknown schema {name!r}; known: {', '.join(SCHEMA_NAMES)}")
    text = resources.files("annotator.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def _validator(name: str) -> Draft202012Validator:
    registry: Registry = Registry().with_resources(
        (load_schema(n)["$id"], Resource.from_contents(load_schema(n))) for n in SCHEMA_NAMES
    )
    return Draft202012Validator(load_schema(name), registry=registry)


@lru_cache(maxsize=None)
def _compiled(name: str) -> Callable[[Any], Any]:
    """The schema compiled to Python once, ten times quicker than ``jsonschema`` for a yes or no.

    fastjsonschema knows drafts up to 7; our schemas use nothing that reads differently there
    (no ``$ref`` beside other keywords), once every ``#/...`` reference names its schema's ``$id``.
    """
    schemas = {n: _absolute_refs(load_schema(n), load_schema(n)["$id"]) for n in SCHEMA_NAMES}
    by_id = {schema["$id"]: {**schema, "$schema": _DRAFT_7} for schema in schemas.values()}
    return fastjsonschema.compile(by_id[schemas[name]["$id"]], handlers={"urn": by_id.__getitem__})


_DRAFT_7 = "http://json-schema.org/draft-07/schema#"


def _absolute_refs(node: Any, base: str) -> Any:
    if isinstance(node, dict):
        return {key: base + value if key == "$ref" and value.startswith("#") else _absolute_refs(value, base)
                for key, value in node.items()}
    if isinstance(node, list):
        return [_absolute_refs(value, base) for value in node]
    return node


def schema_valid(record: Any, name: str | None = None) -> bool:
    """Whether the record matches its schema (the verdict of ``schema_errors``, much sooner)."""
    if name is None:
        name = schema_for(record) if isinstance(record, dict) else "task"
    try:
        _compiled(name)(record)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


def schema_for(record: dict[str, Any]) -> str:
    """A record with an answer is an annotation; anything else is a task."""
    return "annotation" if "answer" in record else "task"


def schema_errors(record: Any, name: str | None = None) -> list[str]:
    """Every way the record differs from its schema, as ``path: message`` lines."""
    if name is None:
        name = schema_for(record) if isinstance(record, dict) else "task"
    errors = sorted(_validator(name).iter_errors(record), key=lambda e: [str(p) for p in e.absolute_path])
    messages: list[str] = []
    missing: dict[str, list[str]] = {}
    for error in errors:
        where = "/".join(str(p) for p in error.absolute_path) or "record"
        if error.validator == "required":
            # One line per object for missing fields, not one per field.
            missing.setdefault(where, []).append(repr(error.message.split("'")[1]))
        else:
            messages.append(f"{where}: {error.message}")
    return [f"{where}: missing {', '.join(names)}" for where, names in missing.items()] + messages
