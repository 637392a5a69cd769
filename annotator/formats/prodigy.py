"""The ``prodigy`` format: decisions as Prodigy task JSON lines, ready for ``prodigy db-in``.

Our records already are Prodigy tasks. ``--layers`` picks what one record holds, so each suits
one of Prodigy's views:

- ``rel`` (default): every span and relation, ``_view_id: "relations"`` (``rel.manual``);
- ``ents``: the entity spans alone, which never overlap, ``_view_id: "ner_manual"`` (``ner.manual``,
  ``data-to-spacy --ner``);
- ``spans``: the QUOTE, SPEAKER and CUE spans alone, ``_view_id: "spans_manual"`` (``spans.manual``,
  ``data-to-spacy --spancat``).

Hashes a record came with are kept, as Prodigy keeps them (a record without gets annotator's own,
not Prodigy's values: rehash in Prodigy, see the README); for ``ents`` and ``spans`` the spans differ from the record's, so ``_task_hash``
is computed for the spans written. Prodigy's own underscore fields are kept; other ``_`` fields
(private to some tool) are dropped. Every field Prodigy writes on tokens, spans and relations
(``disabled``, ``type``, ``score``, ``color`` ...) is carried through. A record that is not about
spans (a textcat ``label``, a choice's ``options``) keeps the view it came with, else Prodigy's
``classification``/``choice``, never ``relations``.

``import prodigy`` reads records Prodigy wrote in any version into ours: tokens without ``ws``
(``ner.manual`` before 1.10) get it from the text, a record without tokens (binary ``ner.teach``,
``nel``) is tokenized, spans get their token offsets (a token a span starts or ends inside is split
there, so every span keeps exactly its characters), and every field Prodigy wrote is kept:
``score``/``rank``/``source``/``input_hash`` on spans, a textcat ``label``, ``options``/``accept``,
and the ``_input_hash``/``_task_hash`` it carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any, Mapping


from annotator.core.records import (ANNOTATION_FIELDS, ANSWERS, PRODIGY_RELATION_FIELDS, PRODIGY_SPAN_FIELDS,
                                    PRODIGY_TOKEN_FIELDS, TASK_FIELDS, VIEW_NER, VIEW_RELATIONS, VIEW_SPANS,
                                    Annotation, RecordError, Task, Token)
from annotator.core.record_decoding import json_type
from annotator.formats.foreign import ForeignSpan, build_task, check_text, list_of_objects
from annotator.formats.format import (ExportContext, ExportOptionError, Exporter, Format, FormatOptions,
                                      JsonLinesWriter)
from annotator.formats.foreign import iter_json_lines
from annotator.formats.importing import record_importer

#: Underscore fields Prodigy itself writes and reads back; every other ``_field`` is private to a tool.
PRODIGY_FIELDS = frozenset({"_input_hash", "_task_hash", "_annotator_id", "_session_id",
                            "_timestamp", "_view_id", "_is_binary"})
VIEW_IDS = {"rel": VIEW_RELATIONS, "ents": VIEW_NER, "spans": VIEW_SPANS}


#: Fields of our records that Prodigy does not know: the pre-labeler's suggestions (offered, not
#: taken: never annotations) stay in our files, out of Prodigy's.
OURS_ONLY = frozenset({"suggestions"})


def prodigy_record(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items()
            if (not k.startswith("_") or k in PRODIGY_FIELDS) and k not in OURS_ONLY}


#: The views of Prodigy's records that are about the whole text, not spans.
VIEW_CLASSIFICATION, VIEW_CHOICE = "classification", "choice"


def whole_text_view(task: Task) -> str | None:
    """The view of a record that classifies the text (a ``label``, or ``options`` to choose from),
    as the record names it or Prodigy would; None for a record about spans."""
    if task.spans or task.relations:
        return None
    own = task.extra.get("_view_id")
    own = own if isinstance(own, str) and own not in VIEW_IDS.values() else None
    if isinstance(task.extra.get("options"), list):
        return own or VIEW_CHOICE
    if isinstance(task.extra.get("label"), str):
        return own or VIEW_CLASSIFICATION
    return None


def layer_record(annotation: Annotation, layers: str = "rel") -> dict[str, Any]:
    """The record Prodigy's view for ``layers`` takes, with ``_view_id`` set."""
    task = annotation.task
    whole_text = whole_text_view(task)
    if layers != "rel":
        keep_entities = layers == "ents"
        task = task.copy()
        task.spans = [s for s in task.spans if s.is_entity == keep_entities]
        task.relations = []
        # A different set of spans is a different question: hash it afresh.
        task.given_task_hash = None
    record = Annotation(task, annotation.answer, annotation.annotator_id, annotation.session_id,
                        annotation.timestamp).to_dict()
    record = prodigy_record(record)
    record["_view_id"] = whole_text or VIEW_IDS[layers]
    return record


