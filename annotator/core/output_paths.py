"""The names this tool derives and owns, and the checks on an output path made before anything is written.

Beside a store ``OUT.jsonl`` live its draft journal ``OUT.drafts.jsonl``, its rejects file
``OUT.rejects.jsonl`` and a torn tail moved aside, ``OUT.jsonl.torn``. Those names are reserved:
no output may take one (so a journal is never a store, an export or a visitor's file), folder
readers skip them, and each derivation is one-to-one (an output without ``.jsonl``, ``OUT``, has
``OUT.drafts``), so two stores never share a journal.

An output must not be one of the inputs: "the same file" is decided by the file system (device and
inode, after symlinks), so a symlink or a hard link to an input is caught as surely as the same
name; an output inside an input folder that the folder reader would pick up is caught too.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Callable, Iterable

from annotator.core.owned_names import (  # noqa: F401 (the names are part of this module's story)
    RESERVED_SUFFIXES, STORE_SUFFIX, is_reserved, journal_path, rejects_path, reserved_role, torn_path,
)
from annotator.core.sources import STDIN, InputError

#: The file inside a folder output that lists what the export wrote there, so ``--force`` replaces
#: only a folder this tool wrote, holding nothing else.
REGISTRY = ".annotator-export"

#: The kinds of file a folder input is read for (see ``sources.iter_raw``).
_FOLDER_INPUT_SUFFIXES = (".txt", ".jsonl")


def refuse_reserved_output(output: str | Path) -> None:
    """An output named like a journal, rejects file or torn tail is refused: those names are ours."""
    if str(output) == STDIN:
        return
    role = reserved_role(Path(output).name)
    if role is not None:
        raise InputError(str(output), None, f"this name is kept for the {role} of another output "
                         f"(names ending in {', '.join(RESERVED_SUFFIXES)}); nothing was written: "
                         "choose another output name")


#: A visitor's name becomes a file name (``NAME.jsonl``): letters, digits, ``_`` and ``-``, and
#: single dots between them; never one of the reserved endings.
_VISITOR_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9_-])){0,39}")


def visitor_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a visitor's name (their file is ``NAME.jsonl``), or None."""
    if not _VISITOR_NAME.fullmatch(name):
        return "A name is 1-40 letters, digits, '.', '_' or '-', starting with a letter or digit."
    role = reserved_role(name + STORE_SUFFIX)
    if role is not None:
        return f"A name may not end in .drafts or .rejects: NAME.jsonl would be another file's {role}."
    return None


def visitor_files(folder: str | Path) -> list[Path]:
    """The visitors' decision files in ``folder``: ``NAME.jsonl`` for a valid NAME, nothing else
    (no journal, rejects file or torn tail can be one, by the name rule)."""
    folder = Path(folder)
    return sorted(p for p in folder.glob(f"*{STORE_SUFFIX}")
                  if visitor_name_problem(p.name[: -len(STORE_SUFFIX)]) is None and p.is_file())


def refuse_output_among_inputs(outputs: str | Path | Iterable[str | Path | None],
                               inputs: Iterable[str | Path], *,
                               folder_reads: tuple[str, ...] = _FOLDER_INPUT_SUFFIXES,
                               recursive: bool = False) -> None:
    """Raise ``InputError`` when any output is an input (or would be read as part of an input folder).

    A folder input is read for files ending in ``folder_reads``, at any depth when ``recursive``
    (brat): an output of such a name there is refused.
    """
    if isinstance(outputs, (str, Path)):
        outputs = [outputs]
    sources = [Path(s) for s in inputs if str(s) != STDIN]
    for output in outputs:
        if output is None or str(output) == STDIN:
            continue
        output = Path(output)
        for source in sources:
            if _same_file(output, source):
                raise InputError(str(output), None, f"the output is the same file as the input {source}; "
                                 "nothing was written: choose another output file")
            if not source.is_dir() or output.suffix.lower() not in folder_reads:
                continue
            parents = output.resolve().parents if recursive else [output.parent]
            if any(_same_file(parent, source) for parent in parents):
                raise InputError(str(output), None, f"the output is inside the input folder {source} and "
                                 "would be read as one of its inputs: choose a file outside it")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one does not exist (yet): the same only if both names lead to one place
        return a.resolve() == b.resolve()


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
    refuse_reserved_output(path)
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
    folder only when an earlier export wrote it (its ``REGISTRY`` lists every file in it) and
    everything in it is what this format writes (``folder_holds``): replacing a folder removes it
    whole, and never takes other files with it.
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
        foreign = [e for e in entries
                   if e.name != REGISTRY and (e.is_symlink() or not e.is_file() or not folder_holds(e))]
        if foreign:
            raise InputError(str(folder), None, f"holds {foreign[0].name!r}, which this export does not write; "
                             "the folder is not replaced even with --force: choose another folder")
        written = _registered(folder)
        if written is None:
            raise InputError(str(folder), None, f"has no {REGISTRY} record of an earlier export, so its files "
                             "were not written by this tool; the folder is not replaced even with --force: "
                             "choose another folder (or remove it yourself)")
        unlisted = [e.name for e in entries if e.name != REGISTRY and e.name not in written]
        if unlisted:
            raise InputError(str(folder), None, f"holds {unlisted[0]!r}, which the earlier export did not write; "
                             "the folder is not replaced even with --force: choose another folder")


def _registered(folder: Path) -> set[str] | None:
    """The names an earlier export wrote into ``folder`` (its ``REGISTRY``), or None without one."""
    try:
        fd = os.open(folder / REGISTRY, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as registry:
        if not stat.S_ISREG(os.fstat(registry.fileno()).st_mode):
            return None
        data = registry.read(1 << 20)
    return {name for name in data.decode("utf-8", "replace").splitlines() if name}


def refuse_inputs_inside(folders: Iterable[Path], inputs: Iterable[str | Path]) -> None:
    """A folder output is replaced whole: none of the inputs may live inside it."""
    for folder in folders:
        inside = folder.resolve()
        for source in inputs:
            resolved = Path(source).resolve()
            if resolved == inside or inside in resolved.parents:
                raise InputError(str(folder), None, f"the input {source} is inside this output folder, which "
                                 "an export replaces whole; nothing was written: choose another output")
