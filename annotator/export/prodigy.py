"""The ``prodigy`` format: our decisions as Prodigy task JSON lines, ready for ``prodigy db-in``.

Our records already are Prodigy tasks (``text``, ``tokens``, ``spans``, ``relations``, ``meta``,
``answer``); this writes each chosen record as it was read, hashes unchanged, and drops the
underscore fields Prodigy does not know. ``_annotator_id``, ``_session_id`` and ``_timestamp``
are Prodigy's own and are kept. Spans keep their ``quote_type``, which Prodigy carries through.
"""

from __future__ import annotations

import json
from typing import IO, Any, Mapping

#: Underscore fields Prodigy itself writes and reads back; every other ``_field`` is private to a tool.
PRODIGY_FIELDS = frozenset({"_input_hash", "_task_hash", "_annotator_id", "_session_id",
                            "_timestamp", "_view_id", "_is_binary"})


def prodigy_record(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if not k.startswith("_") or k in PRODIGY_FIELDS}


class ProdigyWriter:
    needs_doc = False

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out

    def add(self, decision: Any, doc: Any) -> None:
        record = prodigy_record(decision.raw.data)
        self._out.write((json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))

    def finish(self) -> None:
        pass

    def abandon(self) -> None:
        pass
