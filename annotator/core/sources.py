"""Streaming readers for every input kind: JSONL files, a .txt file, a folder of .txt files, and ``-``.

Nothing is loaded whole: records are yielded one line at a time with the file and line they came from.
"""

from __future__ import annotations

import fcntl
import json
import math
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from annotator.core.errors import UserError
from annotator.core.hash_clashes import HASH_CLASH_KEY, HashClashes, clash_message
from annotator.core.invariants import check_task
from annotator.core.owned_names import is_reserved
from annotator.core.records import RecordError, Task
from annotator.core.record_decoding import json_type
from annotator.core.terminal_text import one_line, printable

BOM = b"\xef\xbb\xbf"
STDIN = "-"


class InputError(UserError):
    """Bad input, located by file and line: shown to the user as ``file:line: message``."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        # Messages quote record fields and file names: made display-safe once, for every place shown.
        self.message = printable(message)
        where = f"{one_line(file)}:{line}" if line is not None else one_line(file)
        super().__init__(f"{where}: {self.message}")


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


def count_documents(sources: Iterable[str | Path]) -> int | None:
    """About how many documents the sources hold (a .txt is one, a .jsonl one per line),
    for a progress total; None when one of them is standard input or cannot be read."""
    total = 0
    for source in sources:
        if str(source) == STDIN:
            return None
        path = Path(source)
        if not (path.is_dir() or path.is_file()):
            return None  # a named pipe (opening it to count would wait for a writer) or a missing file
        try:
            files = folder_inputs(path) if path.is_dir() else [path]
            for file in files:
                total += 1 if file.suffix.lower() == ".txt" else _count_lines(file)
        except OSError:
            return None
    return total


def _count_lines(path: Path) -> int:
    """Lines, read in binary blocks (a file of a few GB counts in seconds); blank lines count too."""
    count = 0
    last = b"\n"
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def folder_inputs(folder: Path, suffixes: tuple[str, ...] = (".txt", ".jsonl")) -> list[Path]:
    """The files of a folder input, in name order: ``.txt`` and ``.jsonl`` files, never a draft
    journal, rejects file or torn tail (their names are reserved: see ``owned_names``)."""
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in suffixes and not is_reserved(p) and p.is_file())


def iter_raw(source: str | Path) -> Iterator[RawRecord]:
    """Yield the records of one source, located; raise ``InputError`` on unreadable lines."""
    name = str(source)
    if name == STDIN:
        yield from _iter_jsonl_stream(sys.stdin.buffer, "<stdin>")
        return
    path = Path(source)
    if not path.exists():
        raise InputError(name, None, "no such file or folder")
    refuse_special_file(path)
    if path.is_dir():
        files = folder_inputs(path)
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


def refuse_special_file(path: Path) -> None:
    """A FIFO, socket or device is refused by name: reading one could block forever or never end."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise InputError(str(path), None, f"is {_special_kind(mode)}, not a regular file; "
                         "save the data to a file first (or use '-' for standard input)")


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _read_text_document(path: Path) -> RawRecord:
    """A .txt file as one record; one that is not UTF-8 or holds no text comes with ``error`` set, so
    that ``--skip-invalid`` sets it aside as it does a bad line (and without it, the run stops on it)."""
    data = path.read_bytes()
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return RawRecord(str(path), line, None, data.decode("utf-8", errors="replace"),
                         f"not valid UTF-8 (byte {err.start}: {data[err.start:err.start + 1]!r})")
    # Windows line ends would make offsets differ between tools; documents are stored with \n.
    text = text.replace("\r\n", "\n")
    if not text.strip():
        return RawRecord(str(path), None, None, text, "the document is empty")
    return RawRecord(str(path), None, {"text": text, "meta": {"source": path.name}}, "")


def _iter_jsonl_stream(stream: IO[bytes], name: str) -> Iterator[RawRecord]:
    for number, raw, last in jsonl_lines(stream):
        record = parse_line(name, number, raw, last=last)
        if record is not None:
            yield record


def jsonl_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes, bool]]:
    """Every line as bytes with its number and whether it is the last one; a last line still
    being appended by the process that holds the store's lock is not there yet, and left out."""
    pending: tuple[int, bytes] | None = None
    for number, raw in enumerate(stream, start=1):
        if pending is not None:
            yield (*pending, False)
        pending = (number, raw)
    if pending is not None:
        if not pending[1].endswith(b"\n") and _held_by_a_writer(stream):
            return
        yield (*pending, True)


def _held_by_a_writer(stream: IO[bytes]) -> bool:
    """Whether another open file holds the lock our store keeps while it appends."""
    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except (OSError, ValueError):  # no lock on this kind of stream: nobody is writing through us
        return False
    fcntl.flock(stream.fileno(), fcntl.LOCK_UN)
    return False


_CUT_OFF = ("the last line is cut off (no newline and not complete JSON): the file may have been "
            "truncated while it was written")


