"""Label Studio, both ways: its JSON export (a list of tasks with annotations) for text spans and relations.

Each task is ``{"id", "data": {"text": ...}, "annotations": [{"result": [...]}], "predictions": [...]}``.
A span is a result of type ``labels`` (``value``: ``start``, ``end``, ``text``, ``labels``); a link
is ``{"type": "relation", "from_id", "to_id", "direction": "right", "labels": [...]}``; a quote's
type is a per-region ``choices`` result with the same ``id`` as its span, from ``quote_type``.
``export --format labelstudio`` writes one task per decision with that decision as its annotation
(tasks and annotations numbered from 1 in ``id``, as label-studio-sdk's ``Converter`` needs, the
annotator in ``completed_by``), and ``OUT.label_config.xml``, the labelling interface to create
the project with. ``import labelstudio`` reads each task's newest annotation that was not
cancelled as a decision (by its ``completed_by``: the e-mail, else the user number), else its
first prediction as a task to annotate.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from dataclasses import dataclass
from typing import IO, Any, Iterator, Mapping
from xml.sax.saxutils import quoteattr

from annotator.core.records import (CUE, QUOTE, QUOTE_TYPES, RELATION_LABELS, SPEAKER, Annotation, RecordError, Task)
from annotator.core.record_decoding import json_type
from annotator.formats.format import ExportContext, Exporter, Format, FormatOptions, StreamWriter, parse_labels
from annotator.formats.importing import record_importer
from annotator.formats.foreign import ForeignSpan, build_task, check_text, list_of_objects

FROM_NAME, TO_NAME, TYPE_NAME = "label", "text", "quote_type"


def region_id(number: int) -> str:
    return f"s{number}"


def labelstudio_task(task: Task, annotator: str | None = None, number: int = 1) -> dict[str, Any]:
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
    annotation: dict[str, Any] = {"id": number, "result": result, "was_cancelled": False, "task": number}
    if annotator:
        annotation["completed_by"] = {"email": annotator}
        annotation["meta"] = {"annotator": annotator}
    return {"id": number, "data": data, "annotations": [annotation], "meta": {"_input_hash": task.input_hash}}


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


LABELSTUDIO_ANNOTATOR = "labelstudio"


def task_from_labelstudio(data: Any, nlp: Any) -> Task | Annotation:
    """Our decision from one Label Studio task's newest annotation not cancelled, else our task
    from its first prediction (or with no spans)."""
    if not isinstance(data, Mapping):
        raise RecordError(f"a Label Studio task must be a JSON object, got {json_type(data)}")
    fields = data.get("data")
    if not isinstance(fields, Mapping) or not isinstance(fields.get("text"), str):
        raise RecordError("a Label Studio task needs 'data' with 'text' (a string)")
    text = check_text(fields["text"])
    annotation, chosen = _chosen(data)
    spans, links = _regions(chosen)
    meta = fields.get("meta") if isinstance(fields.get("meta"), Mapping) else {}
    extra = {}
    if fields.get("id") is not None:
        extra["id"] = fields["id"]
    elif data.get("id") is not None:
        extra["id"] = data["id"]
    # Our export keeps the input hash in the task's meta; Label Studio never changes a task's text.
    own_meta = data.get("meta")
    given = own_meta.get("_input_hash") if isinstance(own_meta, Mapping) else None
    given = given if _is_int(given) else None
    task = build_task(text, spans, links, nlp, meta=dict(meta), extra=extra, input_hash=given)
    if annotation is None:
        return task
    who = _annotator(annotation)
    return Annotation(task, "accept", who, f"{who}-labelstudio", _timestamp(annotation))


def _regions(result: list[Any]) -> tuple[dict[Any, ForeignSpan], list[tuple[Any, Any, str]]]:
    """The labelled regions of one ``result`` by region id (a QUOTE with the type chosen for it)
    and its relations as (head id, child id, label)."""
    spans: dict[Any, ForeignSpan] = {}
    types: dict[Any, str] = {}
    links = []
    for item in result:
        if not isinstance(item, Mapping):
            raise RecordError("every item of 'result' must be an object")
        kind = item.get("type")
        value = item.get("value", {})
        if not isinstance(value, Mapping):
            raise RecordError(f"region {_shown(item.get('id'))}: 'value' must be an object")
        if kind == "labels":
            spans[_key(item.get("id"))] = _labelled_region(item, value)
        elif kind == "choices" and item.get("from_name") == TYPE_NAME:
            choices = value.get("choices")
            if isinstance(choices, list) and choices and isinstance(choices[0], str):
                types[_key(item.get("id"))] = choices[0]
        elif kind == "relation":
            links.extend(_relation_links(item))
    for key, quote_type in types.items():
        if key in spans and spans[key].label == QUOTE:
            span = spans[key]
            spans[key] = ForeignSpan(span.start, span.end, span.label, quote_type)
    for head, child, label in links:
        if head not in spans or child not in spans:
            raise RecordError(f"relation {label}: from_id/to_id name no region of the task")
    return spans, links


def _labelled_region(item: Mapping[str, Any], value: Mapping[str, Any]) -> ForeignSpan:
    labels = value.get("labels")
    start, end = value.get("start"), value.get("end")
    if not (_is_int(start) and _is_int(end) and isinstance(labels, list) and labels
            and isinstance(labels[0], str)):
        raise RecordError(f"region {_shown(item.get('id'))}: needs value.start, value.end and value.labels")
    return ForeignSpan(start, end, labels[0])


def _relation_links(item: Mapping[str, Any]) -> list[tuple[Any, Any, str]]:
    """A relation region as (head id, child id, label), one a label; ``direction: left`` points back."""
    labels = item.get("labels") or []
    if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
        raise RecordError("a relation's 'labels' must be a list of strings")
    head, child = _key(item.get("from_id")), _key(item.get("to_id"))
    if item.get("direction") == "left":
        head, child = child, head
    return [(head, child, label) for label in labels]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _key(value: Any) -> Any:
    if value is None or isinstance(value, (str, int)) and not isinstance(value, bool):
        return value
    raise RecordError(f"a region id must be a string or a number, got {json_type(value)}")


def _shown(value: Any) -> str:
    return repr(value)[:40]



def _chosen(data: Mapping[str, Any]) -> tuple[Mapping[str, Any] | None, list[Any]]:
    """The newest annotation not cancelled and its result; else no annotation and the first prediction's."""
    annotations = [a for a in list_of_objects(data, "annotations") if not a.get("was_cancelled")]
    predictions = list_of_objects(data, "predictions")
    if annotations:
        _, newest = max(enumerate(annotations), key=lambda p: (str(p[1].get("updated_at") or p[1].get("created_at")
                                                                     or ""), p[0]))
        return newest, _result(newest)
    return None, _result(predictions[0]) if predictions else []


