"""The ``prodigy`` format: decisions as Prodigy task JSON lines, ready for ``prodigy db-in``.

Our records already are Prodigy tasks. ``--layers`` picks what one record holds, so each suits
one of Prodigy's views:

- ``rel`` (default): every span and relation, ``_view_id: "relations"`` (``rel.manual``);
- ``ents``: the entity spans alone, which never overlap, ``_view_id: "ner_manual"`` (``ner.manual``,
  ``data-to-spacy --ner``);
- ``spans``: the QUOTE, SPEAKER and CUE spans alone, ``_view_id: "spans_manual"`` (``spans.manual``,
  ``data-to-spacy --spancat``).

Hashes a record came with are kept, as Prodigy keeps them (a record without gets them computed
the Prodigy way); for ``ents`` and ``spans`` the spans differ from the record's, so ``_task_hash``
is computed for the spans written. Prodigy's own underscore fields are kept; other ``_`` fields
(private to some tool) are dropped. Every field Prodigy writes on tokens, spans and relations
(``disabled``, ``type``, ``score``, ``color`` ...) is carried through.
"""

from __future__ import annotations

from typing import IO, Any, Mapping

import jsonlines

from annotator.core.records import VIEW_NER, VIEW_RELATIONS, VIEW_SPANS, Annotation
from annotator.export.formats import ExportContext, ExportFormat

#: Underscore fields Prodigy itself writes and reads back; every other ``_field`` is private to a tool.
PRODIGY_FIELDS = frozenset({"_input_hash", "_task_hash", "_annotator_id", "_session_id",
                            "_timestamp", "_view_id", "_is_binary"})
VIEW_IDS = {"rel": VIEW_RELATIONS, "ents": VIEW_NER, "spans": VIEW_SPANS}


def prodigy_record(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if not k.startswith("_") or k in PRODIGY_FIELDS}


def layer_record(annotation: Annotation, layers: str = "rel") -> dict[str, Any]:
    """The record Prodigy's view for ``layers`` takes, with ``_view_id`` set."""
    task = annotation.task
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
    record["_view_id"] = VIEW_IDS[layers]
    return record


class ProdigyWriter:
    def __init__(self, out: IO[bytes], context: ExportContext | None = None) -> None:
        self._layers = context.options.layers if context else "rel"
        self._lines = jsonlines.Writer(out, compact=True)

    def add(self, decision: Any, doc: Any) -> None:
        self._lines.write(layer_record(decision.annotation, self._layers))

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        pass


FORMAT = ExportFormat(writer=ProdigyWriter, needs_doc=False)
