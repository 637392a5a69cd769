"""``annotator import prodigy|doccano|labelstudio``: other tools' files as our tasks and decisions.

Each importer is an entry in ``IMPORTERS``: a reader of (line, record) pairs and a converter of
one record to a ``Task`` (a document to annotate) or an ``Annotation`` (a decision someone made:
a Prodigy record with an ``answer``, a doccano line, a completed Label Studio annotation). Every
record is read and checked before anything is written, so a bad record stops the import with
``FILE:LINE: message`` and leaves the output as it was (no file at all when there was none).
Inputs already in the output (same ``_input_hash``) are skipped, so an import can be run again;
``-o -`` writes JSON lines to standard output instead.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import jsonlines
import spacy

from annotator.core.invariants import check_task
from annotator.core.records import Annotation, RecordError, Task
from annotator.core.sources import InputError, iter_records, refuse_special_file
from annotator.core.store import JsonlStore
from annotator.export.doccano import task_from_doccano
from annotator.export.foreign import SkipRecord, iter_json_lines
from annotator.export.labelstudio import iter_labelstudio, task_from_labelstudio
from annotator.export.prodigy import record_from_prodigy

Converted = Task | Annotation


@dataclass(frozen=True)
class Importer:
    read: Callable[[Path], Iterator[tuple[int | None, Any]]]
    convert: Callable[[Any, Any], Converted]


STDOUT = "-"

IMPORTERS = {
    "prodigy": Importer(iter_json_lines, record_from_prodigy),
    "doccano": Importer(iter_json_lines, task_from_doccano),
    "labelstudio": Importer(iter_labelstudio, task_from_labelstudio),
}


@dataclass
class ImportReport:
    written: int = 0
    decisions: int = 0
    skipped: int = 0
    #: records left out because there is nothing to annotate in them, by reason
    left_out: Counter[str] = field(default_factory=Counter)


def import_tasks(*, format: str, sources: Sequence[str | Path], output: str | Path) -> ImportReport:
    """Append the tasks and decisions of ``sources`` to ``output`` (``-``: JSON lines on standard output)."""
    report = ImportReport()
    records = list(_records(format, sources, report))
    if str(output) == STDOUT:
        lines = jsonlines.Writer(sys.stdout, compact=True, flush=True)
        for record in records:
            lines.write(record.to_dict())
            _count(report, record)
        return report
    with JsonlStore(output) as store:
        decided = _decision_keys(Path(output)) if len(store) else set()
        for record in records:
            if isinstance(record, Annotation):
                # Several people may have decided one document: each decision is kept once.
                key = _decision_key(record.to_dict())
                if key in decided:
                    report.skipped += 1
                    continue
                decided.add(key)
                store.append_decision(record)
            elif record.input_hash in store:
                report.skipped += 1
                continue
            else:
                store.append_task(record)
            _count(report, record)
    return report


def _decision_key(record: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(record.get(name) for name in ("_input_hash", "_task_hash", "answer", "_annotator_id",
                                               "_session_id", "_timestamp"))


def _decision_keys(output: Path) -> set[tuple[Any, ...]]:
    """The decisions already in the output, so that running an import again adds none twice."""
    return {_decision_key(raw.data) for raw in iter_records([output])
            if raw.error is None and "answer" in raw.data}


def _count(report: ImportReport, record: Converted) -> None:
    report.written += 1
    report.decisions += isinstance(record, Annotation)


def _records(format: str, sources: Sequence[str | Path], report: ImportReport) -> Iterator[Converted]:
    importer = IMPORTERS[format]
    nlp = spacy.blank("en")
    for source in sources:
        path = Path(source)
        refuse_special_file(path)
        if not path.is_file():
            raise InputError(str(path), None, "no such file")
        for number, data in importer.read(path):
            try:
                record = importer.convert(data, nlp)
                check_task(record.task if isinstance(record, Annotation) else record)
            except SkipRecord as skip:
                report.left_out[str(skip)] += 1
                continue
            except RecordError as err:
                raise InputError(str(path), number, str(err)) from None
            yield record
