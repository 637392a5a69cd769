"""doccano, both ways: its JSONL for sequence labelling with relations, and its plain ``label`` lists.

doccano's export of a relation project, one document per line::

    {"id": 7, "text": "...", "entities": [{"id": 1, "label": "PERSON", "start_offset": 0, "end_offset": 10}],
     "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "SAID_BY"}], "Comments": []}

A sequence-labelling project writes ``"label": [[0, 10, "PERSON"], ...]`` instead; both are read.
``export --format doccano`` writes the first shape (which doccano imports the same way), with
``id`` = the input's own ``id`` or else its ``_input_hash``, and our ``meta``. A QUOTE's type has no
place in doccano's spans, so it rides in ``quote_types``, a field doccano keeps as metadata: a list
of ``{"start_offset", "end_offset", "type"}``, keyed by offsets because doccano numbers entities
afresh on import (an older export's ``{entity id: type}`` is still read). Our spans overlap (a
SPEAKER on a PERSON): doccano keeps them only in a project that allows overlapping spans.

``import doccano`` gives one decision per line (accepted, by ``--annotator``, default ``doccano``,
or the line's own ``annotator``/``user``), which ``export`` takes as it takes any decision.
"""

from __future__ import annotations

from typing import Any, Mapping


from annotator.core.records import QUOTE, Annotation, RecordError, Task
from annotator.core.record_decoding import json_type
from annotator.formats.format import Exporter, Format, JsonLinesWriter, NoOptions
from annotator.formats.foreign import iter_json_lines
from annotator.formats.importing import record_importer
from annotator.formats.foreign import ForeignSpan, build_task, check_text, list_of_objects

#: Fields of a doccano line that are not carried into ``extra``.
_DOCCANO_FIELDS = frozenset({"text", "label", "entities", "relations", "Comments", "quote_types", "meta",
                             "annotator", "user"})


def doccano_record(task: Task) -> dict[str, Any]:
    """One doccano line for a task: entities numbered from 1 in span order, relations by those numbers."""
    ids = {span.key: number for number, span in enumerate(task.spans, start=1)}
    own_id = task.extra.get("id")
    record: dict[str, Any] = {
        "id": own_id if own_id is not None else task.input_hash,
        "text": task.text,
        "entities": [{"id": ids[s.key], "label": s.label, "start_offset": s.start, "end_offset": s.end}
                     for s in task.spans],
        "relations": [{"id": number, "from_id": ids[r.head_span.key], "to_id": ids[r.child_span.key],
                       "type": r.label} for number, r in enumerate(task.relations, start=1)],
        "Comments": [],
    }
    quote_types = [{"start_offset": s.start, "end_offset": s.end, "type": s.quote_type}
                   for s in task.spans if s.quote_type]
    if quote_types:
        record["quote_types"] = quote_types
    if task.meta:
        record["meta"] = task.meta
    return record


DOCCANO_ANNOTATOR = "doccano"


def task_from_doccano(data: Any, nlp: Any) -> Annotation:
    """Our decision from one doccano line (either shape); the text is tokenized, a token a span
    starts or ends inside is split there."""
    if not isinstance(data, Mapping):
        raise RecordError(f"a doccano line must be a JSON object, got {json_type(data)}")
    text = check_text(data.get("text"))
    spans: dict[Any, ForeignSpan] = {}
    by_offsets, by_id = _quote_types(data.get("quote_types"))
    if "entities" in data:
        for entity in list_of_objects(data, "entities"):
            start, end, label = (_field(entity, "start_offset", int), _field(entity, "end_offset", int),
                                 _field(entity, "label", str))
            key = _id(entity.get("id"), "entity 'id'")
            if key in spans:
                raise RecordError(f"entity id {key!r} is used twice")
            quote_type = by_offsets.get((start, end), by_id.get(str(key))) if label == QUOTE else None
            spans[key] = ForeignSpan(start, end, label, quote_type)
    labels = data.get("label")
    if labels is not None and not isinstance(labels, list):
        raise RecordError(f"'label' must be a list of [start, end, \"LABEL\"], got {json_type(labels)}")
    for number, item in enumerate(labels or ()):
        if not (isinstance(item, list) and len(item) == 3 and _is_int(item[0]) and _is_int(item[1])
                and isinstance(item[2], str)):
            raise RecordError(f"'label' item {number + 1} must be [start, end, \"LABEL\"], got {item!r}"[:200])
        quote_type = by_offsets.get((item[0], item[1])) if item[2] == QUOTE else None
        spans[("label", number)] = ForeignSpan(item[0], item[1], item[2], quote_type)
    links = []
    for relation in list_of_objects(data, "relations"):
        head = _id(relation.get("from_id"), "relation 'from_id'")
        child = _id(relation.get("to_id"), "relation 'to_id'")
        if head not in spans or child not in spans:
            raise RecordError(f"relation {relation.get('id')!r}: from_id/to_id name no entity of the line"[:200])
        links.append((head, child, _field(relation, "type", str)))
    extra = {k: v for k, v in data.items() if k not in _DOCCANO_FIELDS}
    meta = data.get("meta") if isinstance(data.get("meta"), Mapping) else {}
    task = build_task(text, spans, links, nlp, meta=dict(meta), extra=extra)
    annotator = next((v for v in (data.get("annotator"), data.get("user")) if isinstance(v, str) and v),
                     DOCCANO_ANNOTATOR)
    return Annotation(task, "accept", annotator, f"{annotator}-doccano", None)


def _quote_types(value: Any) -> tuple[dict[tuple[int, int], str], dict[str, str]]:
    """``quote_types`` by offsets (a list, as we write it now) and by entity id (an older export)."""
    if value is None:
        return {}, {}
    if isinstance(value, Mapping):
        if not all(isinstance(v, str) for v in value.values()):
            raise RecordError("'quote_types' values must be strings")
        return {}, {str(k): v for k, v in value.items()}
    if not isinstance(value, list):
        raise RecordError(f"'quote_types' must be a list, got {json_type(value)}")
    out = {}
    for item in value:
        if not (isinstance(item, Mapping) and _is_int(item.get("start_offset")) and _is_int(item.get("end_offset"))
                and isinstance(item.get("type"), str)):
            raise RecordError("'quote_types' items must be {\"start_offset\", \"end_offset\", \"type\"}")
        out[(item["start_offset"], item["end_offset"])] = item["type"]
    return out, {}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _id(value: Any, what: str) -> int | str:
    if not (_is_int(value) or isinstance(value, str)):
        raise RecordError(f"{what} must be a number or a string, got {json_type(value)}")
    return value



def _field(data: Mapping[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise RecordError(f"{name!r} must be {'an integer' if kind is int else 'a string'}, got {json_type(value)}")
    return value


class DoccanoWriter(JsonLinesWriter):
    def record(self, decision: Any, doc: Any) -> dict[str, Any]:
        record = doccano_record(decision.annotation.task)
        # doccano keeps unknown fields as metadata; ``import doccano`` reads the annotator back.
        record["annotator"] = decision.group
        return record


FORMAT = Format(name="doccano", summary="doccano JSONL (entities and relations; overlapping spans need a project that allows them)",
                options=NoOptions, exporter=Exporter(writer=DoccanoWriter, needs_doc=False),
                importer=record_importer(iter_json_lines, task_from_doccano))
