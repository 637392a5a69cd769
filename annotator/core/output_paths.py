"""Checks on an output path made before anything is written: it must not be one of the inputs.

"The same file" is decided by the file system (device and inode, after symlinks), so a symlink or
a hard link to an input is caught as surely as the same name; an output inside an input folder
that the folder reader would pick up is caught too.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from annotator.core.sources import STDIN, InputError

#: The kinds of file a folder input is read for (see ``sources.iter_raw``).
_FOLDER_INPUT_SUFFIXES = (".txt", ".jsonl")


def refuse_output_among_inputs(outputs: str | Path | Iterable[str | Path | None],
                               inputs: Iterable[str | Path]) -> None:
    """Raise ``InputError`` when any output is an input (or would be read as part of an input folder)."""
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
            if source.is_dir() and output.suffix.lower() in _FOLDER_INPUT_SUFFIXES \
                    and _same_file(output.parent, source):
                raise InputError(str(output), None, f"the output is inside the input folder {source} and "
                                 "would be read as one of its inputs: choose a file outside it")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one does not exist (yet): the same only if both names lead to one place
        return a.resolve() == b.resolve()
