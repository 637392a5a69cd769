"""Keeping apart two different texts that carry the same supplied ``_input_hash``.

A supplied hash is kept (Prodigy data must still match up), but the hash is 32 bits and any tool
may write any number, so the first text seen with a hash owns it; a different text carrying it
later gets a hash of its own and is reported. Every reader of tasks and decisions asks the same
``HashClashes``, so ``prelabel``, ``annotate``, ``review`` and ``export`` agree on who is apart.
"""

from __future__ import annotations

from typing import Any, Mapping

from annotator.core.hashing import input_hash, legacy_input_hash

#: The ``meta`` key that names a supplied ``_input_hash`` another text already carried.
HASH_CLASH_KEY = "input_hash_clash"

#: Where a record was read: its file and line (None for a whole-file input such as a .txt).
Where = tuple[str, "int | None"]


def describe(where: Where) -> str:
    file, line = where
    return f"{file}:{line}" if line is not None else file


class HashClashes:
    """The text (by fingerprint) and place that first carried each input hash seen so far."""

    def __init__(self) -> None:
        # input hash → (fingerprint of the first text, where it was). The fingerprint is a 53-bit
        # blake2b hash: Prodigy's 32-bit input hashes collide within a large corpus.
        self._first: dict[int, tuple[int, Where]] = {}

    def place(self, hash_: int, text: str, extra: Mapping[str, Any] | None, where: Where
              ) -> tuple[int, Where | None]:
        """The hash this text goes by, and where the different text that owns ``hash_`` was read
        (None when there is no clash: ``hash_`` is kept)."""
        fingerprint = legacy_input_hash(text)
        seen = self._first.setdefault(hash_, (fingerprint, where))
        if seen[0] == fingerprint:
            return hash_, None
        # Its own Prodigy hash, else the fingerprint, else the next free number after it.
        candidates = [input_hash(text, extra), fingerprint]
        own = next((c for c in candidates if self._free_for(c, fingerprint)), None)
        if own is None:
            own = fingerprint + 1
            while not self._free_for(own, fingerprint):
                own += 1
        self._first.setdefault(own, (fingerprint, where))
        return own, seen[1]

    def _free_for(self, hash_: int, fingerprint: int) -> bool:
        seen = self._first.get(hash_)
        return seen is None or seen[0] == fingerprint


def clash_message(supplied: int, first: Where, own: int) -> str:
    return (f"_input_hash {supplied} is also carried by a different text ({describe(first)}); "
            f"this document gets its own hash {own}")
