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
from pathlib import Path
from typing import Iterable

from annotator.core.sources import STDIN, InputError

#: The kinds of file a folder input is read for (see ``sources.iter_raw``).
_FOLDER_INPUT_SUFFIXES = (".txt", ".jsonl")
STORE_SUFFIX = ".jsonl"
#: Endings of the names derived from an output (see the module docstring); no output may end so.
RESERVED_SUFFIXES = (".drafts.jsonl", ".rejects.jsonl", ".drafts", ".rejects", ".torn")


def _derived(output: str | Path, role: str) -> Path:
    output = Path(output)
    if output.name.endswith(STORE_SUFFIX) and len(output.name) > len(STORE_SUFFIX):
        return output.with_name(output.name[: -len(STORE_SUFFIX)] + f".{role}{STORE_SUFFIX}")
    return output.with_name(f"{output.name}.{role}")


def journal_path(output: str | Path) -> Path:
    """``out.jsonl`` → ``out.drafts.jsonl``; ``out`` → ``out.drafts`` (never another store's journal)."""
    return _derived(output, "drafts")


def rejects_path(output: str | Path) -> Path:
    """``out.jsonl`` → ``out.rejects.jsonl``; ``out`` (or a dask folder) → ``out.rejects``."""
    return _derived(output, "rejects")


def torn_path(output: str | Path) -> Path:
    """Where a torn last line of ``output`` is moved aside."""
    output = Path(output)
    return output.with_name(output.name + ".torn")


def reserved_role(name: str) -> str | None:
    """What a file of this name is kept for ("draft journal", ...), or None for a name free to use."""
    for suffix, role in ((".drafts.jsonl", "draft journal"), (".drafts", "draft journal"),
                         (".rejects.jsonl", "rejects file"), (".rejects", "rejects file"),
                         (".torn", "torn lines set aside")):
        if name.endswith(suffix):
            return role
    return None


def is_reserved(path: str | Path) -> bool:
    return reserved_role(Path(path).name) is not None


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
                               inputs: Iterable[str | Path], *, anywhere_inside: bool = False) -> None:
    """Raise ``InputError`` when any output is an input (or would be read as part of an input folder).

    With ``anywhere_inside`` any output inside an input folder (at any depth) is refused, for
    readers that search their folders recursively for every kind of file (brat).
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
            if not source.is_dir():
                continue
            if anywhere_inside:
                inside = _inside(output, source)
            else:
                inside = output.suffix.lower() in _FOLDER_INPUT_SUFFIXES and _same_file(output.parent, source)
            if inside:
                raise InputError(str(output), None, f"the output is inside the input folder {source} and "
                                 "would be read as one of its inputs: choose a file outside it")


def _inside(output: Path, folder: Path) -> bool:
    folder = folder.resolve()
    return any(_same_file(parent, folder) for parent in output.resolve().parents)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one does not exist (yet): the same only if both names lead to one place
        return a.resolve() == b.resolve()
