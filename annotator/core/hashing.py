"""Stable hashes for tasks: the same input gives the same number on every run and machine.

Hashes are signed integers like Prodigy's, kept within 53 bits so JavaScript tools read them exactly.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Iterable


def _hash_bytes(data: bytes) -> int:
    digest = hashlib.blake2b(data, digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True) >> 11


def input_hash(text: str) -> int:
    """Hash of the input: depends only on the document text."""
    return _hash_bytes(b"text\x00" + text.encode("utf-8"))


def task_hash(input_hash_: int, spans: Iterable[tuple[Any, ...]], relations: Iterable[tuple[Any, ...]]) -> int:
    """Hash of the task: the input plus its spans and relations, independent of their order."""
    payload = json.dumps(
        [input_hash_, sorted(spans, key=repr), sorted(relations, key=repr)],
        separators=(",", ":"),
    )
    return _hash_bytes(b"task\x00" + payload.encode("utf-8"))
