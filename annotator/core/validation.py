"""Checking whole files: schema and invariants for every line, every problem reported with its line.

Every line is read in full and checked on its own. By default a line is first checked by
``quick_check`` (one typed decode, the same rules); only a line it cannot prove sound goes through
the full check, which names what is wrong. ``deep=True`` runs the full check on every line (the
JSON Schemas themselves, compiled once, then the reading code ``export`` and ``annotate`` use) and
adds the checks between records: two texts carrying one ``_input_hash``, and decisions an
annotator later replaced.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator

from annotator.core.hashing import legacy_input_hash
from annotator.core.invariants import task_problems
from annotator.core.quick_check import line_is_sound
from annotator.core.records import Annotation, RecordError, Task
from annotator.core.sources import (BOM, STDIN, InputError, RawRecord, folder_inputs, jsonl_lines, parse_line,
                                    refuse_special_file)


@dataclass
class FileReport:
    path: str
    records: int = 0
    problems: list[InputError] = field(default_factory=list)
    #: (``deep``) decisions that a later decision by the same annotator on the same input replaces:
    #: history the store keeps, not an error; readers count the newest one
    replaced_decisions: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


class _BetweenRecords:
    """What ``deep`` remembers across lines and files: who carried each input hash first, and
    which (input, annotator) pairs already have a decision."""

    def __init__(self) -> None:
        # input hash → (53-bit fingerprint of the first text that carried it, where)
        self.hash_owners: dict[int, tuple[int, str]] = {}
        self.decided: set[tuple[int, str | None]] = set()

    def check(self, raw: RawRecord, report: FileReport) -> None:
        data = raw.data
        supplied = data.get("_input_hash")
        if not isinstance(supplied, int) or isinstance(supplied, bool):
            return  # a record without a hash gets one from its own text: it cannot clash
        fingerprint = legacy_input_hash(data["text"])
        owner = self.hash_owners.setdefault(supplied, (fingerprint, f"{raw.file}:{raw.line}"))
        if owner[0] != fingerprint:
            report.problems.append(raw.input_error(
                f"_input_hash {supplied} is also carried by a different text ({owner[1]}); annotator's "
                "readers keep the two apart, Prodigy would take them for one document"))
        if "answer" in data:
            decision = (supplied, data.get("_annotator_id"))
            report.replaced_decisions += decision in self.decided
            self.decided.add(decision)


def validate_file(path: str | Path, *, deep: bool = False) -> FileReport:
    """Check every line of a JSONL file of tasks or annotations; never stops at the first problem."""
    return _validate(str(path), _BetweenRecords() if deep else None)


def _validate(name: str, between: _BetweenRecords | None) -> FileReport:
    if name != STDIN and (Path(name).is_dir() or Path(name).suffix.lower() == ".txt"):
        raise InputError(name, None, "validate checks JSONL files of tasks or annotations, not documents")
    deep = between is not None
    report = FileReport(name)
    for number, line, last in _lines(name):
        body = line.rstrip(b"\r\n")
        if number == 1 and body.startswith(BOM):
            body = body[len(BOM):]
        if not body.strip():
            continue
        report.records += 1
        if not deep and line_is_sound(body):
            continue
        raw = parse_line(name if name != STDIN else "<stdin>", number, line, last=last)
        if raw is None:  # pragma: no cover - blank lines are skipped above
            continue
        problems = _full_check(raw)
        for problem in problems:
            report.problems.append(raw.input_error(problem))
        if between is not None and not problems:
            between.check(raw, report)
    return report


def check_record(raw: RawRecord) -> None:
    """Refuse a record ``validate`` would refuse, with its first problem as ``FILE:LINE: reason``:
    the one verdict every reader of our records gives (the quick proof first, the full check when
    it cannot prove the line sound)."""
    problem = first_problem(raw)
    if problem is not None:
        raise raw.input_error(problem)


def first_problem(raw: RawRecord) -> str | None:
    """The first reason ``validate`` gives for refusing this record, or None for a sound one."""
    if raw.error is not None:
        return raw.error
    if line_is_sound(raw.raw.encode("utf-8")):
        return None
    # The readers' own words first (they say what the record looks like), then the schema's.
    try:
        record = Annotation.from_dict(raw.data).task if "answer" in raw.data else Task.from_dict(raw.data)
    except RecordError as err:
        return str(err)
    except RecursionError:
        return "the record is nested too deeply"
    problems = task_problems(record) or _schema_problems(raw.data)
    return problems[0] if problems else None


def _schema_problems(data: object) -> list[str]:
    # Imported here: the schema's wording needs jsonschema (a third of a second to import), which
    # the readers only need for a record with a problem, not before annotate's first document.
    from annotator.core.schema import schema_errors, schema_valid

    return [] if schema_valid(data) else schema_errors(data)


def _full_check(raw: RawRecord) -> list[str]:
    """Every problem of one record: unreadable, against the schemas, or breaking an invariant."""
    if raw.error is not None:
        return [raw.error]
    problems = _schema_problems(raw.data)
    try:
        record = Annotation.from_dict(raw.data).task if "answer" in raw.data else Task.from_dict(raw.data)
    except RecordError as err:
        problems.append(str(err))
    except RecursionError:
        problems.append("the record is nested too deeply")
    else:
        problems.extend(task_problems(record))
    return list(dict.fromkeys(problems))


def _lines(name: str) -> Iterator[tuple[int, bytes, bool]]:
    if name == STDIN:
        yield from jsonl_lines(sys.stdin.buffer)
        return
    path = Path(name)
    if not path.exists():
        raise InputError(name, None, "no such file or folder")
    refuse_special_file(path)
    try:
        stream: IO[bytes] = path.open("rb", buffering=1 << 20)  # lines of 50 KB are common
    except PermissionError:
        raise InputError(name, None, "permission denied") from None
    with stream:
        yield from jsonl_lines(stream)


def validate_files(paths: Iterable[str | Path], *, deep: bool = False) -> list[FileReport]:
    """One report per file; a folder of JSONL files (``prelabel --engine dask`` parts) is its .jsonl files.

    With ``deep`` the checks between records run across all the files, as ``export`` reads them together.
    """
    between = _BetweenRecords() if deep else None
    return [_validate(str(p), between) for p in _expand_folders(paths)]


def _expand_folders(paths: Iterable[str | Path]) -> Iterator[str | Path]:
    for path in paths:
        if str(path) != STDIN and Path(path).is_dir():
            files = folder_inputs(Path(path), (".jsonl",))
            if files:
                yield from files
                continue
        yield path
