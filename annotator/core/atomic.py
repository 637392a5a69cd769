"""Outputs written under a temporary name beside the target and renamed into place on success.

Every temporary is a folder ``.NAME.XXXX.tmp`` beside the target holding a marker file
(``MARKER``) and the output being built, ``.NAME.XXXX.tmp/NAME`` (a file, or for hf and brat a
folder), so a failed export never leaves an empty or half-filled output. An existing output is
replaced only when asked (``--force``): ``output_paths.refuse_existing_outputs`` says so before anything is
read, and a folder only when it holds the record (``REGISTRY``) of the earlier export that wrote
it and nothing else. The target's lock (``core.output_lock``) is taken before any work and held
until the rename, so a file a store is appending to is never replaced. A failed or interrupted
export leaves the old output (or none) behind, never half of a new one. SIGTERM and SIGHUP unwind
like Ctrl-C, so the temporaries go too; one left by a process that could not clean up (SIGKILL,
power loss) is unlocked, and the next export to the same target removes it: only a folder with
our marker inside, never another file whose name only looks like ours.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import stat
import tempfile
import threading
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, Iterable

from annotator.core.output_lock import ReplaceLock
from annotator.core.output_paths import REGISTRY, check_output_path

#: The file inside every temporary folder that says this tool made it (and may remove it).
MARKER = ".annotator-temporary"

#: Signals that end an export the way Ctrl-C does, so every temporary file is removed on the way out.
CLEAN_EXIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file inside ``folder`` durable; a folder that cannot be opened for it
    (some file systems) is left as it is."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _default_mode(path: Path, *, folder: bool = False) -> int:
    """The mode ``path`` has, else the one a plain ``open()`` (or ``mkdir()``) would give it."""
    if path.is_dir() if folder else path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return (0o777 if folder else 0o666) & ~umask


class _SyncedFile:
    """A binary file written through ``write`` and made durable (flushed, fsynced, closed) once."""

    file: IO[bytes]

    def write(self, data: bytes) -> int:
        return self.file.write(data)

    def flush_to_disk(self) -> None:
        if not self.file.closed:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()


class _Temporary:
    """A marked temporary folder beside ``path``, locked while this process builds the output in it."""

    def __init__(self, path: Path) -> None:
        self.holder, self._fd = _locked_temporary_folder(path)
        #: where the output is built: renamed to ``path`` on commit
        self.built = self.holder / path.name

    def remove(self) -> None:
        shutil.rmtree(self.holder, ignore_errors=True)
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


class AtomicFile(_SyncedFile):
    """A binary file that becomes ``path`` only when ``commit()`` is called; otherwise it vanishes."""

    def __init__(self, path: str | Path) -> None:
        self.path = check_output_path(path)
        self._lock = ReplaceLock(self.path)
        try:
            remove_stale_temporaries(self.path)
            self._temporary = _Temporary(self.path)
        except BaseException:
            self._lock.release()
            raise
        self.temp_path = self._temporary.built
        fd = os.open(self.temp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                     _default_mode(self.path))
        os.fchmod(fd, _default_mode(self.path))  # the mode a plain open() would give, umask applied
        self.file = os.fdopen(fd, "wb")
        self.committed = False

    def commit(self) -> None:
        self.flush_to_disk()
        self._lock.install(self.temp_path)
        self.committed = True

    def discard(self) -> None:
        if not self.file.closed:
            self.file.close()
        self._temporary.remove()
        self._lock.release()

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            if exc_type is None and not self.committed:
                self.commit()
        finally:  # a commit that fails (a full disk, Ctrl-C at the flush) leaves no temporary either
            self.discard()


class FolderMember(_SyncedFile):
    """A file inside a folder being built: it is complete when the folder is renamed into place."""

    def __init__(self, path: Path) -> None:
        self.file = open(path, "wb")


class AtomicFolder:
    """A folder built in a marked temporary beside ``path`` that replaces it on ``commit()``, or vanishes.

    The folder gets a ``REGISTRY`` file naming everything in it, so a later ``--force`` knows it
    replaces only what an export wrote.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        remove_stale_temporaries(self.path)
        self._temporary = _Temporary(self.path)
        self.temp_path = self._temporary.built
        os.mkdir(self.temp_path, _default_mode(self.path, folder=True))
        os.chmod(self.temp_path, _default_mode(self.path, folder=True))  # mkdir applies the umask twice
        self.members: dict[Path, FolderMember] = {}
        self.committed = False

    def member(self, path: str | Path) -> FolderMember:
        """The file ``path`` (directly inside this folder), opened in the folder being built."""
        path = Path(path)
        if path.parent != self.path:
            raise ValueError(f"{path} is not directly inside {self.path}")
        if path not in self.members:
            self.members[path] = FolderMember(self.temp_path / path.name)
        return self.members[path]

    def flush_to_disk(self) -> None:
        for member in self.members.values():
            member.flush_to_disk()
        names = sorted(entry.name for entry in self.temp_path.iterdir() if entry.name != REGISTRY)
        with open(self.temp_path / REGISTRY, "w", encoding="utf-8") as registry:
            registry.write("".join(f"{name}\n" for name in names))
            registry.flush()
            os.fsync(registry.fileno())
        descriptor = os.open(self.temp_path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def commit(self) -> None:
        self.flush_to_disk()
        if not os.path.lexists(self.path):
            os.rename(self.temp_path, self.path)
        else:
            # No rename swaps two folders: move the old one into a marked temporary of its own
            # first, so a crash between the two renames leaves it where the next export cleans up.
            old = _Temporary(self.path)
            try:
                os.rename(self.path, old.built)
                try:
                    os.rename(self.temp_path, self.path)
                except BaseException:
                    os.rename(old.built, self.path)
                    raise
            finally:
                old.remove()
        self.committed = True

    def discard(self) -> None:
        for member in self.members.values():
            if not member.file.closed:
                member.file.close()
        self._temporary.remove()


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}."


