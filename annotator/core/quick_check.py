"""A line proven to be a sound record in one typed decode: the schemas' rules and the invariants, at parse speed.

``line_is_sound`` answers True only for a line that the full check (``schema_errors`` plus
``Task``/``Annotation.from_dict`` plus ``task_problems``) would pass; False means "not proven"
and the caller runs the full check, which says what is wrong. msgspec decodes the fields we own
straight into typed structs that refuse unknown keys, wrong kinds and negative offsets; every
other field (``meta``, fields carried through) is parsed by the readers' own strict parser, so a
value those refuse (NaN, a lone surrogate, a huge integer, deep nesting) is never proven sound.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import attrgetter, is_not, le, lt, sub
from typing import Annotated, Any, Callable, Literal, Union

import msgspec
from msgspec import UNSET, Meta, Raw, Struct, UnsetType

from annotator.core.records import ANSWERS, QUOTE, QUOTE_TYPES, STRUCTURE_LABELS
from annotator.core.sources import StrictJsonError, parse_json_line

Offset = Annotated[int, Meta(ge=0)]
Label = Annotated[str, Meta(min_length=1)]


class _Token(Struct, forbid_unknown_fields=True, gc=False):
    text: str
    start: Offset
    end: Offset
    id: Offset
    ws: bool
    disabled: Union[bool, UnsetType] = UNSET


class _Span(Struct, forbid_unknown_fields=True, gc=False):
    start: Offset
    end: Annotated[int, Meta(ge=1)]
    token_start: Offset
    token_end: Offset
    label: Label
    text: Union[str, UnsetType] = UNSET
    quote_type: Union[Literal[QUOTE_TYPES], UnsetType] = UNSET  # type: ignore[valid-type]
    type: Union[str, UnsetType] = UNSET
    score: Union[float, UnsetType] = UNSET
    source: Union[str, UnsetType] = UNSET
    input_hash: Union[int, UnsetType] = UNSET
    pattern: Union[int, UnsetType] = UNSET
    answer: Union[str, UnsetType] = UNSET


class _Relation(Struct, forbid_unknown_fields=True, gc=False):
    head: Offset
    child: Offset
    head_span: _Span
    child_span: _Span
    label: Label
    color: Union[str, UnsetType] = UNSET


def _decoder(kind: Any) -> Callable[[Raw], Any]:
    return msgspec.json.Decoder(kind).decode


def _strict(raw: Raw) -> Any:
    return parse_json_line(bytes(raw).decode("utf-8"))


#: How each top-level field is read: ours with typed decoders (each refuses what the schema
#: refuses), anything else with the strict parser. A field with a kind check of its own here
#: is one both the schema and ``records`` check.
_TASK_FIELDS: dict[str, Callable[[Raw], Any]] = {
    "text": _decoder(str),
    "tokens": _decoder(list[_Token]),
    "spans": _decoder(list[_Span]),
    "relations": _decoder(list[_Relation]),
    "meta": _decoder(dict[str, Raw]),
    "_input_hash": _decoder(int),
    "_task_hash": _decoder(int),
    "_view_id": _decoder(str),
    "_is_binary": _decoder(bool),
    "label": _decoder(str),
}
_ANNOTATION_FIELDS: dict[str, Callable[[Raw], Any]] = {
    **_TASK_FIELDS,
    "answer": _decoder(Literal[ANSWERS]),  # type: ignore[valid-type]
    "_annotator_id": _decoder(Union[str, None]),
    "_session_id": _decoder(Union[str, None]),
    "_timestamp": _decoder(int),
}
_top_level = _decoder(dict[str, Raw])
_NOT_PROVEN = (msgspec.DecodeError, msgspec.ValidationError, StrictJsonError, ValueError, RecursionError)


class _Task(Struct, forbid_unknown_fields=True, kw_only=True, gc=False):
    """A task with only the fields we write: read in one pass, without a first pass over its keys."""

    text: str
    tokens: list[_Token] = []
    spans: list[_Span] = []
    relations: list[_Relation] = []
    meta: dict[str, Raw] = {}
    input_hash: Union[int, UnsetType] = msgspec.field(default=UNSET, name="_input_hash")
    task_hash: Union[int, UnsetType] = msgspec.field(default=UNSET, name="_task_hash")
    view_id: Union[str, UnsetType] = msgspec.field(default=UNSET, name="_view_id")
    is_binary: Union[bool, UnsetType] = msgspec.field(default=UNSET, name="_is_binary")
    label: Union[str, UnsetType] = UNSET


class _Annotation(_Task, forbid_unknown_fields=True, kw_only=True, gc=False):
    answer: Literal[ANSWERS]  # type: ignore[valid-type]
    annotator_id: Union[str, None, UnsetType] = msgspec.field(default=UNSET, name="_annotator_id")
    session_id: Union[str, None, UnsetType] = msgspec.field(default=UNSET, name="_session_id")
    timestamp: Union[int, UnsetType] = msgspec.field(default=UNSET, name="_timestamp")


_read_task, _read_annotation = _decoder(_Task), _decoder(_Annotation)


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
    return _sound(record.text, record.tokens, record.spans, record.relations)


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
    # Doccano's entities without spans are refused by both the schema and the reader.
    return ("text" in values and not ("entities" in values and "spans" not in values)
            and _sound(values["text"], values.get("tokens", []), values.get("spans", []),
                       values.get("relations", [])))


def _sound(text: str, tokens: list[_Token], spans: list[_Span], relations: list[_Relation]) -> bool:
    """The invariants of ``task_problems``, a column at a time (all the spans' starts, all their ends, ...)."""
    if not text.strip():
        return False
    token_starts, token_ends = _token_offsets(text, tokens) if tokens else ([], [])
    if token_starts is None:
        return False
    if not spans:
        return not relations
    starts, ends = list(map(_start, spans)), list(map(_end, spans))
    try:
        # Token offsets ascend, so "token_start's start is the span's start" is the same as
        # "the span starts on a token start, and that token is token_start" (and so for ends).
        if (list(map(token_starts.__getitem__, map(_token_start, spans))) != starts
                or list(map(token_ends.__getitem__, map(_token_end, spans))) != ends):
            return False
    except IndexError:
        return False
    if not all(map(lt, starts, ends)):
        return False
    keys = set(map(_key, spans))
    if len(keys) != len(spans):
        return False
    labels = list(map(_label, spans))
    given = list(map(_text, spans))
    if UNSET in given:
        kept = list(map(is_not, given, repeat(UNSET)))
        given, starts_given, ends_given = (list(compress(c, kept)) for c in (given, starts, ends))
    else:
        starts_given, ends_given = starts, ends
    if list(map(len, given)) != list(map(sub, ends_given, starts_given)) or not all(
            map(text.startswith, given, starts_given)):
        return False
    if not set(compress(labels, map(is_not, map(_quote_type, spans), repeat(UNSET)))) <= _QUOTE_ONLY:
        return False
    if span_overlap([(s, e) for s, e, label in zip(starts, ends, labels) if label not in STRUCTURE_LABELS]):
        return False
    if not relations:
        return True
    heads, children = list(map(_head_span, relations)), list(map(_child_span, relations))
    return (keys.issuperset(map(_key, heads)) and keys.issuperset(map(_key, children))
            and list(map(_head, relations)) == list(map(_token_end, heads))
            and list(map(_child, relations)) == list(map(_token_end, children)))


def _token_offsets(text: str, tokens: list[_Token]) -> tuple[list[int] | None, list[int]]:
    """The tokens' starts and ends when ids count from 0, offsets ascend without overlap inside
    the text and each token's text is there; (None, []) otherwise."""
    if list(map(_id, tokens)) != list(range(len(tokens))):
        return None, []
    starts, ends, texts = list(map(_start, tokens)), list(map(_end, tokens)), list(map(_text, tokens))
    # Each token is as long as its text, so start < end when no text is empty; the document has
    # the text at its start (so no token ends past the text): startswith compares in place.
    if (list(map(len, texts)) != list(map(sub, ends, starts)) or "" in texts
            or not all(map(le, ends, starts[1:])) or not all(map(text.startswith, texts, starts))):
        return None, []
    return starts, ends


def span_overlap(entities: list[tuple[int, int]]) -> bool:
    """Whether any two of these (start, end) ranges overlap."""
    entities.sort()
    return not all(map(le, [end for _, end in entities[:-1]], [start for start, _ in entities[1:]]))


_start, _end, _text, _label, _id = (attrgetter(name) for name in ("start", "end", "text", "label", "id"))
_token_start, _token_end, _quote_type = attrgetter("token_start"), attrgetter("token_end"), attrgetter("quote_type")
_head, _child, _head_span, _child_span = (attrgetter(name) for name in ("head", "child", "head_span", "child_span"))
_key = attrgetter("start", "end", "label")
_QUOTE_ONLY = frozenset({QUOTE})
