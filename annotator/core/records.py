"""Annotation records in Prodigy's task format: tokens, spans, relations, tasks and decisions.

Each record is declared once, as a msgspec struct: the declaration is the in-memory record, the
decoder (``core/record_decoding.py`` reads lines and objects through it) and the JSON Schema
(``core/schema.py`` generates ``schemas/`` from it). Cross-field rules (spans on token edges, ...)
are not types: they live in ``core/invariants.py``. Plain data with no spaCy and no Textual.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Annotated, Any, Literal, Mapping, Union, get_args

import msgspec
from msgspec import Meta, Struct

from annotator.core.hashing import TASK_HASH_KEYS, content_hash, input_hash, task_hash

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

#: The interface a record was made for, as Prodigy writes it in ``_view_id``.
VIEW_NER, VIEW_SPANS, VIEW_RELATIONS = "ner_manual", "spans_manual", "relations"


class RecordError(ValueError):
    """A record breaks the format or an invariant; the message names what is wrong."""


# Field kinds. A field declared ``kind = None`` is absent from a record when None: the record
# may leave it out but never writes null there (Prodigy never does), so the decoder refuses null.
Offset = Annotated[int, Meta(ge=0)]
Label = Annotated[str, Meta(min_length=1)]
Number = Union[int, float]  # an integer stays an integer: a score of 1 is written back as 1


def prodigy(kind: Any, what: str) -> Any:
    """A field Prodigy writes that we carry through unchanged (listed in the schema as Prodigy's)."""
    return Annotated[kind, Meta(description=f"Prodigy: {what}", extra={"prodigy": True})]


class Token(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True, repr_omit_defaults=True, gc=False):
    text: str
    start: Offset
    end: Offset
    id: Offset
    ws: Annotated[bool, Meta(description="Whether whitespace follows the token.")]
    disabled: prodigy(bool, "the token cannot be selected (rel.manual).") = None

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Token:
        return _convert(data, cls, "token")

    @property
    def extra(self) -> dict[str, Any]:
        """Prodigy's own fields on this token; they are not part of its identity."""
        return _carried(self)

    def __eq__(self, other: object) -> bool:
        return other is self or (isinstance(other, Token) and _identity(self) == _identity(other))

    def __hash__(self) -> int:
        return hash(_identity(self))


class Span(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True, repr_omit_defaults=True, gc=False):
    """A labelled character range; ``token_end`` is inclusive, as in Prodigy."""

    start: Offset
    end: Annotated[int, Meta(ge=1)]
    token_start: Offset
    token_end: Annotated[int, Meta(ge=0, description="Inclusive, as in Prodigy.")]
    label: Annotated[str, Meta(min_length=1, description="An entity label (PERSON, ORG, GPE, ...) or QUOTE, "
                                                         "SPEAKER, CUE.")]
    text: str = None
    quote_type: Annotated[Literal[QUOTE_TYPES], Meta(  # type: ignore[valid-type]
        description="Only on QUOTE spans; a QUOTE from another tool may have none.")] = None
    type: prodigy(str, 'rel.manual writes "span".') = None
    score: prodigy(Number, "a model's confidence.") = None
    source: prodigy(str, "the model or patterns that suggested the span.") = None
    input_hash: prodigy(int, "written by ner.correct.") = None
    pattern: prodigy(int, "the id of the pattern that matched.") = None
    answer: prodigy(str, "written by the binary interfaces.") = None
    rank: prodigy(int, "the suggestion's rank in binary ner.teach.") = None

    @property
    def key(self) -> tuple[int, int, str]:
        """Identity of a span inside one task: two spans may share offsets but not a label."""
        return (self.start, self.end, self.label)

    @property
    def is_entity(self) -> bool:
        return self.label not in STRUCTURE_LABELS

    @property
    def extra(self) -> dict[str, Any]:
        """Prodigy's own fields on this span (``type``, ``score``, ...); not part of its identity."""
        return _carried(self)

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        return _convert(data, cls, "span")

    def replace(self, **changes: Any) -> Span:
        return msgspec.structs.replace(self, **changes)

    def __eq__(self, other: object) -> bool:
        return other is self or (isinstance(other, Span) and _identity(self) == _identity(other))

    def __hash__(self) -> int:
        return hash(_identity(self))


class Relation(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True, repr_omit_defaults=True,
               gc=False):
    """A labelled link between two spans of the same task (head → child)."""

    head_span: Span
    child_span: Span
    label: Annotated[str, Meta(min_length=1, description=(
        "Ours: SAID_BY (QUOTE → SPEAKER), CUE (QUOTE → CUE), COREF (SPEAKER → the entity mention it "
        "refers to); other labels are carried through."))]
    # Prodigy's relations interface writes each span's token_end here; a relation built in code
    # (or read without them) takes them from its spans, and a record whose values differ is refused.
    head: Annotated[int, Meta(ge=0, description="token_end of the head span.")] = None
    child: Annotated[int, Meta(ge=0, description="token_end of the child span.")] = None
    color: prodigy(str, "the colour rel.manual draws the arc in.") = None

    def __post_init__(self) -> None:
        for end, span in (("head", self.head_span), ("child", self.child_span)):
            given = getattr(self, end)
            if given is None:
                msgspec.structs.force_setattr(self, end, span.token_end)
            elif given != span.token_end:
                raise ValueError(f"'{end}' is {given!r} but its span ends at token {span.token_end}")

    @property
    def extra(self) -> dict[str, Any]:
        """Prodigy's own fields on this relation (``color``); not part of its identity."""
        return _carried(self)

    def to_dict(self) -> dict[str, Any]:
        out = {"head": self.head, "child": self.child}  # first, as Prodigy writes them
        out.update(msgspec.to_builtins(self))
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Relation:
        return _convert(data, cls, "relation")

    def __eq__(self, other: object) -> bool:
        return other is self or (isinstance(other, Relation) and _identity(self) == _identity(other))

    def __hash__(self) -> int:
        return hash(_identity(self))


class Suggestion(Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True, repr_omit_defaults=True):
    """A quote the pre-labeler is unsure of, or another extent for one of its quotes: offered, never exported."""

    quote: Annotated[Span, Meta(description="The QUOTE span, with its quote_type.")]
    cue: Annotated[Span, Meta(description="The CUE span the quote would be linked to.")] = None
    speaker: Annotated[Span, Meta(description="The SPEAKER span the quote would be said by.")] = None
    score: Annotated[float, Meta(ge=0, le=1, description="How often a suggestion of its kind is right.")] = None
    source: Annotated[str, Meta(description="What proposed it: a rule, a frame, a model.")] = None
    replaces: Annotated[Span, Meta(description="The pre-labeled QUOTE whose extent it would replace.")] = None

    @property
    def spans(self) -> tuple[Span, ...]:
        return tuple(span for span in (self.quote, self.cue, self.speaker) if span is not None)

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)


