"""Annotation records in Prodigy's task format: tokens, spans, relations, tasks and decisions.

Plain data with no spaCy and no Textual, so every layer (and every user script) can use it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Container, Iterable, Mapping

from annotator.core.hashing import TASK_HASH_KEYS, content_hash, input_hash, legacy_input_hash, task_hash

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

#: The interface a record was made for, as Prodigy writes it in ``_view_id``.
VIEW_NER, VIEW_SPANS, VIEW_RELATIONS = "ner_manual", "spans_manual", "relations"

# Fields Prodigy writes that we carry through unchanged, with the JSON kind each must have.
# Any other field on a token, span or relation is a mistake (a typo such as "colour") and is refused.
_NUMBER = (int, float)
#: fields of a token besides text/start/end/id/ws
PRODIGY_TOKEN_FIELDS: dict[str, Any] = {"disabled": bool}
#: fields of a span besides ours: "type" (rel.manual), "score" and "source" (model suggestions),
#: "input_hash" (ner.correct), "pattern" (pattern matches), "answer" and "rank" (binary ner.teach)
PRODIGY_SPAN_FIELDS: dict[str, Any] = {"type": str, "score": _NUMBER, "source": str, "input_hash": int,
                                       "pattern": int, "answer": str, "rank": int}
#: fields of a relation besides ours: the colour rel.manual draws the arc in
PRODIGY_RELATION_FIELDS: dict[str, Any] = {"color": str}
#: top-level underscore fields Prodigy writes, with their kinds (null allowed for the session and annotator)
PRODIGY_TOP_FIELDS: dict[str, Any] = {"_view_id": str, "_is_binary": bool}


class RecordError(ValueError):
    """A record breaks the format or an invariant; the message names what is wrong."""


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    id: int
    ws: bool
    #: Prodigy's own token fields (``disabled``), carried through; not part of a token's identity
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        out = {"text": self.text, "start": self.start, "end": self.end, "id": self.id, "ws": self.ws}
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Token:
        try:
            return cls(
                text=_typed(data, "text", str),
                start=_typed(data, "start", int),
                end=_typed(data, "end", int),
                id=_typed(data, "id", int),
                ws=_typed(data, "ws", bool),
                extra=_known_extra(data, _TOKEN_KEYS, PRODIGY_TOKEN_FIELDS),
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
    #: Prodigy's own span fields (``type``, ``score``, ...), carried through; not part of a span's identity
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

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
        out.update(self.extra)
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
                label=_label(data),
                text=text,
                quote_type=quote_type,
                extra=_known_extra(data, _SPAN_KEYS, PRODIGY_SPAN_FIELDS),
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
    #: Prodigy's own relation fields (``color``), carried through; not part of a relation's identity
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

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
            **self.extra,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Relation:
        if not isinstance(data, Mapping):
            raise RecordError(f"relation must be an object, got {type(data).__name__}")
        for name in ("head_span", "child_span"):
            if name not in data:
                raise RecordError(f"relation {_brief(data)}: missing '{name}'")
        label = data.get("label")
        if not isinstance(label, str) or not label:
            raise RecordError(f"relation {_brief(data)}: 'label' must be a non-empty string")
        try:
            extra = _known_extra(data, _RELATION_KEYS, PRODIGY_RELATION_FIELDS)
        except TypeError as err:
            raise RecordError(f"relation {_brief(data)}: {err}") from None
        rel = cls(Span.from_dict(data["head_span"]), Span.from_dict(data["child_span"]), label, extra)
        for end, expected in (("head", rel.head), ("child", rel.child)):
            if end in data and data[end] != expected:
                raise RecordError(
                    f"relation {label}: '{end}' is {data[end]!r} but its span ends at token {expected}"
                )
        return rel


@dataclass
class Task:
    """One document to annotate, with its pre-labels; ``extra`` holds fields we carry through.

    ``input_hash`` and ``given_task_hash`` are the hashes the record came with, kept as Prodigy
    keeps them; a record without them gets our own (``annotator.core.hashing``), not Prodigy's values.
    """

    text: str
    tokens: list[Token] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    input_hash: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    given_task_hash: int | None = None
    #: whether ``input_hash`` came with the record (True) or was computed from the text (False)
    input_hash_given: bool = True

    def __post_init__(self) -> None:
        if self.input_hash is None:
            self.input_hash = input_hash(self.text, self.extra)
            self.input_hash_given = False

    @property
    def task_hash(self) -> int:
        """``_task_hash``: the one the record came with, else our hash of its spans."""
        if self.given_task_hash is not None:
            return self.given_task_hash
        values: dict[str, Any] = {key: self.extra[key] for key in TASK_HASH_KEYS if key in self.extra}
        values["spans"] = [s.to_dict() for s in self.spans]
        return task_hash(self.input_hash, values)

    @property
    def content_hash(self) -> int:
        """What the task says (spans, quote types, relations), for telling versions apart."""
        return content_hash(
            self.input_hash,
            [(s.start, s.end, s.label, s.quote_type) for s in self.spans],
            [(r.head_span.key, r.child_span.key, r.label) for r in self.relations],
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.extra)
        # Prodigy's interface for spans with relations, unless the record names its own.
        out.setdefault("_view_id", VIEW_RELATIONS)
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
            if isinstance(data.get("data"), Mapping) and "text" in data["data"]:
                raise RecordError("missing 'text': this looks like a Label Studio task; convert it with "
                                  "'annotator import labelstudio FILE -o TASKS.jsonl'")
            raise RecordError("missing 'text'")
        if isinstance(data.get("label"), list) or "entities" in data and "spans" not in data:
            # Prodigy's "label" is one string; doccano's is a list of [start, end, label].
            raise RecordError("this looks like a doccano record ('label' or 'entities' with character "
                              "offsets); convert it with 'annotator import doccano FILE -o TASKS.jsonl'")
        if not isinstance(text, str):
            raise RecordError(f"'text' must be a string, got {json_type(text)}")
        if not text.strip():
            raise RecordError("'text' is empty")
        meta = data.get("meta", {})
        if not isinstance(meta, Mapping):
            raise RecordError(f"'meta' must be an object, got {json_type(meta)}")
        hashes = {name: _optional_int(data, name) for name in ("_input_hash", "_task_hash")}
        for name, kind in PRODIGY_TOP_FIELDS.items():
            if name in data and not _is_kind(data[name], kind):
                raise RecordError(f"'{name}' must be {_KIND_NAMES[kind]}, got {json_type(data[name])}")
        return cls(
            text=text,
            tokens=[Token.from_dict(t) if isinstance(t, Mapping) else _not_object("token", t)
                    for t in _list(data, "tokens")],
            spans=[Span.from_dict(s) for s in _list(data, "spans")],
            relations=[Relation.from_dict(r) for r in _list(data, "relations")],
            meta=dict(meta),
            input_hash=hashes["_input_hash"],
            extra={k: v for k, v in data.items()
                   if k not in TASK_FIELDS and k not in ANNOTATION_FIELDS},
            given_task_hash=hashes["_task_hash"],
        )

    def copy(self) -> Task:
        return dataclasses.replace(self, tokens=list(self.tokens), spans=list(self.spans),
                                   relations=list(self.relations), meta=dict(self.meta),
                                   extra=dict(self.extra))

    def span_text(self, span: Span) -> str:
        return self.text[span.start:span.end]


def adopt_known_hash(task: Task, known: Container[int]) -> None:
    """Give a task the input hash an output file already knows it by, so resuming finds it.

    Files written before annotator hashed the Prodigy way hold blake2b hashes; a document read
    again from plain text gets a new hash, so when only its old one is known, it takes that.
    """
    if task.input_hash_given or task.input_hash in known:
        return
    legacy = legacy_input_hash(task.text)
    if legacy in known:
        task.input_hash = legacy


@dataclass
class Annotation:
    """A decision on a task by one annotator: the task as decided plus the answer.

    Prodigy may write ``_session_id: null`` and leave out ``_annotator_id`` or ``_timestamp``
    (older versions); such records are read with None there and written back the same way.
    """

    task: Task
    answer: str
    annotator_id: str | None
    session_id: str | None
    timestamp: int | None

    def to_dict(self) -> dict[str, Any]:
        out = self.task.to_dict()
        out.update(answer=self.answer, _annotator_id=self.annotator_id, _session_id=self.session_id)
        if self.timestamp is not None:
            out["_timestamp"] = self.timestamp
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Annotation:
        task = Task.from_dict(data)
        answer = data.get("answer")
        if answer not in ANSWERS:
            raise RecordError(f"'answer' must be one of {', '.join(ANSWERS)}, got {answer!r}")
        annotator = data.get("_annotator_id")
        session = data.get("_session_id")
        for name, value in (("_annotator_id", annotator), ("_session_id", session)):
            if value is not None and not isinstance(value, str):
                raise RecordError(f"'{name}' must be a string or null, got {json_type(value)}")
        timestamp = _optional_int(data, "_timestamp")
        return cls(task, answer, annotator, session, timestamp)


def spans_by_label(spans: Iterable[Span], label: str) -> list[Span]:
    return [s for s in spans if s.label == label]


def _label(data: Mapping[str, Any]) -> str:
    label = _typed(data, "label", str)
    if not label:
        raise TypeError("'label' is empty (a span's label names what it is)")
    return label


def _typed(data: Mapping[str, Any], name: str, kind: type) -> Any:
    if name not in data:
        raise TypeError(f"missing '{name}'")
    value = data[name]
    # bool is a subclass of int in Python but not an integer in JSON.
    if not _is_kind(value, kind):
        raise TypeError(f"'{name}' must be {_KIND_NAMES[kind]}, got {json_type(value)}")
    return value


_KIND_NAMES: dict[Any, str] = {int: "an integer", str: "a string", bool: "true or false", _NUMBER: "a number"}
_TOKEN_KEYS = frozenset({"text", "start", "end", "id", "ws"})
_SPAN_KEYS = frozenset({"start", "end", "token_start", "token_end", "label", "text", "quote_type"})
_RELATION_KEYS = frozenset({"head", "child", "head_span", "child_span", "label"})


def _is_kind(value: Any, kind: Any) -> bool:
    # bool is a subclass of int in Python but not a number in JSON.
    return isinstance(value, kind) and (kind is bool or not isinstance(value, bool))


def _known_extra(data: Mapping[str, Any], ours: frozenset[str], prodigy: Mapping[str, Any]) -> dict[str, Any]:
    """The Prodigy fields of a token, span or relation; any field neither we nor Prodigy write is refused."""
    extra = {}
    for name, value in data.items():
        if name in ours:
            continue
        if name not in prodigy:
            raise TypeError(f"unknown field {name!r} (known: {', '.join(sorted(ours | set(prodigy)))})")
        if not _is_kind(value, prodigy[name]):
            raise TypeError(f"'{name}' must be {_KIND_NAMES[prodigy[name]]}, got {json_type(value)}")
        extra[name] = value
    return extra


def _optional_int(data: Mapping[str, Any], name: str) -> int | None:
    value = data.get(name)
    if value is not None and not _is_kind(value, int):
        raise RecordError(f"'{name}' must be an integer, got {json_type(value)}")
    return value


def _list(data: Mapping[str, Any], name: str) -> list[Any]:
    if name not in data:
        return []
    value = data[name]
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
        label = data.get("label", "?")
        return f"{label if label != '' else repr(label)} {data.get('start', '?')}-{data.get('end', '?')}"
    return repr(data)[:40]
