"""The names this tool derives from an output and owns: journal, rejects file, torn tail.

``OUT.jsonl`` has ``OUT.drafts.jsonl``, ``OUT.rejects.jsonl`` and ``OUT.jsonl.torn``; an output
without ``.jsonl``, ``OUT``, has ``OUT.drafts`` and ``OUT.rejects``, so no two outputs share one.
Names with these endings are reserved: never an output, never read as part of a folder input.
"""

from __future__ import annotations

from pathlib import Path

STORE_SUFFIX = ".jsonl"
#: Endings of the names derived from an output; no output may end so.
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
