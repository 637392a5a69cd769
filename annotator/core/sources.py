"""Streaming readers for every input kind: JSONL files, a .txt file, a folder of .txt files, and ``-``.

Nothing is loaded whole: records are yielded one line at a time with the file and line they came from.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from annotator.core.errors import UserError
from annotator.core.invariants import check_task
from annotator.core.records import Annotation, RecordError, Task, json_type

BOM = b"\xef\xbb\xbf"
STDIN = "-"


class InputError(UserError):
    """Bad input, located by file and line: shown to the user as ``file:line: message``."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class RawRecord:
    """One input record as read, before it becomes a task; ``error`` says why a line is unreadable."""

    file: str
    line: int | None
    data: Any
    raw: str
    error: str | None = None

    def input_error(self, message: str | None = None) -> InputError:
        return InputError(self.file, self.line, message or self.error or "invalid record")


def iter_raw(source: str | Path) -> Iterator[RawRecord]:
    """Yield the records of one source, located; raise ``InputError`` on unreadable lines."""
    name = str(source)
    if name == STDIN:
        yield from _iter_jsonl_stream(sys.stdin.buffer, "<stdin>")
        return
    path = Path(source)
    if not path.exists():
        raise InputError(name, None, "no such file or folder")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".jsonl"))
        if not files:
            raise InputError(name, None, "the folder has no .txt or .jsonl files")
        for file in files:
            yield from iter_raw(file)
        return
    if path.suffix.lower() == ".txt":
        yield _read_text_document(path)
        return
    try:
        with path.open("rb") as stream:
            yield from _iter_jsonl_stream(stream, name)
    except PermissionError:
        raise InputError(name, None, "permission denied") from None
    except IsADirectoryError:  # pragma: no cover - checked above, kept for races
        raise InputError(name, None, "is a folder") from None


def _read_text_document(path: Path) -> RawRecord:
    data = path.read_bytes()
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(str(path), line, f"not valid UTF-8 (byte {err.start}: {data[err.start:err.start + 1]!r})") from None
    # Windows line ends would make offsets differ between tools; documents are stored with \n.
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise InputError(str(path), None, "the document is empty")
    return RawRecord(str(path), None, {"text": text, "meta": {"source": path.name}}, "")


def _iter_jsonl_stream(stream: IO[bytes], name: str) -> Iterator[RawRecord]:
    pending: tuple[int, bytes] | None = None
    for number, raw in enumerate(stream, start=1):
        if pending is not None:
            record = _parse_line(name, *pending, last=False)
            if record is not None:
                yield record
        pending = (number, raw)
    if pending is not None:
        record = _parse_line(name, *pending, last=True)
        if record is not None:
            yield record


def _parse_line(name: str, number: int, raw: bytes, *, last: bool) -> RawRecord | None:
    complete = raw.endswith(b"\n")
    body = raw.rstrip(b"\r\n")
    if number == 1 and body.startswith(BOM):
        body = body[len(BOM):]
    if not body.strip():
        return None
    text = body.decode("utf-8", errors="replace")
    try:
        line = body.decode("utf-8")
    except UnicodeDecodeError as err:
        return RawRecord(name, number, None, text, f"not valid UTF-8 (byte {err.start + 1} of the line)")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        if last and not complete:
            return RawRecord(name, number, None, line, "the last line is cut off (no newline and not "
                             "complete JSON): the file may have been truncated while it was written")
        return RawRecord(name, number, None, line, f"invalid JSON: {err.msg} at column {err.colno}")
    if not isinstance(data, dict):
        return RawRecord(name, number, None, line, f"expected a JSON object, got {json_type(data)}")
    return RawRecord(name, number, data, line)


def iter_records(sources: Iterable[str | Path]) -> Iterator[RawRecord]:
    """Every record of every source in order, unreadable lines included (with ``error`` set)."""
    for source in sources:
        yield from iter_raw(source)


RejectHandler = Callable[[InputError, str], None]


def _convert(sources: Iterable[str | Path], build: Callable[[Any], Any], check: Callable[[Any], None],
             on_invalid: RejectHandler | None) -> Iterator[tuple[RawRecord, Any]]:
    for raw in iter_records(sources):
        try:
            if raw.error is not None:
                raise RecordError(raw.error)
            item = build(raw.data)
            check(item)
        except RecordError as err:
            error = raw.input_error(str(err))
            if on_invalid is None:
                raise error from None
            on_invalid(error, raw.raw)
            continue
        yield raw, item


def read_tasks(sources: Iterable[str | Path], *, on_invalid: RejectHandler | None = None
               ) -> Iterator[tuple[RawRecord, Task]]:
    """Tasks from any inputs, invariants checked; bad records raise or go to ``on_invalid``."""
    return _convert(list(sources), Task.from_dict, check_task, on_invalid)


def read_annotations(sources: Iterable[str | Path], *, on_invalid: RejectHandler | None = None
                     ) -> Iterator[tuple[RawRecord, Annotation]]:
    """Decisions (tasks with an answer) from JSONL files, invariants checked."""
    return _convert(list(sources), Annotation.from_dict, lambda a: check_task(a.task), on_invalid)
