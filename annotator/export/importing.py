"""``annotator import doccano|labelstudio``: other tools' files as our tasks, appended to a task file.

Each importer is an entry in ``IMPORTERS``: a reader of (line, record) pairs and a converter of
one record to a ``Task``. Inputs already in the output (same ``_input_hash``) are skipped, so an
interrupted import resumes (``-o -`` writes JSON lines to standard output instead); a bad record stops the import with ``FILE:LINE: message`` and every
task written before it stays.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import jsonlines
import spacy

from annotator.core.invariants import check_task
from annotator.core.records import RecordError, Task
from annotator.core.sources import InputError
from annotator.core.store import JsonlStore
from annotator.export.doccano import task_from_doccano
from annotator.export.foreign import iter_json_lines
from annotator.export.labelstudio import iter_labelstudio, task_from_labelstudio


@dataclass(frozen=True)
class Importer:
    read: Callable[[Path], Iterator[tuple[int | None, Any]]]
    convert: Callable[[Any, Any], Task]


STDOUT = "-"

IMPORTERS = {
    "doccano": Importer(iter_json_lines, task_from_doccano),
    "labelstudio": Importer(iter_labelstudio, task_from_labelstudio),
}


@dataclass
class ImportReport:
    written: int = 0
    skipped: int = 0


def import_tasks(*, format: str, sources: Sequence[str | Path], output: str | Path) -> ImportReport:
    """Append the tasks of ``sources`` to ``output`` (``-``: JSON lines on standard output)."""
    report = ImportReport()
    if str(output) == STDOUT:
        lines = jsonlines.Writer(sys.stdout, compact=True, flush=True)
        for task in _tasks(format, sources):
            check_task(task)
            lines.write(task.to_dict())
            report.written += 1
        return report
    with JsonlStore(output) as store:
        for task in _tasks(format, sources):
            if task.input_hash in store:
                report.skipped += 1
                continue
            store.append_task(task)
            report.written += 1
    return report


def _tasks(format: str, sources: Sequence[str | Path]) -> Iterator[Task]:
    importer = IMPORTERS[format]
    nlp = spacy.blank("en")
    for source in sources:
        path = Path(source)
        if not path.is_file():
            raise InputError(str(path), None, "no such file")
        for number, data in importer.read(path):
            try:
                yield importer.convert(data, nlp)
            except RecordError as err:
                raise InputError(str(path), number, str(err)) from None
