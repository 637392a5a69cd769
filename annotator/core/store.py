"""The crash-safe JSONL store: append-only, one line per record, fsynced, under an exclusive lock.

A file is recognised as ours before anything in it changes; a torn last line left by a crash is
then moved aside (and reported), a failed write is cut back off, and the input hashes already
written let an interrupted run resume where it stopped.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

import msgspec

from annotator.core.aside import append_aside
from annotator.core.errors import UserError
from annotator.core.invariants import check_task
from annotator.core.output_lock import StoreLockedError, open_locked  # noqa: F401 (raised here, caught by importers)
from annotator.core.output_paths import refuse_reserved_output
from annotator.core.owned_names import torn_path
from annotator.core.records import Annotation, RecordError, Task
from annotator.core.sources import BOM, InputError, parse_json_line, refuse_special_file
from annotator.core.terminal_text import printable


#: How the lines this store writes end (``Task.to_dict`` puts these fields last, in this order);
#: an anchored match cannot come from inside a string or a nested object.
_OUR_LINE_END = re.compile(
    rb'"_input_hash":(-?\d+),"_task_hash":-?\d+'
    rb'(?:,"answer":"(accept|reject|ignore)","_annotator_id":"(?:[^"\\]|\\.)*",'
    rb'"_session_id":"(?:[^"\\]|\\.)*","_timestamp":-?\d+)?}\r?\n?$'
)
#: Only the end of a line is searched; a line whose fields are longer falls back to a full parse.
_TAIL = 4096
#: How much of an existing output is read to recognise it before anything is changed.
_SNIFF = 1 << 16


_RECORD, _OTHER_JSON, _BROKEN = "record", "other JSON", "broken"


_JSON_SYNTAX = msgspec.json.Decoder(msgspec.Struct).decode


def _is_json(line: bytes) -> bool:
    """Whether the line is one JSON value in UTF-8: checked at msgspec's skipping speed (about four
    times a full parse), so the index proves what it does not read field by field. NaN, a lone
    surrogate escape and deep nesting fail here; a number out of a float's range is refused when
    the record is read (``_read_back``)."""
    try:
        _JSON_SYNTAX(line)
        line.decode("utf-8")
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, UnicodeDecodeError):
        return False
    return True


def _why(err: Exception) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg} at column {err.colno}"
    if isinstance(err, UnicodeDecodeError):
        return f"not valid UTF-8 at byte {err.start + 1}"
    return str(err)


def _line_kind(line: bytes) -> str:
    """One of our records (an object with an integer ``_input_hash``), other JSON, or broken."""
    try:
        data = parse_json_line(line.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return _BROKEN
    hash_ = data.get("_input_hash") if isinstance(data, dict) else None
    return _RECORD if isinstance(hash_, int) and not isinstance(hash_, bool) else _OTHER_JSON


def _decodes_with_cut_end(data: bytes) -> bool:
    """UTF-8 text, allowing a character cut in half at the very end (a crash mid-write)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start >= len(data) - 3 and err.reason == "unexpected end of data"
    return True


class ForeignOutputError(UserError):
    """The output exists but is not a JSONL file of our records: it is left exactly as it was."""


RepairHandler = Callable[[str], None]


def report_on_stderr(message: str) -> None:
    """The default for store repairs: one ``warning:`` line on standard error, terminal-safe.

    The process's own stderr, not ``sys.stderr``: a live progress display (Rich redirects
    ``sys.stderr`` while one runs) would move the warning to standard output.
    """
    stream = sys.__stderr__ or sys.stderr
    stream.write(f"warning: {printable(message, keep_newlines=False)}\n")
    stream.flush()


