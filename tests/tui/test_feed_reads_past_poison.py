"""The annotate background reader: a line no strict reader accepts is reported and passed over, and
every later document is still reached (also the clash of one supplied hash on different texts)."""

from __future__ import annotations

import json

import spacy

from annotator.core.sources import HASH_CLASH_KEY
from annotator.core.store import JsonlStore
from annotator.tui.feed import Prelabeler, ReadAhead, TaskFeed

POISON = [
    b'{"text": "x", "n": ' + b"9" * 5000 + b"}",
    b'{"text": "x", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    b'{"text": "x", "meta": {"score": NaN}}',
    b'{"text": "a \\ud800 b"}',
]


def test_the_reader_goes_on_past_every_poison_line(tmp_path):
    source = tmp_path / "in.jsonl"
    good = [json.dumps({"text": f"Document number {i}.", "_input_hash": 42}).encode() for i in range(3)]
    source.write_bytes(b"\n".join([good[0], *POISON, good[1], good[2]]) + b"\n")
    rejected, statuses = [], []
    with JsonlStore(tmp_path / "out.jsonl") as store:
        prelabeler = Prelabeler(None, lambda name: spacy.blank("en"),
                                on_status=lambda state, message: statuses.append(state))
        feed = TaskFeed([source], store, prelabeler, on_invalid=lambda error, raw: rejected.append(error.line),
                        read_ahead=ReadAhead(100))
        items = list(feed)
    assert [item.task.text for item in items] == [f"Document number {i}." for i in range(3)]
    assert rejected == [2, 3, 4, 5]
    # Three texts came with one supplied hash: each is its own document.
    assert len({item.task.input_hash for item in items}) == 3
    assert [HASH_CLASH_KEY in item.task.meta for item in items] == [False, True, True]