def parse_line(name: str, number: int, raw: bytes, *, last: bool) -> RawRecord | None:
    """One line read strictly into a record, or with ``error`` saying why not; None for a blank line."""
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
        if last and not complete and err.reason == "unexpected end of data":
            return RawRecord(name, number, None, text, _CUT_OFF)
        return RawRecord(name, number, None, text, f"not valid UTF-8 (byte {err.start + 1} of the line)")
    try:
        data = parse_json_line(line)
    except json.JSONDecodeError as err:
        if last and not complete:
            return RawRecord(name, number, None, line, _CUT_OFF)
        return RawRecord(name, number, None, line, f"invalid JSON: {err.msg} at column {err.colno}")
    except StrictJsonError as err:
        return RawRecord(name, number, None, line, str(err))
    if not isinstance(data, dict):
        return RawRecord(name, number, None, line, f"expected a JSON object, got {json_type(data)}")
    return RawRecord(name, number, data, line)


class StrictJsonError(ValueError):
    """A line that Python's json module would read but strict JSON readers (and our writers) refuse."""


def _no_constant(name: str) -> Any:
    raise StrictJsonError(f"{name} is not a JSON number (strict JSON readers reject it)")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if math.isinf(value):
        raise StrictJsonError(f"the number {literal[:40]} is too large for a 64-bit float")
    return value


_STRICT = json.JSONDecoder(parse_constant=_no_constant, parse_float=_finite_float)
#: A \uD800-\uDFFF escape: only then can a parsed string hold a surrogate (UTF-8 input cannot).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def parse_json_line(line: str) -> Any:
    """Parse one JSONL line strictly: every failure is a ``JSONDecodeError`` or ``StrictJsonError``.

    Beyond ``json.loads``: NaN and Infinity are refused, numbers too big for a float or over
    Python's digit limit are refused, nesting deeper than the parser's stack is refused, and a
    string holding a lone surrogate (which no UTF-8 file can store) is refused.
    """
    try:
        data = _STRICT.decode(line)
    except (json.JSONDecodeError, StrictJsonError):
        raise
    except RecursionError:
        raise StrictJsonError("the JSON is nested too deeply to read") from None
    except ValueError as err:  # Python's limit on the digits of an integer
        raise StrictJsonError(f"a number in the line is too long ({str(err).split(':')[0].lower()})") from None
    if ("\\ud" in line or "\\uD" in line) and _SURROGATE_ESCAPE.search(line) is not None:
        _refuse_surrogates(data)
    return data


def _refuse_surrogates(data: Any) -> None:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            _check_string(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                _check_string(key)
                stack.append(item)
        elif isinstance(value, list):
            stack.extend(value)


def _check_string(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        code = ord(value[err.start])
        raise StrictJsonError(f"a string holds a lone surrogate \\u{code:04x}, which is not a "
                              "character (UTF-8 cannot store it)") from None


def iter_records(sources: Iterable[str | Path]) -> Iterator[RawRecord]:
    """Every record of every source in order, unreadable lines included (with ``error`` set)."""
    for source in sources:
        yield from iter_raw(source)


RejectHandler = Callable[[InputError, str], None]


def _convert(sources: Iterable[str | Path], build: Callable[[Any], Any], check: Callable[[Any], None],
             on_invalid: RejectHandler | None) -> Iterator[tuple[RawRecord, Any]]:
    # The one verdict of ``validate`` on every record (imported here: validation reads through this module).
    from annotator.core.validation import first_problem

    for raw in iter_records(sources):
        try:
            problem = raw.error or first_problem(raw)
            if problem is not None:
                raise RecordError(problem)
            item = build(raw.data)
            check(item)
        except (RecordError, RecursionError) as err:
            reason = str(err) if isinstance(err, RecordError) else "the record is nested too deeply"
            error = raw.input_error(reason)
            if on_invalid is None:
                raise error from None
            on_invalid(error, raw.raw)
            continue
        yield raw, item


NoticeHandler = Callable[[InputError], None]

def read_tasks(sources: Iterable[str | Path], *, on_invalid: RejectHandler | None = None,
               on_notice: NoticeHandler | None = None) -> Iterator[tuple[RawRecord, Task]]:
    """Tasks from any inputs, invariants checked; bad records raise or go to ``on_invalid``.

    A supplied ``_input_hash`` is kept, but a second, different text carrying a hash already
    seen is kept apart: it gets the hash of its own text, ``meta.input_hash_clash`` names the
    supplied one, and ``on_notice`` hears of it.
    """
    return _apart_on_hash_clash(_convert(list(sources), Task.from_dict, check_task, on_invalid), on_notice)


def _apart_on_hash_clash(tasks: Iterator[tuple[RawRecord, Task]], on_notice: NoticeHandler | None
                         ) -> Iterator[tuple[RawRecord, Task]]:
    clashes = HashClashes()
    for raw, task in tasks:
        supplied = task.input_hash
        own, first = clashes.place(supplied, task.text, task.extra, (raw.file, raw.line))
        if first is not None:
            task.input_hash = own
            task.meta[HASH_CLASH_KEY] = supplied
            if on_notice is not None:
                on_notice(raw.input_error(clash_message(supplied, first, own)))
        yield raw, task

