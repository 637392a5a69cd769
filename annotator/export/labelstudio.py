"""Label Studio, both ways: its JSON export (a list of tasks with annotations) for text spans and relations.

Each task is ``{"id", "data": {"text": ...}, "annotations": [{"result": [...]}], "predictions": [...]}``.
A span is a result of type ``labels`` (``value``: ``start``, ``end``, ``text``, ``labels``); a link
is ``{"type": "relation", "from_id", "to_id", "direction": "right", "labels": [...]}``; a quote's
type is a per-region ``choices`` result with the same ``id`` as its span, from ``quote_type``.
``export --format labelstudio`` writes one task per decision with that decision as its annotation,
and ``OUT.label_config.xml``, the labelling interface to create the project with.
``import labelstudio`` reads each task's newest annotation that was not cancelled (else its first
prediction).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any, Iterator, Mapping
from xml.sax.saxutils import quoteattr

from annotator.core.records import CUE, QUOTE, QUOTE_TYPES, RELATION_LABELS, SPEAKER, RecordError, Task
from annotator.export.formats import ExportContext, ExportFormat
from annotator.export.foreign import ForeignSpan, build_task

FROM_NAME, TO_NAME, TYPE_NAME = "label", "text", "quote_type"


def region_id(number: int) -> str:
    return f"s{number}"


def labelstudio_task(task: Task, annotator: str | None = None) -> dict[str, Any]:
    ids = {span.key: region_id(number) for number, span in enumerate(task.spans, start=1)}
    result: list[dict[str, Any]] = []
    for span in task.spans:
        value = {"start": span.start, "end": span.end, "text": task.span_text(span)}
        result.append({"id": ids[span.key], "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
                       "value": {**value, "labels": [span.label]}, "origin": "manual"})
        if span.quote_type:
            result.append({"id": ids[span.key], "from_name": TYPE_NAME, "to_name": TO_NAME, "type": "choices",
                           "value": {**value, "choices": [span.quote_type]}, "origin": "manual"})
    for relation in task.relations:
        result.append({"from_id": ids[relation.head_span.key], "to_id": ids[relation.child_span.key],
                       "type": "relation", "direction": "right", "labels": [relation.label]})
    data: dict[str, Any] = {"text": task.text}
    # Label Studio numbers tasks itself; the input's own id travels in the data.
    if task.extra.get("id") is not None:
        data["id"] = task.extra["id"]
    if task.meta:
        data["meta"] = task.meta
    annotation: dict[str, Any] = {"result": result, "was_cancelled": False}
    if annotator:
        annotation["meta"] = {"annotator": annotator}
    return {"data": data, "annotations": [annotation], "meta": {"_input_hash": task.input_hash}}


def label_config(entity_labels: list[str]) -> str:
    """The Label Studio labelling interface for our spans, quote types and relations."""
    labels = [*entity_labels, QUOTE, SPEAKER, CUE]
    lines = ["<View>",
             f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">',
             *(f"    <Label value={quoteattr(label)}/>" for label in labels),
             "  </Labels>",
             f'  <Text name="{TO_NAME}" value="$text"/>',
             f'  <Choices name="{TYPE_NAME}" toName="{TO_NAME}" perRegion="true" '
             f'visibleWhen="region-selected" whenLabelValue="{QUOTE}">',
             *(f'    <Choice value="{t}"/>' for t in QUOTE_TYPES),
             "  </Choices>",
             "  <Relations>",
             *(f'    <Relation value="{label}"/>' for label in RELATION_LABELS),
             "  </Relations>",
             "</View>"]
    return "\n".join(lines) + "\n"


def task_from_labelstudio(data: Mapping[str, Any], nlp: Any) -> Task:
    """Our task from one Label Studio task: its newest annotation not cancelled, else its first prediction."""
    fields = data.get("data")
    if not isinstance(fields, Mapping) or not isinstance(fields.get("text"), str):
        raise RecordError("a Label Studio task needs 'data' with 'text' (a string)")
    text = fields["text"]
    chosen = _chosen_result(data)
    spans: dict[Any, ForeignSpan] = {}
    types: dict[Any, str] = {}
    links = []
    for item in chosen:
        if not isinstance(item, Mapping):
            raise RecordError("every item of 'result' must be an object")
        kind = item.get("type")
        value = item.get("value") if isinstance(item.get("value"), Mapping) else {}
        if kind == "labels":
            labels = value.get("labels")
            start, end = value.get("start"), value.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and isinstance(labels, list) and labels):
                raise RecordError(f"region {item.get('id')!r}: needs value.start, value.end and value.labels")
            spans[item.get("id")] = ForeignSpan(start, end, str(labels[0]))
        elif kind == "choices" and item.get("from_name") == TYPE_NAME and value.get("choices"):
            types[item.get("id")] = str(value["choices"][0])
        elif kind == "relation":
            labels = item.get("labels") or []
            head, child = item.get("from_id"), item.get("to_id")
            if item.get("direction") == "left":
                head, child = child, head
            for label in labels:
                links.append((head, child, str(label)))
    for key, quote_type in types.items():
        if key in spans and spans[key].label == QUOTE:
            span = spans[key]
            spans[key] = ForeignSpan(span.start, span.end, span.label, quote_type)
    for head, child, label in links:
        if head not in spans or child not in spans:
            raise RecordError(f"relation {label}: from_id/to_id name no region of the task")
    meta = fields.get("meta") if isinstance(fields.get("meta"), Mapping) else {}
    extra = {}
    if fields.get("id") is not None:
        extra["id"] = fields["id"]
    elif data.get("id") is not None:
        extra["id"] = data["id"]
    return build_task(text, spans, links, nlp, meta=dict(meta), extra=extra)


def _chosen_result(data: Mapping[str, Any]) -> list[Any]:
    annotations = [a for a in data.get("annotations") or () if isinstance(a, Mapping) and not a.get("was_cancelled")]
    if annotations:
        newest = max(enumerate(annotations), key=lambda p: (str(p[1].get("updated_at") or p[1].get("created_at") or ""), p[0]))
        return list(newest[1].get("result") or [])
    predictions = [p for p in data.get("predictions") or () if isinstance(p, Mapping)]
    return list(predictions[0].get("result") or []) if predictions else []


def iter_labelstudio(path: str | Path) -> Iterator[tuple[int | None, Any]]:
    """The tasks of a Label Studio JSON export (a list), or of a JSONL file of tasks, with line numbers."""
    from annotator.core.sources import InputError
    from annotator.export.foreign import iter_json_lines

    path = Path(path)
    head = path.open("rb").read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):
        try:
            tasks = json.loads(path.read_text(encoding="utf-8-sig"))
        except json.JSONDecodeError as err:
            raise InputError(str(path), err.lineno, f"invalid JSON: {err.msg} at column {err.colno}") from None
        for task in tasks:
            yield None, task
        return
    yield from iter_json_lines(path)


class LabelStudioWriter:
    """Writes a JSON list one task at a time (Label Studio imports a list, not JSON lines)."""

    def __init__(self, out: IO[bytes], context: ExportContext | None = None) -> None:
        self._out = out
        self._count = 0

    def add(self, decision: Any, doc: Any) -> None:
        task = labelstudio_task(decision.annotation.task, decision.group)
        prefix = ",\n" if self._count else "[\n"
        self._out.write((prefix + json.dumps(task, ensure_ascii=False)).encode("utf-8"))
        self._count += 1

    def finish(self) -> None:
        self._out.write(b"\n]\n" if self._count else b"[]\n")

    def abandon(self) -> None:
        pass


def config_path(context: ExportContext) -> list[Path]:
    output = context.output
    stem = output.name[: -len(output.suffix)] if output.suffix else output.name
    return [output.with_name(f"{stem}.label_config.xml")]


def config_file(context: ExportContext, counts: dict[str, int]) -> dict[Path, bytes]:
    return {config_path(context)[0]: label_config(context.entity_labels).encode("utf-8")}


FORMAT = ExportFormat(writer=LabelStudioWriter, needs_doc=False, extra_paths=config_path, extra_files=config_file)
