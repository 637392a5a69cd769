"""Counting documents for a progress total never opens a named pipe (that would wait for a writer)."""

from __future__ import annotations

import os
import threading

from annotator.core.sources import count_documents


def test_a_named_pipe_has_no_count_and_is_not_opened(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n', encoding="utf-8")
    result = []
    counting = threading.Thread(target=lambda: result.append(count_documents([tmp_path / "a.jsonl", fifo])),
                                daemon=True)
    counting.start()
    counting.join(timeout=10)
    if counting.is_alive():  # free the blocked open so the thread ends
        open(fifo, "w").close()
    assert result == [None]
    assert count_documents([tmp_path]) == 2  # in a folder, the pipe is not one of its files