_SPAN_FIELDS = frozenset({"start", "end", "label", "text", "token_start", "token_end", "quote_type"})
_OPTIONAL_HASHES = ("_input_hash", "_task_hash")


def record_from_prodigy(data: Any, nlp: Any) -> Task | Annotation:
    """One record Prodigy wrote as our task, or our decision when it carries an ``answer``."""
    if not isinstance(data, Mapping):
        raise RecordError(f"a Prodigy record must be a JSON object, got {json_type(data)}")
    text = check_text(data.get("text"))
    hashes = {}
    for name in _OPTIONAL_HASHES:
        value = data.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise RecordError(f"'{name}' must be an integer, got {json_type(value)}")
        hashes[name] = value
    tokens = _prodigy_tokens(text, data.get("tokens"))
    spans: dict[Any, ForeignSpan] = {}
    for number, span in enumerate(list_of_objects(data, "spans")):
        foreign = _prodigy_span(span, f"span {number + 1}")
        spans.setdefault((foreign.start, foreign.end, foreign.label), foreign)
    links, link_extra = [], {}
    for number, relation in enumerate(list_of_objects(data, "relations")):
        label = relation.get("label")
        if not isinstance(label, str):
            raise RecordError(f"relation {number + 1}: 'label' must be a string")
        ends = []
        for name in ("head_span", "child_span"):
            span = relation.get(name)
            if not isinstance(span, Mapping):
                raise RecordError(f"relation {number + 1}: '{name}' must be an object")
            foreign = _prodigy_span(span, f"relation {number + 1} {name}")
            spans.setdefault((foreign.start, foreign.end, foreign.label), foreign)
            ends.append((foreign.start, foreign.end, foreign.label))
        link_extra[len(links)] = _extra(relation, {"head", "child", "head_span", "child_span", "label"},
                                        PRODIGY_RELATION_FIELDS, f"relation {number + 1}")
        links.append((ends[0], ends[1], label))
    meta = data.get("meta", {})
    if meta is None:
        meta = {}
    if not isinstance(meta, Mapping):
        raise RecordError(f"'meta' must be an object, got {json_type(meta)}")
    extra = {k: v for k, v in data.items() if k not in TASK_FIELDS and k not in ANNOTATION_FIELDS}
    task = build_task(text, spans, links, nlp, meta=dict(meta), extra=extra, tokens=tokens,
                      input_hash=hashes["_input_hash"], task_hash=hashes["_task_hash"], link_extra=link_extra)
    view = whole_text_view(task)
    if view is not None:
        task.extra["_view_id"] = view
    if "answer" not in data:
        return task
    answer = data["answer"]
    if answer not in ANSWERS:
        raise RecordError(f"'answer' must be one of {', '.join(ANSWERS)}, got {answer!r}")
    people = {}
    for name in ("_annotator_id", "_session_id"):
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise RecordError(f"'{name}' must be a string or null, got {json_type(value)}")
        people[name] = value
    timestamp = data.get("_timestamp")
    if timestamp is not None and (not isinstance(timestamp, int) or isinstance(timestamp, bool)):
        raise RecordError(f"'_timestamp' must be an integer, got {json_type(timestamp)}")
    return Annotation(task, answer, people["_annotator_id"], people["_session_id"], timestamp)


