"""Output files written under a temporary name beside the target and renamed into place on success.

A failed or interrupted export leaves the old file (or no file) behind, never half of a new one.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Iterable

from annotator.core.sources import InputError


def check_output_path(path: str | Path) -> Path:
    """Fail before any work when the target cannot be written: a folder, or a missing parent folder."""
    path = Path(path)
    if str(path) == "-":
        raise InputError("-", None, "export writes files, not standard output; give a file name with -o")
    if path.is_dir():
        raise InputError(str(path), None, "the output is a folder, not a file")
    parent = path.parent
    if not parent.is_dir():
        raise InputError(str(path), None, f"the folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise InputError(str(path), None, f"the folder {parent} is not writable")
    return path


def _default_mode(path: Path) -> int:
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class AtomicFile:
    """A binary file that becomes ``path`` only when ``commit()`` is called; otherwise it vanishes."""

    def __init__(self, path: str | Path) -> None:
        self.path = check_output_path(path)
        fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self.temp_path = Path(temp)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(fd, _default_mode(self.path))
        self.file: IO[bytes] = os.fdopen(fd, "wb")
        self.committed = False

    def write(self, data: bytes) -> int:
        return self.file.write(data)

    def flush_to_disk(self) -> None:
        if not self.file.closed:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()

    def commit(self) -> None:
        self.flush_to_disk()
        os.replace(self.temp_path, self.path)
        self.committed = True

    def discard(self) -> None:
        if not self.file.closed:
            self.file.close()
        if not self.committed:
            self.temp_path.unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None and not self.committed:
            self.commit()
        self.discard()


class AtomicFileSet:
    """Several outputs (train/dev/test and a sidecar) that are renamed into place together, last of all."""

    def __init__(self, paths: Iterable[str | Path]) -> None:
        paths = [check_output_path(p) for p in paths]
        self._stack = ExitStack()
        self.files: dict[Path, AtomicFile] = {}
        try:
            for path in paths:
                self.files[path] = AtomicFile(path)
                self._stack.callback(self.files[path].discard)
        except BaseException:
            self._stack.close()
            raise

    def __getitem__(self, path: str | Path) -> AtomicFile:
        return self.files[Path(path)]

    def commit(self) -> None:
        # Everything is flushed before the first rename, so a failure leaves no new file in place.
        for file in self.files.values():
            file.flush_to_disk()
        for file in self.files.values():
            file.commit()

    def __enter__(self) -> AtomicFileSet:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            if exc_type is None:
                self.commit()
        finally:
            self._stack.close()
