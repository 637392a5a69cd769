"""Checking whole files: schema and invariants for every line, every problem reported with its line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from annotator.core.invariants import task_problems
from annotator.core.records import Annotation, RecordError, Task
from annotator.core.schema import schema_errors
from annotator.core.sources import InputError, iter_raw


@dataclass
class FileReport:
    path: str
    records: int = 0
    problems: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_file(path: str | Path) -> FileReport:
    """Check every line of a JSONL file of tasks or annotations; never stops at the first problem."""
    name = str(path)
    if name != "-" and (Path(name).is_dir() or Path(name).suffix.lower() == ".txt"):
        raise InputError(name, None, "validate checks JSONL files of tasks or annotations, not documents")
    report = FileReport(name)
    for raw in iter_raw(path):
        report.records += 1
        if raw.error is not None:
            report.problems.append(raw.input_error())
            continue
        problems = schema_errors(raw.data)
        try:
            record = Annotation.from_dict(raw.data).task if "answer" in raw.data else Task.from_dict(raw.data)
        except RecordError as err:
            problems.append(str(err))
        else:
            problems.extend(task_problems(record))
        for problem in dict.fromkeys(problems):
            report.problems.append(raw.input_error(problem))
    return report


def validate_files(paths: Iterable[str | Path]) -> list[FileReport]:
    """One report per file; a folder of JSONL files (``prelabel --engine dask`` parts) is its .jsonl files."""
    return [validate_file(p) for p in _expand_folders(paths)]


def _expand_folders(paths: Iterable[str | Path]) -> Iterator[str | Path]:
    for path in paths:
        if str(path) != "-" and Path(path).is_dir():
            files = sorted(p for p in Path(path).iterdir() if p.is_file() and p.suffix.lower() == ".jsonl")
            if files:
                yield from files
                continue
        yield path
