"""Reading records through their declarations in ``records``: objects, whole lines, and the words of a refusal.

Nothing here declares a field. The shapes a line is read with (``TASK_SHAPE`` and the others) are
built from the structs of ``records``; msgspec's refusal is reworded as the readers always said
it (``span PERSON 0-14: 'start' must be an integer, got a string``).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping

import msgspec
from msgspec import Raw

from annotator.core.records import (ANNOTATION_FIELDS, ANSWERS, IN_MEMORY_ONLY, PRODIGY_TOP_FIELDS, QUOTE_TYPES,
                                    TASK_FIELDS, Annotation, ProdigyTaskFields, RecordError, Relation, Span, Suggestion,
                                    Task, Token)


def _shape(name: str, kinds: tuple[type, ...], *, forbid_unknown: bool, meta: Any = None, gc: bool = True) -> type:
    """One struct holding the JSON fields of ``kinds`` (renamed as records name them)."""
    fields: list[tuple[Any, ...]] = []
    for kind in kinds:
        for field in msgspec.structs.fields(kind):
            if field.name in IN_MEMORY_ONLY:
                continue
            kind_of = meta if meta is not None and field.name == "meta" else field.type
            if field.default_factory is not msgspec.NODEFAULT:
                fields.append((field.encode_name, kind_of, msgspec.field(default_factory=field.default_factory)))
            elif field.default is not msgspec.NODEFAULT:
                fields.append((field.encode_name, kind_of, field.default))
            else:
                fields.append((field.encode_name, kind_of))
    return msgspec.defstruct(name, fields, kw_only=True, forbid_unknown_fields=forbid_unknown, gc=gc)


_TASK_KINDS = (Task, ProdigyTaskFields)
_DECISION_KINDS = (Task, ProdigyTaskFields, Annotation)
#: What the JSON Schemas say, as structs: a task (other top-level fields carried through), the
#: decision's own fields, and a whole decision.
TASK_SHAPE = _shape("Task", _TASK_KINDS, forbid_unknown=False)
DECISION_FIELDS_SHAPE = _shape("Annotation", (Annotation,), forbid_unknown=False)
ANNOTATION_SHAPE = _shape("Annotation", _DECISION_KINDS, forbid_unknown=False)
#: Lines with only the fields we write, read in one pass; ``meta``'s values are left raw for the
#: readers' strict parser. Not tracked by the garbage collector: a line read from JSON holds no cycle.
TASK_LINE = _shape("Task", _TASK_KINDS, forbid_unknown=True, meta=dict[str, Raw], gc=False)
ANNOTATION_LINE = _shape("Annotation", _DECISION_KINDS, forbid_unknown=True, meta=dict[str, Raw], gc=False)


def field_readers(shape: type) -> dict[str, Callable[[Raw], Any]]:
    """A typed decoder for each field of a shape, for reading a record a field at a time."""
    return {field.encode_name: msgspec.json.Decoder(field.type).decode for field in msgspec.structs.fields(shape)}


def looks_like_doccano(data: Mapping[str, Any]) -> bool:
    # Prodigy's "label" is one string; doccano's is a list of [start, end, label].
    return isinstance(data.get("label"), list) or ("entities" in data and "spans" not in data)


def task_from_dict(data: Any) -> Task:
    """A task from a parsed record; checks kinds (by the declarations), not invariants."""
    if not isinstance(data, Mapping):
        raise RecordError(f"a record must be a JSON object, got {json_type(data)}")
    if "text" not in data:
        if isinstance(data.get("data"), Mapping) and "text" in data["data"]:
            raise RecordError("missing 'text': this looks like a Label Studio task; convert it with "
                              "'annotator import labelstudio FILE -o TASKS.jsonl'")
        raise RecordError("missing 'text'")
    if looks_like_doccano(data):
        raise RecordError("this looks like a doccano record ('label' or 'entities' with character "
                          "offsets); convert it with 'annotator import doccano FILE -o TASKS.jsonl'")
    owned: dict[str, Any] = {}
    prodigy: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for name, value in data.items():
        if name in _TASK_OWN:
            owned[name] = value
        elif name not in _DECISION_OWN:
            extra[name] = value
            if name in PRODIGY_TOP_FIELDS:
                prodigy[name] = value
    convert(prodigy, ProdigyTaskFields, "")
    owned["extra"] = extra
    return convert(owned, Task, "")


def annotation_from_dict(data: Any) -> Annotation:
    task = task_from_dict(data)
    decision = convert({name: data[name] for name in _DECISION_OWN if name in data}, DECISION_FIELDS_SHAPE, "")
    return Annotation(task, *(getattr(decision, name) for name in ANNOTATION_FIELDS))


_TASK_OWN = frozenset(TASK_FIELDS)
_DECISION_OWN = frozenset(ANNOTATION_FIELDS)


def convert(data: Any, kind: type, what: str) -> Any:
    """``data`` read as ``kind``; a refusal is a ``RecordError`` in the readers' words."""
    if what and not isinstance(data, Mapping):
        raise RecordError(f"{what} must be an object, got {json_type(data)}")
    try:
        return msgspec.convert(data, kind, strict=True)
    except msgspec.ValidationError as err:
        raise RecordError(reworded(str(err), data, what)) from None


