"""JSON Schemas of our records, generated from their declarations in ``records`` and shipped in the package.

``build_schema`` is the generator; ``python -m annotator.core.schema`` writes its output to
``annotator/schemas/`` (what an installed annotator validates with) and to the repository's
``schemas/``, and a test holds both to it. ``schema_valid`` answers with the declarations
themselves (msgspec); ``schema_errors`` words every difference with ``jsonschema``.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import msgspec
from jsonschema import Draft202012Validator
from jsonschema.validators import extend
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from annotator.core.record_decoding import ANNOTATION_SHAPE, DECISION_FIELDS_SHAPE, TASK_SHAPE

SCHEMA_NAMES = ("task", "annotation")
_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_ID = "urn:annotator:schemas:{name}.schema.json"
_ABOUT = {
    "task": ("annotator task", "One document with its spans and relations, in Prodigy's task format. Fields not "
             "listed here are carried through from the input unchanged. Every field Prodigy writes is accepted; "
             "tokens, spans and relations refuse fields neither annotator nor Prodigy writes. Rules between "
             "fields (spans on token edges, quote_type only on QUOTE spans, ...) are checked by "
             "'annotator validate', not stated here."),
    "annotation": ("annotator annotation", "A decision on a task: the task as the annotator left it, plus the "
                   "answer and who gave it. Prodigy may write _session_id null and older Prodigy versions leave "
                   "out _timestamp."),
}


def build_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (2020-12) of a task or an annotation, from the record structs."""
    title, description = _ABOUT[name]
    head = {"$schema": _DRAFT, "$id": _ID.format(name=name), "title": title, "description": description}
    if name == "task":
        _, defs = msgspec.json.schema_components([TASK_SHAPE], ref_template="#/$defs/{name}")
        body = _tidy(defs.pop("Task"))
        body.pop("title", None)
        return {**head, **body, "$defs": _tidy(defs)}
    if name == "annotation":
        _, defs = msgspec.json.schema_components([DECISION_FIELDS_SHAPE], ref_template="#/$defs/{name}")
        body = _tidy(defs.pop("Annotation"))
        body.pop("title", None)
        return {**head, "allOf": [{"$ref": _ID.format(name="task")}], **body}
    raise KeyError(f"unknown schema {name!r}; known: {', '.join(SCHEMA_NAMES)}")


def _tidy(node: Any) -> Any:
    """The schema as a person writes it: no null defaults (a field declared ``= None`` is one a
    record may leave out, never one it writes as null), and a choice of plain types as one
    ``type`` (an integer is a number), which also words ``jsonschema``'s messages better."""
    if isinstance(node, list):
        return [_tidy(value) for value in node]
    if not isinstance(node, dict):
        return node
    out = {key: _tidy(value) for key, value in node.items() if not (key == "default" and value is None)}
    choices = out.get("anyOf")
    if choices and all(list(choice) == ["type"] for choice in choices):
        kinds = [choice["type"] for choice in choices]
        kinds = ["number"] if set(kinds) == {"integer", "number"} else kinds
        del out["anyOf"]
        out["type"] = kinds[0] if len(kinds) == 1 else kinds
    return out


def schema_text(name: str) -> str:
    """The file ``build_schema`` gives, as it is written."""
    return json.dumps(build_schema(name), indent=2, ensure_ascii=False) + "\n"


def write_schemas(*folders: Path) -> None:
    for folder in folders:
        for name in SCHEMA_NAMES:
            (folder / f"{name}.schema.json").write_text(schema_text(name), encoding="utf-8")


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    """The schema the package ships (what ``build_schema`` wrote)."""
    if name not in SCHEMA_NAMES:
        raise KeyError(f"unknown schema {name!r}; known: {', '.join(SCHEMA_NAMES)}")
    text = resources.files("annotator.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


# JSON Schema counts 1.0 as an integer; our records (and msgspec, which reads them) do not, so the
# validator that words the messages must not either, or a line is refused with no reason given.
_StrictIntegers = extend(Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool)))


@lru_cache(maxsize=None)
def _validator(name: str) -> Draft202012Validator:
    # A referenced schema that names its dialect ($schema) would be checked by jsonschema's own
    # validator for it, without our integer rule; without it, the referring validator's class is used.
    registry: Registry = Registry().with_resources(
        (load_schema(n)["$id"], Resource(_without_dialect(n), specification=DRAFT202012)) for n in SCHEMA_NAMES
    )
    return _StrictIntegers(load_schema(name), registry=registry)


def _without_dialect(name: str) -> dict[str, Any]:
    return {key: value for key, value in load_schema(name).items() if key != "$schema"}


def schema_for(record: dict[str, Any]) -> str:
    """A record with an answer is an annotation; anything else is a task."""
    return "annotation" if "answer" in record else "task"


def schema_valid(record: Any, name: str | None = None) -> bool:
    """Whether the record matches its schema (the verdict of ``schema_errors``, read by the
    declarations the schema is generated from, many times sooner)."""
    if name is None:
        name = schema_for(record) if isinstance(record, dict) else "task"
    try:
        msgspec.convert(record, ANNOTATION_SHAPE if name == "annotation" else TASK_SHAPE, strict=True)
    except msgspec.ValidationError:
        return False
    return True


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
    problems = [f"{where}: missing {', '.join(names)}" for where, names in missing.items()] + messages
    if not problems:
        # The structs also hold rules between fields that JSON Schema cannot state (a relation's
        # ``child`` is its child span's last token): say which, rather than refuse with no reason.
        try:
            msgspec.convert(record, ANNOTATION_SHAPE if name == "annotation" else TASK_SHAPE, strict=True)
        except msgspec.ValidationError as err:
            problems = [_struct_problem(str(err))]
    return problems


def _struct_problem(message: str) -> str:
    """msgspec's ``what - at `$.relations[0]``` as ``relations/0: what``."""
    what, _, where = message.rpartition(" - at `$")
    if not what:
        return f"record: {message}"
    path = where.rstrip("`").lstrip(".").replace("[", "/").replace("]", "").replace(".", "/")
    return f"{path or 'record'}: {what}"


if __name__ == "__main__":  # python -m annotator.core.schema [FOLDER...]
    _ROOT = Path(__file__).resolve().parents[2]
    write_schemas(*([Path(arg) for arg in sys.argv[1:]] or [_ROOT / "annotator" / "schemas", _ROOT / "schemas"]))