def _result(item: Mapping[str, Any]) -> list[Any]:
    result = item.get("result")
    if result is None:
        return []
    if not isinstance(result, list):
        raise RecordError(f"'result' must be a list, got {json_type(result)}")
    return result


def _annotator(annotation: Mapping[str, Any]) -> str:
    """``completed_by`` as Label Studio writes it: a user number, or an object with ``email``."""
    who = annotation.get("completed_by")
    if isinstance(who, Mapping):
        who = who.get("email") or who.get("id")
    if isinstance(who, bool) or who is None or not isinstance(who, (str, int)) or who == "":
        meta = annotation.get("meta")
        named = meta.get("annotator") if isinstance(meta, Mapping) else None
        return named if isinstance(named, str) and named else LABELSTUDIO_ANNOTATOR
    return str(who)


def _timestamp(annotation: Mapping[str, Any]) -> int | None:
    stamp = annotation.get("updated_at") or annotation.get("created_at")
    if not isinstance(stamp, str):
        return None
    try:
        return int(datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def iter_labelstudio(path: str | Path) -> Iterator[tuple[int | None, Any]]:
    """The tasks of a Label Studio JSON export (a list), or of a JSONL file of tasks, with line
    numbers; read as strictly as ``validate`` reads our files (NaN, a lone surrogate, deep nesting
    are errors naming their line)."""
    from annotator.core.sources import InputError, StrictJsonError, parse_json_line, refuse_special_file
    from annotator.formats.foreign import iter_json_lines

    path = Path(path)
    refuse_special_file(path)
    with path.open("rb") as stream:
        head = stream.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"["):
        yield from iter_json_lines(path)
        return
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(str(path), None, f"not valid UTF-8 (byte {err.start})") from None
    decoder = json.JSONDecoder()
    at = text.index("[") + 1
    while True:
        at = _skip_space(text, at)
        if text.startswith("]", at):
            if _skip_space(text, at + 1) != len(text):
                raise InputError(str(path), _line(text, at + 1), "text after the end of the list")
            return
        line = _line(text, at)
        try:
            _, end = decoder.raw_decode(text, at)
            task = parse_json_line(text[at:end])  # the strict reader's verdict on this task alone
        except json.JSONDecodeError as err:
            raise InputError(str(path), _line(text, err.pos), f"invalid JSON: {err.msg}") from None
        except (StrictJsonError, RecursionError) as err:
            reason = str(err) if isinstance(err, StrictJsonError) else "the JSON is nested too deeply to read"
            raise InputError(str(path), line, reason) from None
        yield line, task
        at = _skip_space(text, end)
        if text.startswith(",", at):
            at += 1
        elif not text.startswith("]", at):
            raise InputError(str(path), _line(text, at), "expected ',' or ']' between tasks")


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


class LabelStudioWriter(StreamWriter):
    """Writes a JSON list one task at a time (Label Studio imports a list, not JSON lines)."""

    def __init__(self, out: IO[bytes], context: ExportContext | None = None) -> None:
        self._out = out
        self._count = 0

    def add(self, decision: Any, doc: Any) -> None:
        task = labelstudio_task(decision.annotation.task, decision.group, self._count + 1)
        prefix = ",\n" if self._count else "[\n"
        self._out.write((prefix + json.dumps(task, ensure_ascii=False)).encode("utf-8"))
        self._count += 1

    def finish(self) -> None:
        self._out.write(b"\n]\n" if self._count else b"[]\n")


def config_path(context: ExportContext) -> list[Path]:
    output = context.output
    stem = output.name[: -len(output.suffix)] if output.suffix else output.name
    return [output.with_name(f"{stem}.label_config.xml")]


def config_file(context: ExportContext, counts: dict[str, int]) -> dict[Path, bytes]:
    return {config_path(context)[0]: label_config(context.entity_labels).encode("utf-8")}


@dataclass(frozen=True)
class LabelStudioOptions(FormatOptions):
    #: export: entity labels in the order the labelling config lists them (``--labels``)
    labels: tuple[str, ...] | str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "labels", parse_labels(self.labels))


FORMAT = Format(name="labelstudio", summary="Label Studio JSON tasks and a labelling config",
                options=LabelStudioOptions,
                exporter=Exporter(writer=LabelStudioWriter, needs_doc=False, extra_paths=config_path,
                                  extra_files=config_file),
                importer=record_importer(iter_labelstudio, task_from_labelstudio))
