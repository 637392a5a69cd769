"""The draft journal: every edit of a document not yet decided (or changed since its decision) is
appended to ``OUT.drafts.jsonl`` and fsynced before the next key is handled, so quitting, a crash or
``kill -9`` loses nothing; a decision clears the document's draft.

One line per edit: ``{"_input_hash": H, "spans": [[token_start, token_end, label(, quote_type)], ...],
"relations": [[head, child, label], ...]}`` (the document's spans as they stand, by token, and its
relations by index into those spans: a tenth of the size of full records, which matters when every
edit of a long document is written before the next key), or ``{"_input_hash": H, "cleared": true}``. The newest line per input
hash wins. Opening the journal rewrites it with only the live drafts (atomically), so it stays small;
it is only opened by the process that holds the output's lock.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, BinaryIO

from annotator.core.records import RecordError, Relation, Span, Task


def drafts_path(output: str | Path) -> Path:
    """``out.jsonl`` → ``out.drafts.jsonl`` (beside the output, as the rejects file)."""
    output = Path(output)
    stem = output.stem if output.suffix == ".jsonl" else output.name
    return output.with_name(stem + ".drafts.jsonl")


class DraftJournal:
    """Drafts of one output file: read on open, then appended to (fsynced) on every edit."""

    def __init__(self, output: str | Path) -> None:
        self.path = drafts_path(output)
        self._drafts: dict[int, dict[str, Any]] = {}
        self.skipped_lines = 0
        if self.path.exists():
            self._read()
            self._compact()
        self._file: BinaryIO | None = None  # opened on the first edit

    def _read(self) -> None:
        with open(self.path, "rb") as stream:
            for raw in stream:
                try:
                    line = json.loads(raw)
                    input_hash = line["_input_hash"]
                except (ValueError, KeyError, TypeError):
                    # A torn last line (a crash mid-write) or damage: the lines before it still count.
                    self.skipped_lines += 1
                    continue
                if line.get("cleared"):
                    self._drafts.pop(input_hash, None)
                else:
                    self._drafts[input_hash] = line

    def _compact(self) -> None:
        temporary = self.path.with_name(self.path.name + ".tmp")
        with open(temporary, "wb") as out:
            for line in self._drafts.values():
                out.write(_encode(line))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, self.path)
        _fsync_folder(self.path.parent)

    def __contains__(self, input_hash: int) -> bool:
        return input_hash in self._drafts

    def __len__(self) -> int:
        return len(self._drafts)

    def apply(self, task: Task) -> Task | None:
        """The task with its draft's spans and relations, or None without a (usable) draft."""
        line = self._drafts.get(task.input_hash)
        if line is None:
            return None
        tokens, text = task.tokens, task.text
        try:
            spans = []
            for first, last, label, *quote_type in line["spans"]:
                start, end = tokens[first].start, tokens[last].end
                spans.append(Span(start, end, first, last, label, text=text[start:end],
                                  quote_type=quote_type[0] if quote_type else None))
            relations = [Relation(spans[head], spans[child], label) for head, child, label in line["relations"]]
        except (RecordError, KeyError, TypeError, ValueError, IndexError):
            return None
        drafted = task.copy()
        drafted.spans, drafted.relations = spans, relations
        return drafted

    def save(self, task: Task) -> None:
        index = {span: number for number, span in enumerate(task.spans)}
        line = {"_input_hash": task.input_hash,
                "spans": [[s.token_start, s.token_end, s.label, *([s.quote_type] if s.quote_type else [])]
                          for s in task.spans],
                "relations": [[index[r.head_span], index[r.child_span], r.label] for r in task.relations]}
        self._write(line)
        self._drafts[task.input_hash] = line

    def clear(self, input_hash: int) -> None:
        if input_hash in self._drafts:
            self._write({"_input_hash": input_hash, "cleared": True})
            del self._drafts[input_hash]

    def _write(self, line: dict[str, Any]) -> None:
        if self._file is None:
            self._file = open(self.path, "ab")
        self._file.write(_encode(line))
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        if self._file is not None and not self._file.closed:
            self._file.close()
        if not self._drafts and self.path.exists():
            self.path.unlink()  # every draft was decided: nothing left to keep


def _encode(line: dict[str, Any]) -> bytes:
    return (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
