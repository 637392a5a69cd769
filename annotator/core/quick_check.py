"""A line proven to be a sound record in one typed decode: the schemas' rules and the invariants, at parse speed.

``line_is_sound`` answers True only for a line that the full check (``schema_errors`` plus
``Task``/``Annotation.from_dict`` plus ``task_problems``) would pass; False means "not proven"
and the caller runs the full check, which says what is wrong. msgspec decodes the fields we own
straight into the record structs of ``records`` (unknown keys, wrong kinds and negative offsets
refused, as the schema generated from them refuses them); every
other field (``meta``, fields carried through) is parsed by the readers' own strict parser, so a
value those refuse (NaN, a lone surrogate, a huge integer, deep nesting) is never proven sound.
"""

from __future__ import annotations

from typing import Any, Callable

import msgspec
from msgspec import Raw

from annotator.core.invariants import task_is_sound
from annotator.core.record_decoding import ANNOTATION_LINE, TASK_LINE, field_readers, looks_like_doccano
from annotator.core.sources import StrictJsonError, parse_json_line


def _strict(raw: Raw) -> Any:
    return parse_json_line(bytes(raw).decode("utf-8"))


#: How each top-level field is read: ours by the decoders of the records' declarations (each
#: refuses what the schema refuses), anything else with the strict parser.
_TASK_FIELDS: dict[str, Callable[[Raw], Any]] = field_readers(TASK_LINE)
_ANNOTATION_FIELDS: dict[str, Callable[[Raw], Any]] = field_readers(ANNOTATION_LINE)
_top_level = msgspec.json.Decoder(dict[str, Raw]).decode
_NOT_PROVEN = (msgspec.DecodeError, msgspec.ValidationError, StrictJsonError, ValueError, RecursionError)
#: Records with only the fields we write: read in one pass, without a first pass over their keys.
_read_task, _read_annotation = msgspec.json.Decoder(TASK_LINE).decode, msgspec.json.Decoder(ANNOTATION_LINE).decode


def line_is_sound(line: bytes) -> bool:
    """Whether this JSONL line (without its newline) is a record the full check would pass."""
    try:
        # Our writers' records have no other fields; a record with more (or a key spelt with
        # escapes, or "answer" only inside its text) is read field by field below.
        record = (_read_annotation if b'"answer"' in line else _read_task)(line)
    except _NOT_PROVEN:
        return _fields_sound(line)
    try:
        for raw in record.meta.values():
            _strict(raw)
    except _NOT_PROVEN:
        return False
    return task_is_sound(record.text, record.tokens, record.spans, record.relations, record.suggestions)


def _fields_sound(line: bytes) -> bool:
    """The same verdict for any record: each field read by the reader its name calls for."""
    try:
        fields = _top_level(line)
        readers = _ANNOTATION_FIELDS if "answer" in fields else _TASK_FIELDS
        values = {name: readers.get(name, _strict)(raw) for name, raw in fields.items()}
        for raw in values.get("meta", {}).values():
            _strict(raw)
    except _NOT_PROVEN:
        return False
    # Doccano's entities without spans are refused by the reader.
    return ("text" in values and not looks_like_doccano(values)
            and task_is_sound(values["text"], values.get("tokens", []), values.get("spans", []),
                       values.get("relations", []), values.get("suggestions", [])))
