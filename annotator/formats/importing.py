"""Importing record by record (Prodigy, doccano, Label Studio): other tools' files as our tasks and decisions.

A format's ``record_importer(read, convert)`` is its importer: a reader of (line, record) pairs and a converter of
one record to a ``Task`` (a document to annotate) or an ``Annotation`` (a decision someone made:
a Prodigy record with an ``answer``, a doccano line, a completed Label Studio annotation). Every
record is read and checked before anything is written, so a bad record stops the import with
``FILE:LINE: message`` and leaves the output as it was (no file at all when there was none).
Inputs already in the output (same ``_input_hash``) are skipped, so an import can be run again;
``-o -`` writes JSON lines to standard output instead.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import jsonlines
from annotator.core.errors import UserError
from annotator.core.invariants import check_task
from annotator.core.output_paths import refuse_output_among_inputs
from annotator.core.progress import NoProgress, Progress
from annotator.core.records import Annotation, RecordError, Task
from annotator.core.sources import InputError, iter_records, refuse_special_file
from annotator.core.store import JsonlStore
from annotator.formats.foreign import SkipRecord
from annotator.formats.format import Importer, ImportReport
from annotator.nlp.glued_marks import blank_english

Converted = Task | Annotation
Read = Callable[[Path], Iterator[tuple[int | None, Any]]]
Convert = Callable[[Any, Any], Converted]

STDOUT = "-"


def record_importer(read: Read, convert: Convert) -> Importer:
    """The importer of a format whose files are lists of records, each converted on its own."""

    def run(*, sources: Sequence[str | Path], output: str | Path, options: Any = None, force: bool = False,
            progress: Progress = NoProgress()) -> ImportReport:
        if force:
            raise UserError("--force: this import appends to the output and skips what is already there; "
                            "nothing is replaced")
        refuse_output_among_inputs(output, sources)
        return import_records(read, convert, sources=sources, output=output, progress=progress)

    return run


def import_records(read: Read, convert: Convert, *, sources: Sequence[str | Path], output: str | Path,
                   progress: Progress = NoProgress()) -> ImportReport:
    """Append the tasks and decisions of ``sources`` to ``output`` (``-``: JSON lines on standard output)."""
    report = ImportReport(output)
    advance = progress.stage("Reading records", None)
    records = list(_records(read, convert, sources, report, advance))
    if str(output) == STDOUT:
        lines = jsonlines.Writer(sys.stdout, compact=True, flush=True)
        for record in records:
            lines.write(record.to_dict())
            _count(report, record)
        return report
    writing = progress.stage("Writing records", len(records))
    with JsonlStore(output) as store:
        decided = _decision_keys(Path(output)) if len(store) else set()
        for record in records:
            writing(1)
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


def _records(read: Read, convert: Convert, sources: Sequence[str | Path], report: ImportReport,
             advance: Any) -> Iterator[Converted]:
    nlp = blank_english()  # the tokens prelabel would give the text
    for source in sources:
        path = Path(source)
        refuse_special_file(path)
        if not path.is_file():
            raise InputError(str(path), None, "no such file")
        for number, data in read(path):
            advance(1)
            try:
                record = convert(data, nlp)
                check_task(record.task if isinstance(record, Annotation) else record)
            except SkipRecord as skip:
                report.left_out[str(skip)] += 1
                continue
            except RecordError as err:
                raise InputError(str(path), number, str(err)) from None
            if isinstance(record, Annotation):
                report.spans.update(s.label for s in record.task.spans)
                report.relations.update(r.label for r in record.task.relations)
            yield record


def import_files(*, format: str, sources: Sequence[str | Path], output: str | Path,
                 options: Any = None, force: bool = False, progress: Progress = NoProgress()) -> ImportReport:
    """``annotator import FORMAT``, from Python: the registry's importer of ``format`` with its options
    (its ``FormatOptions`` type or a mapping of option names)."""
    from annotator.formats import get_format
    from annotator.formats.format import FormatOptions

    spec = get_format(format, exporting=False)
    assert spec.importer is not None
    if not isinstance(options, FormatOptions):
        options = spec.options.from_flags(format, dict(options or {}))
    return spec.importer(sources=sources, output=output, options=options, force=force, progress=progress)
