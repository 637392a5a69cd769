"""Output files written under a temporary name beside the target and renamed into place on success.

A failed or interrupted export leaves the old file (or no file) behind, never half of a new one.
SIGTERM and SIGHUP unwind like Ctrl-C, so the temporary files go too; one left by a process that
could not clean up (SIGKILL, power loss) is unlocked, and the next export to the same target
removes it.
"""

from __future__ import annotations

import fcntl
import os
import signal
import stat
import tempfile
import threading
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, Iterable

from annotator.core.sources import InputError

#: Signals that end an export the way Ctrl-C does, so every temporary file is removed on the way out.
CLEAN_EXIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def check_output_path(path: str | Path) -> Path:
    """Fail before any work when the target cannot be written: a folder, or a missing parent folder."""
    path = Path(path)
    if str(path) == "-":
        raise InputError("-", None, "export writes files, not standard output; give a file name with -o")
    if path.is_dir():
        raise InputError(str(path), None, "the output is a folder, not a file")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise InputError(str(path), None, "the output is a named pipe, socket or device, not a regular "
                         "file; export writes whole files (give a file name with -o)")
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
        remove_stale_temporaries(self.path)
        fd, self.temp_path = _locked_temporary(self.path)
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


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}."


def _locked_temporary(path: Path) -> tuple[int, Path]:
    """A new temporary file beside ``path``, locked for as long as this process keeps it open."""
    while True:
        fd, temp = tempfile.mkstemp(prefix=_temporary_prefix(path), suffix=".tmp", dir=path.parent)
        fcntl.flock(fd, fcntl.LOCK_EX)
        if os.fstat(fd).st_nlink > 0:
            return fd, Path(temp)
        os.close(fd)  # another export's clean-up took it before the lock: make another


def remove_stale_temporaries(path: str | Path) -> list[Path]:
    """Remove the ``.NAME.*.tmp`` files of ``path`` that no running process holds; returns them."""
    path = Path(path)
    removed = []
    for temp in path.parent.glob(f"{_glob_escape(_temporary_prefix(path))}*.tmp"):
        try:
            fd = os.open(temp, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # an export in progress
            temp.unlink(missing_ok=True)
            removed.append(temp)
        finally:
            os.close(fd)
    return removed


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


class _SignalsUnwind:
    """While active (main thread only), SIGTERM and SIGHUP raise ``SystemExit(128 + signal)``."""

    def __init__(self) -> None:
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> _SignalsUnwind:
        if threading.current_thread() is threading.main_thread():
            for number in CLEAN_EXIT_SIGNALS:
                self._previous[number] = signal.signal(number, _exit_on_signal)
        return self

    def __exit__(self, *exc: object) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._previous.clear()


def _exit_on_signal(number: int, _frame: object) -> None:
    raise SystemExit(128 + number)


class AtomicFileSet:
    """Several outputs (train/dev/test and a sidecar) that are renamed into place together, last of all."""

    def __init__(self, paths: Iterable[str | Path]) -> None:
        paths = [check_output_path(p) for p in paths]
        self._stack = ExitStack()
        self.files: dict[Path, AtomicFile] = {}
        try:
            self._stack.enter_context(_SignalsUnwind())
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