class JsonlStore:
    """An output file of tasks or decisions, opened for appending by one process at a time.

    The file is recognised before anything is changed: an existing file whose first line is
    not one of our records (or that holds binary data) is refused untouched. Only then is a
    cut-off last line moved aside (or, when it is a complete record that lacks its newline,
    given one); each repair is reported through ``on_repair``.
    """

    def __init__(self, path: str | Path, *, on_repair: RepairHandler | None = report_on_stderr) -> None:
        if str(path) == "-":
            raise InputError("-", None, "this output is a store that is appended to and resumed, not "
                             "standard output; give a file name with -o")
        self.path = Path(path)
        if self.path.is_dir():
            raise InputError(str(self.path), None, "the output is a folder, not a file")
        if not self.path.parent.exists():
            raise InputError(str(self.path), None, f"the folder {self.path.parent} does not exist")
        refuse_special_file(self.path)
        refuse_reserved_output(self.path)
        self._on_repair = on_repair
        existed = os.path.lexists(self.path)
        self._file = open_locked(self.path)
        #: made by this open: removed again on close if nothing was written (a failed import leaves no file)
        self._created = not existed
        self.repaired_bytes = 0
        #: what was repaired on open, one sentence each (also sent to ``on_repair``)
        self.repairs: list[str] = []
        #: where an append that failed began, while the file could not yet be cut back to it
        self._rollback_to: int | None = None
        #: input hash → (byte offset of its newest line, answer or None for a plain task)
        self._latest: dict[int, tuple[int, str | None]] = {}
        try:
            self._recognise()
            self._repair_tail()
            self._index()
        except BaseException:
            self.close()
            raise

    # -- opening ---------------------------------------------------------------------------

    def _recognise(self) -> None:
        """Refuse a file that is not ours before anything in it is cut, moved or appended."""
        size = os.fstat(self._file.fileno()).st_size
        if size == 0:
            return
        self._file.seek(0)
        head = self._file.read(min(size, _SNIFF))
        if b"\x00" in head:
            raise self._foreign("it holds binary data")
        body = head.removeprefix(BOM).lstrip(b" \t\r\n")
        if not body:
            if size <= _SNIFF:
                return  # only blank lines
            raise self._foreign("it starts with a long run of blank space")
        if not body.startswith(b"{"):
            raise self._foreign("its first line is not a JSON object")
        self._file.seek(len(head) - len(body))
        first = self._file.readline()
        kind = _line_kind(first.rstrip(b"\r\n"))
        if kind == _RECORD:
            return
        if not first.endswith(b"\n") and kind == _BROKEN and _decodes_with_cut_end(first):
            return  # the only line, cut off while the first record was written: the tail repair moves it
        raise self._foreign("its first line is not a task or decision record with '_input_hash'")

    def _foreign(self, why: str) -> ForeignOutputError:
        return ForeignOutputError(
            f"{self.path}: the output file exists but was not written by this tool ({why}); "
            "it was left untouched. Choose another output file"
        )

    def _repair_tail(self) -> None:
        size = os.fstat(self._file.fileno()).st_size
        if size == 0:
            return
        self._file.seek(size - 1)
        if self._file.read(1) == b"\n":
            return
        keep = self._last_line_start(size)
        self._file.seek(keep)
        tail = self._file.read()
        kind = _line_kind(tail.rstrip(b"\r"))
        if kind == _RECORD:
            # A complete record that only lacks its newline: every reader counted it, so keep it.
            self._write_all(b"\n")
            os.fsync(self._file.fileno())
            self._repaired(f"{self.path}: the last line (line {self._line_count(keep)}) was a complete "
                           "record without a final newline; added the newline")
            return
        if kind == _OTHER_JSON or not tail.strip():
            raise InputError(str(self.path), self._line_count(keep),
                             "the last line is complete JSON but not a task or decision record; "
                             "the file was left untouched")
        aside_path = torn_path(self.path)
        append_aside(aside_path, tail + b"\n")
        self._file.truncate(keep)
        self._file.flush()
        os.fsync(self._file.fileno())
        self.repaired_bytes = len(tail)
        self._repaired(f"{self.path}: the last line (line {self._line_count(keep)}) was cut off, as by "
                       f"a crash while writing; moved its {len(tail)} byte(s) to {aside_path}")

    def _last_line_start(self, size: int) -> int:
        block = 1 << 16
        position = size
        while position > 0:
            start = max(0, position - block)
            self._file.seek(start)
            chunk = self._file.read(position - start)
            index = chunk.rfind(b"\n")
            if index >= 0:
                return start + index + 1
            position = start
        return 0

    def _line_count(self, offset: int) -> int:
        self._file.seek(0)
        count, done = 0, 0
        while done < offset:
            chunk = self._file.read(min(1 << 20, offset - done))
            if not chunk:
                break
            count += chunk.count(b"\n")
            done += len(chunk)
        return count + 1

    def _repaired(self, message: str) -> None:
        self.repairs.append(message)
        if self._on_repair is not None:
            self._on_repair(message)

    def _index(self) -> None:
        self._file.seek(0)
        offset = 0
        for number, line in enumerate(self._file, start=1):
            start = offset
            offset += len(line)
            if not line.strip():
                continue
            written = _OUR_LINE_END.search(line, max(0, len(line) - _TAIL))
            if written is not None and _is_json(line):
                # A line this store wrote (it ends so, and it is JSON): read the two fields from its
                # end, skip building the record.
                answer = written.group(2)
                self._latest[int(written.group(1))] = (start, answer.decode() if answer else None)
                continue
            try:
                data = parse_json_line(line.decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as err:
                raise InputError(str(self.path), number, f"the output file has a line that is not JSON ({_why(err)}); "
                                 "it was not written by this tool or was edited by hand; it was left untouched: "
                                 "fix or remove that line (annotator validate names every problem)") from None
            hash_ = data.get("_input_hash") if isinstance(data, dict) else None
            if not isinstance(hash_, int) or isinstance(hash_, bool):
                raise InputError(str(self.path), number, "the output file has a record without '_input_hash'")
            self._latest[hash_] = (start, data.get("answer"))
        self._file.seek(0, os.SEEK_END)

    # -- reading ---------------------------------------------------------------------------

    def __contains__(self, input_hash: int) -> bool:
        return input_hash in self._latest

    def __len__(self) -> int:
        return len(self._latest)

    @property
    def input_hashes(self) -> set[int]:
        return set(self._latest)

    def answer(self, input_hash: int) -> str | None:
        """The newest answer recorded for an input, or None."""
        entry = self._latest.get(input_hash)
        return entry[1] if entry else None

    def latest(self, input_hash: int) -> dict[str, Any] | None:
        """The newest record written for an input, read back from disk."""
        entry = self._latest.get(input_hash)
        if entry is None:
            return None
        with open(self.path, "rb") as reader:
            reader.seek(entry[0])
            return self._read_back(entry[0], reader.readline())

    def iter_latest(self) -> Iterator[dict[str, Any]]:
        """The newest record per input, in the order they were first written."""
        wanted = {offset for offset, _ in self._latest.values()}
        with open(self.path, "rb") as reader:
            offset = 0
            for line in reader:
                if offset in wanted:
                    yield self._read_back(offset, line)
                offset += len(line)

    def _read_back(self, offset: int, line: bytes) -> dict[str, Any]:
        """A line indexed on open, parsed strictly; what the quick index let through (a number out
        of range) is refused here as ``FILE:LINE``, never a traceback."""
        try:
            data = parse_json_line(line.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as err:
            raise InputError(str(self.path), self._line_count(offset),
                             f"the output file has a line that cannot be read ({_why(err)})") from None
        if not isinstance(data, dict):
            raise InputError(str(self.path), self._line_count(offset), "the output file has a line that is "
                             "not a record")
        return data

    # -- writing ---------------------------------------------------------------------------

    def append_task(self, task: Task) -> dict[str, Any]:
        check_task(task)
        return self._append(task.to_dict(), None)

    def append_decision(self, annotation: Annotation) -> dict[str, Any]:
        check_task(annotation.task)
        return self._append(annotation.to_dict(), annotation.answer)

    def _append(self, record: dict[str, Any], answer: str | None) -> dict[str, Any]:
        if self._file.closed:
            raise RecordError(f"{self.path}: the store is closed")
        try:
            line = json.dumps(record, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"
            data = line.encode("utf-8")
        except (ValueError, RecursionError) as err:
            raise RecordError(f"the record cannot be written as strict JSON: {err}") from None
        fd = self._file.fileno()
        if self._rollback_to is not None:
            self._roll_back(self._rollback_to)
        start = os.fstat(fd).st_size
        try:
            self._write_all(data)
            os.fsync(fd)
        except BaseException:
            # Cut the file back to where this write began, so the next one starts on a clean line.
            self._rollback_to = start
            try:
                self._roll_back(start)
            except OSError:
                pass  # tried again before the next write
            raise
        self._latest[record["_input_hash"]] = (start, answer)
        return record

    def _write_all(self, data: bytes) -> None:
        # The raw descriptor (opened O_APPEND), not the buffered file: after a failed write no
        # stale bytes may sit in a buffer waiting to be flushed behind the next record.
        view = memoryview(data)
        while view:
            written = os.write(self._file.fileno(), view)
            view = view[written:]

    def _roll_back(self, offset: int) -> None:
        fd = self._file.fileno()
        if os.fstat(fd).st_size > offset:
            os.ftruncate(fd, offset)
            os.fsync(fd)
        self._rollback_to = None

    def close(self) -> None:
        if not self._file.closed:
            try:
                if self._created and os.fstat(self._file.fileno()).st_size == 0:
                    # Still under the lock; a process that opened this file meanwhile finds it gone
                    # when it takes the lock, and opens the name afresh.
                    self.path.unlink(missing_ok=True)
                fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            finally:
                self._file.close()

    def __enter__(self) -> JsonlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