class ProdigyTaskFields(Struct, kw_only=True):
    """Top-level fields Prodigy writes that we carry through in ``Task.extra``, with their kinds."""

    _view_id: Annotated[str, Meta(description="The Prodigy interface the record was made for: ner_manual, "
                                              "spans_manual, relations, ...")] = None
    _is_binary: bool = None
    label: Annotated[str, Meta(description=(
        "Prodigy: the label of a binary or classification task. A list (doccano's [[start, end, label]]) "
        "is refused: convert such files with 'annotator import doccano'."))] = None


class Task(Struct):
    """One document to annotate, with its pre-labels; ``extra`` holds fields we carry through.

    ``input_hash`` and ``given_task_hash`` are the hashes the record came with, kept as Prodigy
    keeps them; a record without them gets our own (``annotator.core.hashing``), not Prodigy's values.
    """

    text: Annotated[str, Meta(min_length=1, pattern=r"\S",
                              description="The document text; offsets count Unicode code points.")]
    tokens: list[Token] = []
    spans: list[Span] = []
    relations: list[Relation] = []
    suggestions: Annotated[list[Suggestion], Meta(description=(
        "Attributions offered to the annotator and not taken (yet); not annotations."))] = []
    meta: Annotated[dict[str, Any], Meta(description=(
        "Free-form metadata; 'source' is the file a document came from. Prodigy's ner.manual records "
        "may have none."))] = {}
    input_hash: Annotated[int, Meta(description=(
        "Hash of the input (the text), in Prodigy's shape: kept when present, else computed by "
        "annotator (not the value Prodigy would compute)."))] = msgspec.field(default=None, name="_input_hash")
    #: fields of the record that this tool does not own, carried through (not part of a record's JSON shape)
    extra: dict[str, Any] = {}
    given_task_hash: Annotated[int, Meta(description=(
        "Prodigy's hash of the input plus the spans it came with: kept when present."))] = msgspec.field(
        default=None, name="_task_hash")
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
        out.update(_written(self))
        out["_task_hash"] = self.task_hash
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Task:
        """Read a task or a bare input (``{"text": ...}``); checks types, not invariants."""
        from annotator.core.record_decoding import task_from_dict

        return task_from_dict(data)

    def copy(self) -> Task:
        return msgspec.structs.replace(self, tokens=list(self.tokens), spans=list(self.spans),
                                       relations=list(self.relations),
                                       suggestions=list(self.suggestions), meta=dict(self.meta),
                                       extra=dict(self.extra))

    def span_text(self, span: Span) -> str:
        return self.text[span.start:span.end]