def _locked_temporary_folder(path: Path) -> tuple[Path, int]:
    """A new marked temporary folder beside ``path``, locked while this process runs."""
    while True:
        temp = Path(tempfile.mkdtemp(prefix=_temporary_prefix(path), suffix=".tmp", dir=path.parent))
        try:
            fd = os.open(temp, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            continue  # another export's clean-up took it before the lock: make another
        fcntl.flock(fd, fcntl.LOCK_EX)
        if os.fstat(fd).st_nlink == 0:
            os.close(fd)
            continue
        try:
            marker = os.open(temp / MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except FileNotFoundError:
            os.close(fd)
            continue
        os.close(marker)
        return temp, fd


def remove_stale_temporaries(path: str | Path) -> list[Path]:
    """Remove the temporaries of ``path`` that no running process holds; returns them.

    Only a folder named ``.NAME.*.tmp`` with our ``MARKER`` inside is one: a file or folder of
    that name without the marker was not made here, and is left alone.
    """
    path = Path(path)
    removed = []
    for temp in path.parent.glob(f"{_glob_escape(_temporary_prefix(path))}*.tmp"):
        try:
            fd = os.open(temp, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except OSError:
            continue  # not a folder (or a link to one): not ours
        try:
            try:
                marked = stat.S_ISREG(os.stat(MARKER, dir_fd=fd, follow_symlinks=False).st_mode)
            except OSError:
                marked = False
            if not marked:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # an export in progress
            shutil.rmtree(temp, ignore_errors=True)
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
    """Several outputs (train/dev/test, sidecars, whole folders) renamed into place together, last of all.

    ``folders`` are built whole (see ``AtomicFolder``); a path directly inside one of them is a file
    of that folder, any other path a file of its own (``AtomicFile``).
    """

    def __init__(self, paths: Iterable[str | Path], folders: Iterable[str | Path] = ()) -> None:
        folder_paths = [Path(f) for f in folders]
        paths = [Path(p) for p in paths]
        for path in paths:
            if path.parent not in folder_paths:
                check_output_path(path)
        self._stack = ExitStack()
        self.folders: dict[Path, AtomicFolder] = {}
        self._files: list[AtomicFile] = []
        self.files: dict[Path, AtomicFile | FolderMember] = {}
        try:
            self._stack.enter_context(_SignalsUnwind())
            for folder in folder_paths:
                self.folders[folder] = AtomicFolder(folder)
                self._stack.callback(self.folders[folder].discard)
            for path in paths:
                owner = self.folders.get(path.parent)
                if owner is not None:
                    self.files[path] = owner.member(path)
                else:
                    file = AtomicFile(path)
                    self._stack.callback(file.discard)
                    self._files.append(file)
                    self.files[path] = file
        except BaseException:
            self._stack.close()
            raise

    def __getitem__(self, path: str | Path) -> AtomicFile | FolderMember:
        return self.files[Path(path)]

    def folder(self, path: str | Path) -> Path:
        """Where the folder output ``path`` is being built."""
        return self.folders[Path(path)].temp_path

    def commit(self) -> None:
        # Everything is flushed before the first rename, so a failure leaves no new output in place.
        for file in self._files:
            file.flush_to_disk()
        for folder in self.folders.values():
            folder.flush_to_disk()
        for file in self._files:
            file.commit()
        for folder in self.folders.values():
            folder.commit()

    def __enter__(self) -> AtomicFileSet:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            if exc_type is None:
                self.commit()
        finally:
            self._stack.close()
