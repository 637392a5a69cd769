"""doccano, both ways: its JSONL for sequence labelling with relations, and its plain ``label`` lists.

doccano's export of a relation project, one document per line::

    {"id": 7, "text": "...", "entities": [{"id": 1, "label": "PERSON", "start_offset": 0, "end_offset": 10}],
     "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "SAID_BY"}], "Comments": []}

A sequence-labelling project writes ``"label": [[0, 10, "PERSON"], ...]`` instead; both are read.
``export --format doccano`` writes the first shape (which doccano imports the same way), with
``id`` = the input's own ``id`` or else its ``_input_hash``, and our ``meta``. A QUOTE's type has no
place in doccano's spans, so it rides in ``quote_types`` (entity id → type), a field doccano keeps
as metadata and ``import doccano`` reads back.
"""

from __future__ import annotations

from typing import IO, Any, Mapping

import jsonlines

from annotator.core.records import QUOTE, RecordError, Task
from annotator.export.formats import ExportContext, ExportFormat
from annotator.export.foreign import ForeignSpan, build_task

#: Fields of a doccano line that are not carried into ``extra``.
_DOCCANO_FIELDS = frozenset({"text", "label", "entities", "relations", "Comments", "quote_types", "meta"})


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
    quote_types = {str(ids[s.key]): s.quote_type for s in task.spans if s.quote_type}
    if quote_types:
        record["quote_types"] = quote_types
    if task.meta:
        record["meta"] = task.meta
    return record


def task_from_doccano(data: Mapping[str, Any], nlp: Any) -> Task:
    """Our task from one doccano line (either shape); spans must lie on token edges."""
    text = data.get("text")
    if not isinstance(text, str):
        raise RecordError("a doccano line needs 'text' (a string)")
    spans: dict[Any, ForeignSpan] = {}
    quote_types = data.get("quote_types") or {}
    if not isinstance(quote_types, Mapping):
        raise RecordError("'quote_types' must be an object")
    if "entities" in data:
        for entity in _list_of_objects(data, "entities"):
            start, end, label = (_field(entity, "start_offset", int), _field(entity, "end_offset", int),
                                 _field(entity, "label", str))
            key = entity.get("id")
            spans[key] = ForeignSpan(start, end, label, quote_types.get(str(key)) if label == QUOTE else None)
    for number, item in enumerate(data.get("label") or ()):
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], int)
                and isinstance(item[1], int) and isinstance(item[2], str)):
            raise RecordError(f"'label' item {number + 1} must be [start, end, \"LABEL\"], got {item!r}")
        spans[("label", number)] = ForeignSpan(item[0], item[1], item[2], None)
    links = []
    for relation in _list_of_objects(data, "relations"):
        head, child = relation.get("from_id"), relation.get("to_id")
        if head not in spans or child not in spans:
            raise RecordError(f"relation {relation.get('id')!r}: from_id/to_id name no entity of the line")
        links.append((head, child, _field(relation, "type", str)))
    extra = {k: v for k, v in data.items() if k not in _DOCCANO_FIELDS}
    meta = data.get("meta") if isinstance(data.get("meta"), Mapping) else {}
    return build_task(text, spans, links, nlp, meta=dict(meta), extra=extra)


def _list_of_objects(data: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    value = data.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise RecordError(f"'{name}' must be a list of objects")
    return value


def _field(data: Mapping[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise RecordError(f"{name!r} must be {'an integer' if kind is int else 'a string'}, got {value!r}")
    return value


class DoccanoWriter:
    def __init__(self, out: IO[bytes], context: ExportContext | None = None) -> None:
        self._lines = jsonlines.Writer(out, compact=True)

    def add(self, decision: Any, doc: Any) -> None:
        self._lines.write(doccano_record(decision.annotation.task))

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        pass


FORMAT = ExportFormat(writer=DoccanoWriter, needs_doc=False)
