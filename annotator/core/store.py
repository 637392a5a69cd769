"""The crash-safe JSONL store: append-only, one line per record, fsynced, under an exclusive lock.

A torn last line left by a crash is moved aside on open, so every complete line survives, and
the input hashes already written let an interrupted run resume where it stopped.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from pathlib import Path
from typing import Any, Iterator

from annotator.core.errors import UserError
from annotator.core.invariants import check_task
from annotator.core.records import Annotation, RecordError, Task
from annotator.core.sources import InputError


#: How the lines this store writes end (``Task.to_dict`` puts these fields last, in this order);
#: an anchored match cannot come from inside a string or a nested object.
_OUR_LINE_END = re.compile(
    rb'"_input_hash":(-?\d+),"_task_hash":-?\d+'
    rb'(?:,"answer":"(accept|reject|ignore)","_annotator_id":"(?:[^"\\]|\\.)*",'
    rb'"_session_id":"(?:[^"\\]|\\.)*","_timestamp":-?\d+)?}\r?\n?$'
)
#: Only the end of a line is searched; a line whose fields are longer falls back to a full parse.
_TAIL = 4096


class StoreLockedError(UserError):
    """Another process holds the output file open for writing."""


class JsonlStore:
    """An output file of tasks or decisions, opened for appending by one process at a time."""

    def __init__(self, path: str | Path) -> None:
        if str(path) == "-":
            raise InputError("-", None, "this output is a store that is appended to and resumed, not "
                             "standard output; give a file name with -o")
        self.path = Path(path)
        if self.path.is_dir():
            raise InputError(str(self.path), None, "the output is a folder, not a file")
        if not self.path.parent.exists():
            raise InputError(str(self.path), None, f"the folder {self.path.parent} does not exist")
        self._file = open(self.path, "a+b")
        try:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.close()
            raise StoreLockedError(
                f"{self.path}: the file is open for writing in another annotator process; "
                "close that one first or choose another output file"
            ) from None
        self.repaired_bytes = 0
        #: input hash → (byte offset of its newest line, answer or None for a plain task)
        self._latest: dict[int, tuple[int, str | None]] = {}
        try:
            self._repair_torn_tail()
            self._index()
        except BaseException:
            self.close()
            raise

    # -- opening ---------------------------------------------------------------------------

    def _repair_torn_tail(self) -> None:
        size = os.fstat(self._file.fileno()).st_size
        if size == 0:
            return
        self._file.seek(size - 1)
        if self._file.read(1) == b"\n":
            return
        # Find the last newline; everything after it is a line a crash cut short.
        block = 1 << 16
        position = size
        keep = 0
        while position > 0:
            start = max(0, position - block)
            self._file.seek(start)
            chunk = self._file.read(position - start)
            index = chunk.rfind(b"\n")
            if index >= 0:
                keep = start + index + 1
                break
            position = start
        self._file.seek(keep)
        torn = self._file.read()
        with open(self.path.with_name(self.path.name + ".torn"), "ab") as aside:
            aside.write(torn + b"\n")
            aside.flush()
            os.fsync(aside.fileno())
        self._file.truncate(keep)
        self._file.flush()
        os.fsync(self._file.fileno())
        self.repaired_bytes = len(torn)

    def _index(self) -> None:
        self._file.seek(0)
        offset = 0
        for number, line in enumerate(self._file, start=1):
            start = offset
            offset += len(line)
            if not line.strip():
                continue
            written = _OUR_LINE_END.search(line, max(0, len(line) - _TAIL))
            if written is not None:
                # A line this store wrote: read the two fields from its end, skip the full parse.
                answer = written.group(2)
                self._latest[int(written.group(1))] = (start, answer.decode() if answer else None)
                continue
            try:
                data = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as err:
                raise InputError(str(self.path), number, f"the output file has a line that is not JSON ({err}); "
                                 "it was not written by this tool or was edited by hand") from None
            hash_ = data.get("_input_hash") if isinstance(data, dict) else None
            if not isinstance(hash_, int):
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
            return json.loads(reader.readline())

    def iter_latest(self) -> Iterator[dict[str, Any]]:
        """The newest record per input, in the order they were first written."""
        wanted = {offset for offset, _ in self._latest.values()}
        with open(self.path, "rb") as reader:
            offset = 0
            for line in reader:
                if offset in wanted:
                    yield json.loads(line)
                offset += len(line)

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
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        self._file.seek(0, os.SEEK_END)
        start = self._file.tell()
        self._file.write(line.encode("utf-8"))
        self._file.flush()
        os.fsync(self._file.fileno())
        self._latest[record["_input_hash"]] = (start, answer)
        return record

    def close(self) -> None:
        if not self._file.closed:
            try:
                fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            finally:
                self._file.close()

    def __enter__(self) -> JsonlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class RejectsFile:
    """Lines set aside by ``--skip-invalid``, written next to the output as ``NAME.rejects.jsonl``."""

    def __init__(self, output: str | Path) -> None:
        output = Path(output)
        stem = output.name[: -len(output.suffix)] if output.suffix else output.name
        self.path = output.with_name(stem + ".rejects.jsonl")
        self.count = 0
        self._file = None

    def add(self, error: InputError, raw: str) -> None:
        if self._file is None:
            self._file = open(self.path, "a", encoding="utf-8")
        record = {"file": error.file, "line": error.line, "error": error.message, "raw": raw}
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()
        self.count += 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> RejectsFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
