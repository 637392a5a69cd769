"""Files written beside an output: the ``--skip-invalid`` rejects file and the torn-tail file,
opened for appending and never through a symlink, into a pipe or a device."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import BinaryIO

from annotator.core.owned_names import rejects_path
from annotator.core.sources import InputError


class RejectsFile:
    """Lines set aside by ``--skip-invalid``, written next to the output as ``NAME.rejects.jsonl``."""

    def __init__(self, output: str | Path) -> None:
        self.path = rejects_path(output)
        self.count = 0
        self._file: BinaryIO | None = None

    def add(self, error: InputError, raw: str) -> None:
        record = {"file": error.file, "line": error.line, "error": error.message, "raw": raw}
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "replace")
        if self._file is None:
            self._file = os.fdopen(open_aside(self.path), "ab")
        self._file.write(data)
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


def open_aside(path: Path) -> int:
    """A file beside an output opened for appending, never through a symlink planted at its name
    nor into a pipe or device: ``InputError`` naming it instead."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC,
                     0o666)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputError(str(path), None, "is a symbolic link; this file is written beside the output "
                             "and never through a link: remove the link") from None
        if err.errno == errno.ENXIO:
            raise InputError(str(path), None, "is a named pipe, not a regular file; remove it") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError(str(path), None, "is not a regular file; this file is written beside the output: "
                         "remove or rename what is there")
    os.set_blocking(fd, True)
    return fd


def append_aside(path: Path, data: bytes) -> None:
    """Append ``data`` to a file beside an output (see ``open_aside``), fsynced."""
    fd = open_aside(path)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