class Annotation(Struct):
    """A decision on a task by one annotator: the task as decided plus the answer.

    Prodigy may write ``_session_id: null`` and leave out ``_annotator_id`` or ``_timestamp``
    (older versions); such records are read with None there and written back the same way.
    """

    task: Task  # in a record, the task's fields sit beside the decision's
    answer: Literal[ANSWERS]  # type: ignore[valid-type]
    annotator_id: Union[str, None] = msgspec.field(default=None, name="_annotator_id")
    session_id: Union[str, None] = msgspec.field(default=None, name="_session_id")
    timestamp: Annotated[int, Meta(description="Seconds since the epoch.")] = msgspec.field(
        default=None, name="_timestamp")

    def to_dict(self) -> dict[str, Any]:
        out = self.task.to_dict()
        out.update(_written(self))
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Annotation:
        from annotator.core.record_decoding import annotation_from_dict

        return annotation_from_dict(data)


#: Fields of the in-memory records that a record's JSON does not have: a decision's task is
#: its own fields, beside the decision's.
IN_MEMORY_ONLY = frozenset({"extra", "input_hash_given", "task"})


def _fields_carried(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in msgspec.inspect.type_info(kind).fields
                 if isinstance(f.type, msgspec.inspect.Metadata) and (f.type.extra or {}).get("prodigy"))


def _kinds(kind: type) -> dict[str, Any]:
    """Prodigy's fields of a record with the Python kinds their values have, for other readers."""
    python = {msgspec.inspect.BoolType: bool, msgspec.inspect.StrType: str, msgspec.inspect.IntType: int}
    out = {}
    for field in msgspec.inspect.type_info(kind).fields:
        if kind is ProdigyTaskFields or field.name in _CARRIED[kind]:
            info = field.type.type if isinstance(field.type, msgspec.inspect.Metadata) else field.type
            out[field.encode_name] = python.get(type(info), (int, float))
    return out


_IDENTITY_FIELDS: dict[type, tuple[str, ...]] = {}
_CARRIED: dict[type, tuple[str, ...]] = {kind: _fields_carried(kind) for kind in (Token, Span, Relation)}
for _kind in (Token, Span, Relation):
    _IDENTITY_FIELDS[_kind] = tuple(n for n in _kind.__struct_fields__ if n not in _CARRIED[_kind])
# Spans are compared and hashed thousands of times per edit on a long document: the identity tuple
# is read in C.
_IDENTITY_GETTERS = {kind: attrgetter(*names) for kind, names in _IDENTITY_FIELDS.items()}
#: Prodigy's own fields of a token, span or relation, and the top-level ones, with their kinds.
PRODIGY_TOKEN_FIELDS, PRODIGY_SPAN_FIELDS, PRODIGY_RELATION_FIELDS, PRODIGY_TOP_FIELDS = (
    _kinds(kind) for kind in (Token, Span, Relation, ProdigyTaskFields))
#: Fields of a task that this tool owns and rewrites; everything else is carried through.
TASK_FIELDS = tuple(f.encode_name for f in msgspec.structs.fields(Task) if f.name not in IN_MEMORY_ONLY)
ANNOTATION_FIELDS = tuple(f.encode_name for f in msgspec.structs.fields(Annotation) if f.name not in IN_MEMORY_ONLY)


def _json_fields(kind: type) -> tuple[tuple[str, str, bool], ...]:
    """(attribute, JSON name, written as null when None) of each field a record's JSON has: a field
    declared ``Union[X, None]`` is written as null (Prodigy writes ``_session_id: null``), one
    declared ``X = None`` is left out when None."""
    return tuple((f.name, f.encode_name, type(None) in get_args(f.type)) for f in msgspec.structs.fields(kind)
                 if f.name not in IN_MEMORY_ONLY)


_JSON_FIELDS = {kind: _json_fields(kind) for kind in (Task, Annotation)}


def _written(record: Task | Annotation) -> dict[str, Any]:
    """The fields a task or decision writes, in their declared order (no suggestions when none)."""
    out: dict[str, Any] = {}
    for name, key, nullable in _JSON_FIELDS[type(record)]:
        value = getattr(record, name)
        if (value is not None or nullable) and (value or name != "suggestions"):
            out[key] = _json_value(value)
    return out


def _json_value(value: Any) -> Any:
    if isinstance(value, list):
        return [item.to_dict() if isinstance(item, Struct) else item for item in value]
    if isinstance(value, dict):
        return dict(value)
    return value


def _identity(record: Any) -> tuple[Any, ...]:
    return _IDENTITY_GETTERS[type(record)](record)


def _carried(record: Any) -> dict[str, Any]:
    return {name: value for name in _CARRIED[type(record)] if (value := getattr(record, name)) is not None}


def _convert(data: Any, kind: type, what: str) -> Any:
    from annotator.core.record_decoding import convert

    return convert(data, kind, what)

