"""Task hashes in Prodigy's shape (32-bit signed MurmurHash3 of the documented keys), kept as given.

Hashes a record came with are kept, as Prodigy keeps them; that is what ties our records to
Prodigy's. A record without them gets ``_input_hash`` (``INPUT_HASH_KEYS``) and ``_task_hash``
(the input hash, then ``TASK_HASH_KEYS``) hashed with MurmurHash3 (``murmurhash``, seed 0) over
``json.dumps(values, sort_keys=True)`` in compact form. These are **not** the values Prodigy gives
the same text: its exact serialisation is not public, and no recipe we tried matches the hashes in
files Prodigy wrote (explosion/projects' tutorial data; ``tests/export/test_prodigy_records.py``).
To give records Prodigy's own hashes, rehash them in Prodigy (see the README).

``legacy_input_hash`` is the hash earlier versions of annotator wrote (blake2b), so their output
files still resume.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Container, Iterable, Mapping

from murmurhash import hash as murmur32

#: The keys Prodigy hashes into ``_input_hash`` and ``_task_hash``, in its documented order.
INPUT_HASH_KEYS = ("text", "image", "html", "input")
TASK_HASH_KEYS = ("spans", "label", "options", "arcs")
#: Keys Prodigy leaves out when a task has none of the keys above and everything else is hashed.
IGNORE_HASH_KEYS = ("score", "rank", "model", "source", "pattern", "priority", "path",
                    "_view_id", "_session_id", "_annotator_id", "answer")


def _serialise(values: Mapping[str, Any]) -> str:
    return json.dumps(values, separators=(",", ":"), sort_keys=True)


def prodigy_hash(task: Mapping[str, Any], keys: Iterable[str], *, prefix: int | None = None) -> int:
    """Murmurhash of the task's values under ``keys`` (or of every key not ignored), in Prodigy's shape."""
    values = {key: task[key] for key in keys if key in task}
    if not values:
        values = {key: value for key, value in task.items() if key not in IGNORE_HASH_KEYS}
    serialised = _serialise(values)
    if prefix is not None:
        serialised = str(prefix) + serialised
    return murmur32(serialised)


def input_hash(text: str, extra: Mapping[str, Any] | None = None) -> int:
    """``_input_hash`` of a task with this text (and any other input keys it carries, e.g. ``html``)."""
    task = {key: value for key, value in (extra or {}).items() if key in INPUT_HASH_KEYS}
    task["text"] = text
    return prodigy_hash(task, INPUT_HASH_KEYS)


def task_hash(input_hash_: int, task: Mapping[str, Any]) -> int:
    """Our ``_task_hash``: the input hash as a prefix, then the task's spans (and label, options, arcs)."""
    return prodigy_hash(task, TASK_HASH_KEYS, prefix=input_hash_)


def _blake_hash(data: bytes) -> int:
    digest = hashlib.blake2b(data, digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True) >> 11


def legacy_input_hash(text: str) -> int:
    """The ``_input_hash`` annotator wrote before it hashed the Prodigy way (a 53-bit blake2b)."""
    return _blake_hash(b"text\x00" + text.encode("utf-8"))


def content_hash(input_hash_: int, spans: Iterable[tuple[Any, ...]], relations: Iterable[tuple[Any, ...]]) -> int:
    """What a task says, independent of the order of its spans and relations (for comparing versions).

    Unlike Prodigy's ``_task_hash`` it covers relations and quote types, and changes with every edit.
    """
    payload = json.dumps(
        [input_hash_, sorted(spans, key=repr), sorted(relations, key=repr)],
        separators=(",", ":"),
    )
    return _blake_hash(b"task\x00" + payload.encode("utf-8"))


def adopt_known_hash(task: Any, known: Container[int]) -> None:
    """Give a task the input hash an output file already knows it by, so resuming finds it.

    Files written before annotator hashed the Prodigy way hold blake2b hashes; a document read
    again from plain text gets a new hash, so when only its old one is known, it takes that.
    """
    if task.input_hash_given or task.input_hash in known:
        return
    legacy = legacy_input_hash(task.text)
    if legacy in known:
        task.input_hash = legacy