def _prodigy_tokens(text: str, tokens: Any) -> list[Token] | None:
    """The record's tokens; ``ws`` (left out before Prodigy 1.10) is whether a space follows."""
    if tokens is None or tokens == []:
        return None
    if not isinstance(tokens, list):
        raise RecordError(f"'tokens' must be a list, got {json_type(tokens)}")
    out = []
    for number, token in enumerate(tokens):
        if not isinstance(token, Mapping):
            raise RecordError(f"token {number}: must be an object, got {json_type(token)}")
        start, end = token.get("start"), token.get("end")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
            raise RecordError(f"token {number}: 'start' and 'end' must be integers")
        if not 0 <= start < end <= len(text) or (out and start < out[-1].end):
            raise RecordError(f"token {number}: offsets {start}-{end} out of order or outside the text")
        if token.get("text", text[start:end]) != text[start:end]:
            raise RecordError(f"token {number}: 'text' is {token.get('text')!r} but the document has "
                              f"{text[start:end]!r} there")
        ws = token.get("ws")
        if ws is None:
            ws = text[end:end + 1] == " "
        elif not isinstance(ws, bool):
            raise RecordError(f"token {number}: 'ws' must be true or false")
        extra = _extra(token, {"text", "start", "end", "id", "ws"}, PRODIGY_TOKEN_FIELDS, f"token {number}")
        out.append(Token(text[start:end], start, end, len(out), ws, **extra))
    return out


def _prodigy_span(span: Mapping[str, Any], where: str) -> ForeignSpan:
    start, end, label = span.get("start"), span.get("end"), span.get("label")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise RecordError(f"{where}: 'start' and 'end' must be integers")
    if not isinstance(label, str):
        raise RecordError(f"{where} {start}-{end}: 'label' must be a string")
    quote_type = span.get("quote_type")
    return ForeignSpan(start, end, label, quote_type,
                       _extra(span, _SPAN_FIELDS, PRODIGY_SPAN_FIELDS, f"{where} {label} {start}-{end}"))


def _extra(data: Mapping[str, Any], ours: set[str] | frozenset[str], prodigy: Mapping[str, Any],
           where: str) -> dict[str, Any]:
    extra = {}
    for name, value in data.items():
        if name in ours:
            continue
        kind = prodigy.get(name)
        if kind is None:
            raise RecordError(f"{where}: unknown field {name!r} (Prodigy writes: "
                              f"{', '.join(sorted(set(ours) | set(prodigy)))})")
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise RecordError(f"{where}: {name!r} has the wrong kind ({json_type(value)})")
        extra[name] = value
    return extra


class ProdigyWriter(JsonLinesWriter):
    def __init__(self, out: IO[bytes], context: ExportContext | None = None) -> None:
        super().__init__(out, context)
        self._layers = context.options.layers if context else "rel"

    def record(self, decision: Any, doc: Any) -> dict[str, Any]:
        return layer_record(decision.annotation, self._layers)


@dataclass(frozen=True)
class ProdigyOptions(FormatOptions):
    #: export: what one record holds (``--layers``): rel, ents or spans
    layers: str = "rel"

    def __post_init__(self) -> None:
        if self.layers not in VIEW_IDS:
            raise ExportOptionError(f"--layers {self.layers!r}: choose from {', '.join(VIEW_IDS)}")


FORMAT = Format(name="prodigy", summary="Prodigy task JSONL (db-in / db-out)", options=ProdigyOptions,
                exporter=Exporter(writer=ProdigyWriter, needs_doc=False),
                importer=record_importer(iter_json_lines, record_from_prodigy))
