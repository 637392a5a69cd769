"""One lock per output path, taken by every command that writes, renames or replaces it.

The lock is an exclusive ``flock`` on the output file itself, so a store being appended to
(``annotate``, ``review``, ``serve``, ``prelabel``, ``import``) and a command that would rename a
new file over it (``export --force``, ``import brat --force``) exclude one another; the store's
draft journal and rejects file are only opened by the process holding the store's lock. A lock
is only ever kept on the file the path still names (checked after locking), so a file renamed
away or removed meanwhile is never written to. A refusal names the process that holds the lock.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
from pathlib import Path
from typing import IO

from annotator.core.errors import UserError
from annotator.core.terminal_text import printable


class StoreLockedError(UserError):
    """Another process holds the output's lock (it writes to the file, or is replacing it)."""


def open_locked(path: Path, mode: str = "a+b") -> IO[bytes]:
    """``path`` opened (created if missing) and locked; ``StoreLockedError`` naming the holder if taken."""
    while True:
        file = open(path, mode)
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = lock_holder(file.fileno())
            file.close()
            raise locked_error(path, holder) from None
        except BaseException:
            file.close()
            raise
        if _still_named(path, file.fileno()):
            return file
        file.close()  # replaced or removed between open and lock: lock what the name holds now


class ReplaceLock:
    """The lock taken before a new file is renamed over ``path`` (an atomic export or import).

    Taken when the output is planned (so a refusal comes before any work) and held until the
    rename: while it is held no store can open ``path``, and a store open on it refuses this.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        self._lock_existing()

    def _lock_existing(self) -> bool:
        """Lock the file ``path`` names now; False when there is none."""
        while True:
            try:
                fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
            except FileNotFoundError:
                return False
            except OSError:
                return False  # unreadable or not a file: the output checks say so
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    os.close(fd)
                    return False
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = lock_holder(fd)
                os.close(fd)
                raise locked_error(self.path, holder) from None
            if _still_named(self.path, fd):
                self.release()
                self._fd = fd
                return True
            os.close(fd)

    def install(self, temporary: Path) -> None:
        """Rename ``temporary`` to ``path``: over the locked file, or where no file is (never over
        one that appeared meanwhile without taking its lock first)."""
        while True:
            if self._fd is not None:
                os.replace(temporary, self.path)
                return
            try:
                os.link(temporary, self.path)
            except FileExistsError:
                # Made meanwhile (a store opened on it?): replaced only under its lock.
                if not self._lock_existing() and not _is_regular(self.path):
                    raise StoreLockedError(f"{self.path}: appeared while the output was written and is "
                                           "not a regular file; nothing was changed") from None
                continue
            except OSError as err:
                if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                    raise
                os.replace(temporary, self.path)  # a file system without hard links
                return
            os.unlink(temporary)
            return

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return True  # gone again: try once more
    except OSError:
        return False


def _still_named(path: Path, fd: int) -> bool:
    try:
        named = os.stat(path)
    except OSError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def locked_error(path: Path, holder: str | None) -> StoreLockedError:
    who = f"another process ({holder})" if holder else "another annotator process"
    return StoreLockedError(
        f"{path}: the file is in use by {who}, which writes to it; nothing was changed: "
        "close that one first or choose another output file"
    )


def lock_holder(fd: int) -> str | None:
    """Who holds the flock on the open file ``fd``: ``pid N: COMMAND``, from /proc (Linux), or None."""
    info = os.fstat(fd)
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            entries = locks.read().splitlines()
    except OSError:
        return None
    exact = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    same_inode: list[int] = []
    for entry in entries:
        fields = entry.split()
        if len(fields) < 6 or fields[1] == "->" or fields[1] != "FLOCK":
            continue
        pid, where = fields[4], fields[5]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        if where == exact:
            return _describe(int(pid))
        if where.rsplit(":", 1)[-1] == str(info.st_ino):
            same_inode.append(int(pid))
    return _describe(same_inode[0]) if len(same_inode) == 1 else None


def _describe(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as source:
            args = [a.decode("utf-8", "replace") for a in source.read().split(b"\0") if a]
    except OSError:
        return f"pid {pid}"
    # ``python -m annotator annotate ...`` and the ``annotator`` script read as ``annotator annotate ...``
    for i, arg in enumerate(args):
        if arg == "annotator" and i > 0 and args[i - 1] == "-m" or Path(arg).name == "annotator":
            args = ["annotator", *args[i + 1:]]
            break
    command = " ".join(args)
    if len(command) > 160:
        command = command[:157] + "..."
    return f"pid {pid}: {printable(command, keep_newlines=False)}" if command else f"pid {pid}"
