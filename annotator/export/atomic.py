"""Outputs written under a temporary name beside the target and renamed into place on success.

A file is written whole as ``.NAME.XXXX.tmp``; a folder output (hf, brat) is built whole as a
``.NAME.XXXX.tmp`` folder, so a failed export never leaves an empty or half-filled folder. An
existing output is replaced only when asked (``--force``): ``refuse_existing_outputs`` says so
before anything is read. A failed or interrupted export leaves the old output (or none) behind,
never half of a new one. SIGTERM and SIGHUP unwind like Ctrl-C, so the temporaries go too; one
left by a process that could not clean up (SIGKILL, power loss) is unlocked, and the next export
to the same target removes it.
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
from typing import IO, Any, Callable, Iterable

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


def refuse_existing_outputs(files: Iterable[Path], folders: Iterable[Path], *, replace: bool,
                            folder_holds: Callable[[Path], bool] = lambda entry: False) -> None:
    """Fail before any work when an output exists and ``replace`` (``--force``) was not given.

    An empty folder is taken over. With ``replace``, a file is replaced whatever it holds, but a
    folder only when everything in it is what an earlier export of this format writes
    (``folder_holds``): replacing a folder removes it whole, and never takes other files with it.
    """
    for path in files:
        if os.path.lexists(path) and not replace:
            raise InputError(str(path), None, "already exists; nothing was written: give --force to replace "
                             "it, or choose another output")
    for folder in folders:
        if not os.path.lexists(folder):
            continue
        if folder.is_symlink():
            if replace:
                continue  # the link itself is replaced, never what it points to
            raise InputError(str(folder), None, "already exists (a symbolic link); nothing was written: give "
                             "--force to replace the link (not what it points to), or choose another output")
        if not folder.is_dir():
            raise InputError(str(folder), None, "already exists and is not a folder; this format writes a "
                             "folder: choose another output")
        entries = sorted(folder.iterdir())
        if not entries:
            continue
        if not replace:
            raise InputError(str(folder), None, f"already exists and holds {len(entries)} file(s); nothing was "
                             "written: give --force to replace an earlier export, or choose another folder")
        foreign = [e for e in entries if e.is_symlink() or not e.is_file() or not folder_holds(e)]
        if foreign:
            raise InputError(str(folder), None, f"holds {foreign[0].name!r}, which this export does not write; "
                             "the folder is not replaced even with --force: choose another folder")


def refuse_inputs_inside(folders: Iterable[Path], inputs: Iterable[str | Path]) -> None:
    """A folder output is replaced whole: none of the inputs may live inside it."""
    for folder in folders:
        inside = folder.resolve()
        for source in inputs:
            resolved = Path(source).resolve()
            if resolved == inside or inside in resolved.parents:
                raise InputError(str(folder), None, f"the input {source} is inside this output folder, which "
                                 "an export replaces whole; nothing was written: choose another output")


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


class AtomicFile(_SyncedFile):
    """A binary file that becomes ``path`` only when ``commit()`` is called; otherwise it vanishes."""

    def __init__(self, path: str | Path) -> None:
        self.path = check_output_path(path)
        remove_stale_temporaries(self.path)
        fd, self.temp_path = _locked_temporary(self.path)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(fd, _default_mode(self.path))
        self.file = os.fdopen(fd, "wb")
        self.committed = False

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


class FolderMember(_SyncedFile):
    """A file inside a folder being built: it is complete when the folder is renamed into place."""

    def __init__(self, path: Path) -> None:
        self.file = open(path, "wb")


class AtomicFolder:
    """A folder built as ``.NAME.XXXX.tmp`` beside ``path`` that replaces it on ``commit()``, or vanishes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        remove_stale_temporaries(self.path)
        self._fd, self.temp_path = _locked_temporary_folder(self.path)
        os.chmod(self._fd, _default_mode(self.path, folder=True))  # mkdtemp makes it private (0700)
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
        os.fsync(self._fd)

    def commit(self) -> None:
        self.flush_to_disk()
        if not os.path.lexists(self.path):
            os.rename(self.temp_path, self.path)
        else:
            # No rename swaps two folders: move the old one into a locked temporary of its own
            # first, so a crash between the two renames leaves it where the next export cleans up.
            holder_fd, holder = _locked_temporary_folder(self.path)
            try:
                os.rename(self.path, holder / self.path.name)
                try:
                    os.rename(self.temp_path, self.path)
                except BaseException:
                    os.rename(holder / self.path.name, self.path)
                    raise
            finally:
                shutil.rmtree(holder, ignore_errors=True)
                os.close(holder_fd)
        self.committed = True

    def discard(self) -> None:
        for member in self.members.values():
            if not member.file.closed:
                member.file.close()
        if not self.committed:
            shutil.rmtree(self.temp_path, ignore_errors=True)
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


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


def _locked_temporary_folder(path: Path) -> tuple[int, Path]:
    """A new temporary folder beside ``path``, locked (as a file would be) while this process runs."""
    while True:
        temp = Path(tempfile.mkdtemp(prefix=_temporary_prefix(path), suffix=".tmp", dir=path.parent))
        try:
            fd = os.open(temp, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except FileNotFoundError:
            continue  # another export's clean-up took it before the lock: make another
        fcntl.flock(fd, fcntl.LOCK_EX)
        if os.fstat(fd).st_nlink > 0:
            return fd, temp
        os.close(fd)


def remove_stale_temporaries(path: str | Path) -> list[Path]:
    """Remove the ``.NAME.*.tmp`` files and folders of ``path`` that no running process holds; returns them."""
    path = Path(path)
    removed = []
    for temp in path.parent.glob(f"{_glob_escape(_temporary_prefix(path))}*.tmp"):
        try:
            fd = os.open(temp, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            mode = os.fstat(fd).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # an export in progress
            if stat.S_ISDIR(mode):
                shutil.rmtree(temp, ignore_errors=True)
            else:
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
