"""What one case of ``bench/abuse.py``'s attack corpus is made of: the ``Case``, the records and
poisoned lines its files are built from, and the checks of what a command left behind."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from annotator.core.records import Annotation, Relation, Span, Task, Token

MARKUP = "[blink]x[/blink]"
ATTACK = "\x1b]0;owned\x07\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x9b31m\x9d0;t\x9c\u202e" + MARKUP + "\x1bPq"

POISON = {
    "huge-int": b'"n": ' + b"9" * 5000,
    "deep-nesting": b'"n": ' + b"[" * 100_000 + b"]" * 100_000,
    "nan": b'"meta": {"x": NaN}',
    "infinity": b'"meta": {"x": Infinity}',
    "float-overflow": b'"meta": {"x": 1e999}',
    "lone-surrogate": b'"meta": {"x": "\\ud800"}',
    "bad-utf8": b'"meta": {"x": "\xff\xfe"}',
}


def task(text: str, entity: str = "PERSON", relation: str = "SAID_BY") -> Task:
    words, tokens, position = text.split(" "), [], 0
    for i, word in enumerate(words):
        tokens.append(Token(word, position, position + len(word), i, i < len(words) - 1))
        position += len(word) + 1
    # "Ana said yes ...": Ana is a PERSON and the SPEAKER of the QUOTE on the last word.
    last = tokens[-1]
    quote = Span(last.start, last.end, last.id, last.id, "QUOTE", quote_type="direct")
    speaker = Span(0, 3, 0, 0, "SPEAKER")
    return Task(text=text, tokens=tokens, spans=[Span(0, 3, 0, 0, entity), speaker, quote],
                relations=[Relation(quote, speaker, relation)], meta={"source": "abuse"})


def line(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode() + b"\n"


def decisions(who: str = "alice", **fields: str) -> bytes:
    out = b""
    for i, text in enumerate(["Ana said yes", "Ana said no", "Ana said maybe"]):
        t = task(text, entity=fields.get("label", "PERSON"))
        if "meta" in fields:
            t.meta["note"] = fields["meta"]
        record = Annotation(t, "accept", fields.get("annotator", who),
                            fields.get("session", f"{who}-1"), 1700000000 + i).to_dict()
        out += line(record)
    return out


def poisoned(poison: bytes) -> bytes:
    good = decisions().splitlines(keepends=True)
    bad = good[1].rstrip(b"}\n") + b", " + poison + b"}\n"
    return good[0] + bad + good[2]


@dataclass
class Case:
    name: str
    args: list[str]
    files: dict[str, bytes | None]  # None: a FIFO
    exit_codes: tuple[int, ...]
    located: str | None = None  # text the message must contain, e.g. "in.jsonl:2:"
    check: Callable[[Path, bytes, bytes], str | None] | None = None
    links: dict[str, tuple[str, str]] = field(default_factory=dict)  # name → ("symlink"|"hard", target)
    needs_model: bool = False
    may_change: tuple[str, ...] = ()  # outputs that are not inputs (a store being repaired)
    shows: str | None = None  # text that must be printed as typed (Rich markup not interpreted)
    held: str | None = None  # a store another process holds open (and appends to) during the case
    without: str | None = None  # a module made impossible to import (an optional extra not installed)
    code: str | None = None  # a Python snippet run instead of the command line (an API the CLI cannot reach)


def expect_only(*names: str):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        left = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
        return None if left == sorted(names) else f"left {left}"
    return check


def expect_ann_files(name: str, count: int):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        found = len(list((folder / name).glob("*.ann")))
        return None if found == count else f"{found} .ann files for {count} decisions"
    return check


def expect_set_aside(journal: bytes):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        torn = folder / "out.drafts.jsonl.torn"
        return None if torn.is_file() and torn.read_bytes() == journal else "the bad journal line was not kept aside"
    return check


def broken_in_pass_two() -> bytes:
    """Valid JSON whose second record breaks an invariant, found only while writing."""
    records = [json.loads(x) for x in decisions().splitlines()]
    records[1]["spans"][0]["end"] = 10_000
    return b"".join(line(r) for r in records)


def clashing_hashes() -> bytes:
    records = [json.loads(x) for x in decisions().splitlines()]
    return b"".join(line({**r, "_input_hash": 42}) for r in records)


def expect_no_output(folder: Path, out: bytes, err: bytes) -> str | None:
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(("out.", ".out."))]
    return f"left {leftovers}" if leftovers else None


def expect_replaced(name: str):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        path = folder / name
        if path.is_dir():
            old = [p.name for p in path.iterdir() if p.read_bytes() == b"an earlier export\n"]
            return f"the earlier export's {old} is still there" if old else None
        return "the earlier export was not replaced" if path.read_bytes() == b"an earlier export\n" else None
    return check


def expect_conll_safe(documents: int):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        text = (folder / "out.conll").read_text(encoding="utf-8")
        starts = sum(1 for row in text.split("\n") if row.startswith("-DOCSTART-"))
        if starts != documents:
            return f"{starts} lines start with -DOCSTART-, expected {documents}"
        raw = sorted({hex(ord(c)) for c in text if c != "\n" and (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0)})
        return f"control characters written raw: {raw}" if raw else None
    return check


def expect_documents(count: int):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        return None if f"on {count} document(s)".encode() in err else f"not {count} documents: {err[-200:]!r}"
    return check


def expect_still_fifo(folder: Path, out: bytes, err: bytes) -> str | None:
    return None if (folder / "pipe").is_fifo() else "the named pipe was replaced"


def expect_written(count: int, *, rejected: int = 0, file: str = "out.jsonl", prelabel_errors: int = 0):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        records = [json.loads(x) for x in (folder / file).read_text().splitlines()]
        if len(records) != count:
            return f"{len(records)} record(s) written, expected {count}"
        if rejected and not (folder / "out.rejects.jsonl").exists():
            return "no rejects file"
        marked = sum(1 for r in records if r["meta"].get("prelabel_errors"))
        if marked != prelabel_errors:
            return f"{marked} record(s) with meta.prelabel_errors, expected {prelabel_errors}"
        return None
    return check


def expect_repaired(count: int, words: str):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        records = (folder / "out.jsonl").read_text().splitlines()
        if len(records) != count:
            return f"{len(records)} record(s) in the output, expected {count}"
        return None if words.encode() in err else f"the repair was not reported: {err[:200]!r}"
    return check
