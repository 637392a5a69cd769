"""The record structs: what they carry through, what identifies them, and how a refusal reads."""

from __future__ import annotations

import copy
import json

import msgspec
import pytest

from annotator.core.records import (IN_MEMORY_ONLY, PRODIGY_SPAN_FIELDS, PRODIGY_TOKEN_FIELDS, Annotation,
                                    RecordError, Relation, Span, Task, Token)
from tests.core.test_records import make_task


def test_prodigy_fields_are_carried_through_with_their_values_and_kinds():
    span = Span.from_dict({"start": 0, "end": 5, "token_start": 0, "token_end": 0, "label": "ORG",
                           "score": 1, "source": "en_core_web_sm", "rank": 3})
    assert span.extra == {"score": 1, "source": "en_core_web_sm", "rank": 3}
    assert json.dumps(span.to_dict()) == ('{"start": 0, "end": 5, "token_start": 0, "token_end": 0, '
                                          '"label": "ORG", "score": 1, "source": "en_core_web_sm", "rank": 3}')
    assert PRODIGY_SPAN_FIELDS["score"] == (int, float) and PRODIGY_TOKEN_FIELDS == {"disabled": bool}


def test_carried_fields_are_not_part_of_a_records_identity():
    plain = Span(0, 5, 0, 0, "ORG")
    scored = Span(0, 5, 0, 0, "ORG", score=0.5)
    assert plain == scored and hash(plain) == hash(scored) and len({plain, scored}) == 1
    assert Token("Ana", 0, 3, 0, True) == Token("Ana", 0, 3, 0, True, disabled=True)
    assert Relation(plain, plain, "X") == Relation(scored, scored, "X", color="red")
    assert plain != Span(0, 5, 0, 0, "ORG", text="Acme.")


def test_a_relation_takes_head_and_child_from_its_spans():
    quote, speaker = Span(10, 20, 2, 4, "QUOTE"), Span(0, 3, 0, 0, "SPEAKER")
    relation = Relation(quote, speaker, "SAID_BY")
    assert (relation.head, relation.child) == (4, 0)
    assert list(relation.to_dict())[:2] == ["head", "child"]  # first, as Prodigy writes them


def change(record: dict, edit) -> dict:
    record = copy.deepcopy(record)
    edit(record)
    return record


@pytest.mark.parametrize("edit, message", [
    (lambda r: r["spans"][0].update(start="0"), "span PERSON 0-15: 'start' must be an integer, got a string"),
    (lambda r: r["spans"][1].update(colour="red"), "span SPEAKER 0-15: unknown field 'colour' (known: answer, "),
    (lambda r: r["tokens"][2].update(pos="VERB"), "token 2: unknown field 'pos'"),
    (lambda r: r["tokens"][1].update(disabled=1), "token 1: 'disabled' must be true or false, got a number"),
    (lambda r: r["relations"][0]["child_span"].update(label=""), "span '' 0-15: 'label' is empty"),
    (lambda r: r["relations"][0].update(color=3), "relation SAID_BY: 'color' must be a string, got a number"),
    (lambda r: r["spans"].append(7), "span must be an object, got a number"),
    (lambda r: r.update(_is_binary="no"), "'_is_binary' must be true or false, got a string"),
    (lambda r: r.update(_input_hash=None), "'_input_hash' must be an integer, got null"),
])
def test_a_refusal_names_the_record_and_the_field_in_the_readers_words(edit, message):
    with pytest.raises(RecordError) as refused:
        Task.from_dict(change(make_task().to_dict(), edit))
    assert str(refused.value).startswith(message)


_SPAN = {"start": 0, "end": 3, "token_start": 0, "token_end": 0, "label": "PERSON"}
#: The least record of each kind, to which the test adds one field at a time.
_LEAST = {Token: {"text": "Ann", "start": 0, "end": 3, "id": 0, "ws": True}, Span: _SPAN,
          Relation: {"head_span": _SPAN, "child_span": _SPAN, "label": "COREF"},
          Task: {"text": "Ann spoke."}, Annotation: {"text": "Ann spoke.", "answer": "accept"}}


def _sample(kind: msgspec.inspect.Type) -> object:
    """A value of a field's declared kind (the least one its bounds allow)."""
    while isinstance(kind, msgspec.inspect.Metadata):
        kind = kind.type
    if isinstance(kind, msgspec.inspect.UnionType):
        kind = next(k for k in kind.types if not isinstance(k, msgspec.inspect.NoneType))
    if isinstance(kind, msgspec.inspect.LiteralType):
        return kind.values[-1]
    if isinstance(kind, msgspec.inspect.IntType):
        return kind.ge or 0
    return {msgspec.inspect.StrType: "x", msgspec.inspect.BoolType: True, msgspec.inspect.FloatType: 0.5}[type(kind)]


@pytest.mark.parametrize("kind", list(_LEAST), ids=lambda kind: kind.__name__)
def test_every_declared_field_is_read_and_written_back(kind):
    # A field added to a record's declaration is read, written and read again with no other change
    # (Task and Annotation write their fields from the declaration, not from a list of their own).
    fields = [f for f in msgspec.inspect.type_info(kind).fields
              if not f.required and f.name not in IN_MEMORY_ONLY and f.default is None]
    assert fields
    for field in fields:
        value = _sample(field.type)
        record = {**_LEAST[kind], field.encode_name: value}
        written = kind.from_dict(record).to_dict()
        assert written[field.encode_name] == value, field.encode_name
        assert kind.from_dict(json.loads(json.dumps(written))).to_dict() == written
