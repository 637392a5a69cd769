"""Annotation records in Prodigy's task format: tokens, spans, relations, tasks and decisions.

Plain data with no spaCy and no Textual, so every layer (and every user script) can use it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from annotator.core.hashing import input_hash, task_hash

QUOTE = "QUOTE"
SPEAKER = "SPEAKER"
CUE = "CUE"
#: Labels that are not entities: they may overlap entities and each other.
STRUCTURE_LABELS = frozenset({QUOTE, SPEAKER, CUE})
QUOTE_TYPES = ("direct", "indirect", "mixed")

SAID_BY = "SAID_BY"
CUE_REL = "CUE"
COREF = "COREF"
RELATION_LABELS = (SAID_BY, CUE_REL, COREF)

ANSWERS = ("accept", "reject", "ignore")

#: Fields of a task that this tool owns and rewrites; everything else is carried through.
TASK_FIELDS = ("text", "tokens", "spans", "relations", "meta", "_input_hash", "_task_hash")
ANNOTATION_FIELDS = ("answer", "_annotator_id", "_session_id", "_timestamp")


class RecordError(ValueError):
    """A record breaks the format or an invariant; the message names what is wrong."""


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    id: int
    ws: bool

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "id": self.id, "ws": self.ws}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Token:
        try:
            return cls(
                text=_typed(data, "text", str),
                start=_typed(data, "start", int),
                end=_typed(data, "end", int),
                id=_typed(data, "id", int),
                ws=_typed(data, "ws", bool),
            )
        except TypeError as err:
            raise RecordError(f"token {dict(data)!r}: {err}") from None


@dataclass(frozen=True)
class Span:
    """A labelled character range; ``token_end`` is inclusive, as in Prodigy."""

    start: int
    end: int
    token_start: int
    token_end: int
    label: str
    text: str | None = None
    quote_type: str | None = None

    @property
    def key(self) -> tuple[int, int, str]:
        """Identity of a span inside one task: two spans may share offsets but not a label."""
        return (self.start, self.end, self.label)

    @property
    def is_entity(self) -> bool:
        return self.label not in STRUCTURE_LABELS

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "token_start": self.token_start,
            "token_end": self.token_end,
            "label": self.label,
        }
        if self.text is not None:
            out["text"] = self.text
        if self.quote_type is not None:
            out["quote_type"] = self.quote_type
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        if not isinstance(data, Mapping):
            raise RecordError(f"span must be an object, got {type(data).__name__}")
        try:
            text = data.get("text")
            if text is not None and not isinstance(text, str):
                raise TypeError("'text' must be a string")
            quote_type = data.get("quote_type")
            if quote_type is not None and quote_type not in QUOTE_TYPES:
                raise TypeError(f"'quote_type' must be one of {', '.join(QUOTE_TYPES)}")
            return cls(
                start=_typed(data, "start", int),
                end=_typed(data, "end", int),
                token_start=_typed(data, "token_start", int),
                token_end=_typed(data, "token_end", int),
                label=_typed(data, "label", str),
                text=text,
                quote_type=quote_type,
            )
        except TypeError as err:
            raise RecordError(f"span {_brief(data)}: {err}") from None

    def replace(self, **changes: Any) -> Span:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class Relation:
    """A labelled link between two spans of the same task (head → child)."""

    head_span: Span
    child_span: Span
    label: str

    @property
    def head(self) -> int:
        return self.head_span.token_end

    @property
    def child(self) -> int:
        return self.child_span.token_end

    def to_dict(self) -> dict[str, Any]:
        return {
            "head": self.head,
            "child": self.child,
            "head_span": self.head_span.to_dict(),
            "child_span": self.child_span.to_dict(),
            "label": self.label,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Relation:
        if not isinstance(data, Mapping):
            raise RecordError(f"relation must be an object, got {type(data).__name__}")
        for name in ("head_span", "child_span"):
            if name not in data:
                raise RecordError(f"relation {_brief(data)}: missing '{name}'")
        label = data.get("label")
        if not isinstance(label, str):
            raise RecordError(f"relation {_brief(data)}: 'label' must be a string")
        rel = cls(Span.from_dict(data["head_span"]), Span.from_dict(data["child_span"]), label)
        for end, expected in (("head", rel.head), ("child", rel.child)):
            if end in data and data[end] != expected:
                raise RecordError(
                    f"relation {label}: '{end}' is {data[end]!r} but its span ends at token {expected}"
                )
        return rel


@dataclass
class Task:
    """One document to annotate, with its pre-labels; ``extra`` holds fields we carry through."""

    text: str
    tokens: list[Token] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    input_hash: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.input_hash is None:
            self.input_hash = input_hash(self.text)

    @property
    def task_hash(self) -> int:
        return task_hash(
            self.input_hash,
            [(s.start, s.end, s.label, s.quote_type) for s in self.spans],
            [(r.head_span.key, r.child_span.key, r.label) for r in self.relations],
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.extra)
        out.update(
            text=self.text,
            tokens=[t.to_dict() for t in self.tokens],
            spans=[s.to_dict() for s in self.spans],
            relations=[r.to_dict() for r in self.relations],
            meta=dict(self.meta),
            _input_hash=self.input_hash,
            _task_hash=self.task_hash,
        )
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Task:
        """Read a task or a bare input (``{"text": ...}``); checks types, not invariants."""
        if not isinstance(data, Mapping):
            raise RecordError(f"a record must be a JSON object, got {json_type(data)}")
        text = data.get("text")
        if "text" not in data:
            raise RecordError("missing 'text'")
        if not isinstance(text, str):
            raise RecordError(f"'text' must be a string, got {json_type(text)}")
        if not text.strip():
            raise RecordError("'text' is empty")
        meta = data.get("meta", {})
        if not isinstance(meta, Mapping):
            raise RecordError(f"'meta' must be an object, got {json_type(meta)}")
        hash_ = data.get("_input_hash")
        if hash_ is not None and (not isinstance(hash_, int) or isinstance(hash_, bool)):
            raise RecordError("'_input_hash' must be an integer")
        return cls(
            text=text,
            tokens=[Token.from_dict(t) if isinstance(t, Mapping) else _not_object("token", t)
                    for t in _list(data, "tokens")],
            spans=[Span.from_dict(s) for s in _list(data, "spans")],
            relations=[Relation.from_dict(r) for r in _list(data, "relations")],
            meta=dict(meta),
            input_hash=hash_,
            extra={k: v for k, v in data.items()
                   if k not in TASK_FIELDS and k not in ANNOTATION_FIELDS},
        )

    def copy(self) -> Task:
        return Task(
            text=self.text,
            tokens=list(self.tokens),
            spans=list(self.spans),
            relations=list(self.relations),
            meta=dict(self.meta),
            input_hash=self.input_hash,
            extra=dict(self.extra),
        )

    def span_text(self, span: Span) -> str:
        return self.text[span.start:span.end]


@dataclass
class Annotation:
    """A decision on a task by one annotator: the task as decided plus the answer."""

    task: Task
    answer: str
    annotator_id: str
    session_id: str
    timestamp: int

    def to_dict(self) -> dict[str, Any]:
        out = self.task.to_dict()
        out.update(
            answer=self.answer,
            _annotator_id=self.annotator_id,
            _session_id=self.session_id,
            _timestamp=self.timestamp,
        )
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Annotation:
        task = Task.from_dict(data)
        answer = data.get("answer")
        if answer not in ANSWERS:
            raise RecordError(f"'answer' must be one of {', '.join(ANSWERS)}, got {answer!r}")
        annotator = data.get("_annotator_id")
        session = data.get("_session_id")
        timestamp = data.get("_timestamp")
        if not isinstance(annotator, str) or not isinstance(session, str):
            raise RecordError("'_annotator_id' and '_session_id' must be strings")
        if not isinstance(timestamp, int) or isinstance(timestamp, bool):
            raise RecordError("'_timestamp' must be an integer (seconds since the epoch)")
        return cls(task, answer, annotator, session, timestamp)


def spans_by_label(spans: Iterable[Span], label: str) -> list[Span]:
    return [s for s in spans if s.label == label]


def _typed(data: Mapping[str, Any], name: str, kind: type) -> Any:
    if name not in data:
        raise TypeError(f"missing '{name}'")
    value = data[name]
    # bool is a subclass of int in Python but not an integer in JSON.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"'{name}' must be {_KIND_NAMES[kind]}, got {json_type(value)}")
    return value


_KIND_NAMES = {int: "an integer", str: "a string", bool: "true or false"}


def _list(data: Mapping[str, Any], name: str) -> list[Any]:
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(f"'{name}' must be a list, got {json_type(value)}")
    return value


def _not_object(what: str, value: Any) -> Any:
    raise RecordError(f"{what} must be an object, got {json_type(value)}")


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


def _brief(data: Any) -> str:
    if isinstance(data, Mapping):
        return f"{data.get('label', '?')} {data.get('start', '?')}-{data.get('end', '?')}"
    return repr(data)[:40]