_AT = re.compile(r"^(?P<what>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")
_KIND_WORDS = {"int": "an integer", "str": "a string", "bool": "true or false", "float": "a number",
               "int | float": "a number", "array": "a list", "object": "an object",
               "str | null": "a string or null"}
_CHOICES = {"answer": ANSWERS, "quote_type": QUOTE_TYPES}
_RECORD_OF = {"tokens": ("token", Token), "spans": ("span", Span), "relations": ("relation", Relation),
              "suggestions": ("suggestion", Suggestion)}
#: Fields that hold one span: a relation's two ends, a suggestion's three parts.
_SPAN_FIELDS = {name: ("span", Span) for name in ("head_span", "child_span", "quote", "cue", "speaker")}


def reworded(message: str, data: Any, what: str = "") -> str:
    """msgspec's ``Expected `int`, got `str` - at `$.spans[0].start``` as the readers say it."""
    match = _AT.match(message)
    assert match is not None  # the pattern matches any text
    problem, path = match["what"], match["path"] or ""
    where, kind, value, name, item = what, None, data, None, None
    for key, index in _STEP.findall(path):
        if key:
            name, value, item = key, _child(value, key), _SPAN_FIELDS.get(key) if kind is not Span else None
        else:
            value, item = _child(value, int(index)), _RECORD_OF.get(name or "")
        if item is not None:
            kind = item[1]
            if not isinstance(value, Mapping):
                return f"{where + ': ' if where else ''}{item[0]} must be an object, got {json_type(value)}"
            where = _brief(item[0], value, int(index) if index else None)
    prefix = f"{where}: " if where else ""
    return prefix + _words(problem, name, value, kind)


def _child(value: Any, step: str | int) -> Any:
    try:
        return value[step]
    except (KeyError, IndexError, TypeError):
        return None


def _words(problem: str, name: str | None, value: Any, kind: type | None) -> str:
    if m := re.fullmatch(r"Object missing required field `(.+)`", problem):
        return f"missing '{m[1]}'"
    if m := re.fullmatch(r"Object contains unknown field `(.+)`", problem):
        known = ", ".join(sorted(f.encode_name for f in msgspec.structs.fields(kind))) if kind else ""
        return f"unknown field '{m[1]}'" + (f" (known: {known})" if known else "")
    if m := re.fullmatch(r"Expected `([^`]+)`, got `[^`]+`", problem):
        return f"'{name}' must be {_KIND_WORDS.get(m[1], m[1])}, got {json_type(value)}"
    if re.fullmatch(r"Expected `str` (of length >= 1|matching regex .*)", problem):
        return f"'{name}' is empty" + (" (a span's label names what it is)" if name == "label" else "")
    if m := re.fullmatch(r"Expected `(?:int|float)` ([<>])= (\S+)", problem):
        bound = m[2].removesuffix(".0")
        return f"'{name}' must be {'at most' if m[1] == '<' else 'at least'} {bound}, got {value!r}"
    if problem.startswith("Invalid enum value") and name in _CHOICES:
        return f"'{name}' must be one of {', '.join(_CHOICES[name])}, got {value!r}"
    return f"'{name}': {problem}" if name else problem


def _brief(what: str, data: Mapping[str, Any], index: int | None) -> str:
    if what in ("token", "suggestion"):
        return f"{what} {index}"
    label = data.get("label", "?")
    if what == "relation":
        return f"relation {label}"
    return f"span {label if label != '' else repr(label)} {data.get('start', '?')}-{data.get('end', '?')}"


def json_type(value: Any) -> str:
    """How a JSON value's kind reads in a message: 'a list', 'a string', 'null', ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__

