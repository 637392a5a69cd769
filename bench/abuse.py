"""Replay the attack corpus of issue 13 over every command and count the cases handled.

Every file is built here (nothing is downloaded): poison lines (huge numbers, deep nesting,
NaN/Infinity, lone surrogates, bad UTF-8), another tool's relation label, terminal attacks in every
record field and in a file name, outputs that are inputs (same name, symlink, hard link), binary
and foreign outputs, named pipes, torn and unterminated store tails, clashing ``_input_hash``
values and a document over spaCy's ``max_length``, existing outputs of every export format (with
and without ``--force``), folder exports that fail part-way, and CoNLL boundaries and control
characters in document text. Each case runs the real program in a
subprocess and is *handled* when: no traceback, the promised exit status, the located
``FILE:LINE`` in the message where one is promised, no injected control sequence in the raw
bytes written to the terminal, and every input byte-for-byte unchanged.

Usage: ``python bench/abuse.py [--quick] [--only NAME] [--python OTHER_VENV/bin/python]``
(``--quick`` leaves out the cases that load the model; ``--python`` attacks another install).
Prints one line per failed case and ``N cases tried, N handled``; exit status 1 if any failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.records import Annotation, Relation, Span, Task, Token  # noqa: E402

#: Byte sequences that must never reach the terminal from a record or a file name.
FORBIDDEN = [b"\x1b]", b"\x1b[2J", b"\xc2\x9b", b"\xc2\x9d", b"\x07", "\u202e".encode(), b"\x1bP"]
MARKUP = "[blink]x[/blink]"
ATTACK = "\x1b]0;owned\x07\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x9b31m\x9d0;t\x9c\u202e" + MARKUP + "\x1bPq"
ENV = {**os.environ, "TERM": "xterm-256color", "FORCE_COLOR": "1", "COLUMNS": "160", "PYTHONIOENCODING": "utf-8"}

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


def run(case: Case, folder: Path, python: str = sys.executable) -> str | None:
    """None when the case is handled, else why not."""
    for name, data in case.files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            os.mkfifo(folder / name)
        else:
            (folder / name).write_bytes(data)
    for name, (kind, target) in case.links.items():
        (folder / name).symlink_to(folder / target) if kind == "symlink" else os.link(folder / target, folder / name)
    before = {name: _digest(folder / name) for name, data in case.files.items() if data is not None}
    args = [a.replace("{dir}", str(folder)) for a in case.args]
    try:
        done = subprocess.run([python, "-m", "annotator", *args], cwd=folder, env=ENV,
                              capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "timed out (a hang)"
    out, err = done.stdout, done.stderr
    if b"Traceback" in err or b"Traceback" in out:
        return "traceback: " + err.decode("utf-8", "replace").strip().splitlines()[-1][:200]
    if done.returncode not in case.exit_codes:
        return f"exit {done.returncode}, expected {case.exit_codes}: {err.decode('utf-8', 'replace')[:200]}"
    for sequence in FORBIDDEN:
        if sequence in out or sequence in err:
            return f"{sequence!r} reached the terminal"
    if case.shows and case.shows.encode() not in out:
        return f"{case.shows!r} is not shown as typed"
    if case.located and case.located.encode() not in err:
        return f"message does not name {case.located}: {err.decode('utf-8', 'replace')[:200]}"
    for name, digest in before.items():
        if name in case.may_change:
            continue
        if _digest(folder / name) != digest:
            return f"{name} was changed"
    if case.check:
        return case.check(folder, out, err)
    return None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "not a file"


def cases(with_model: bool) -> list[Case]:
    found: list[Case] = []
    formats = ("spacy", "prodigy", "conll", "hf")
    for name, poison in POISON.items():
        files = {"in.jsonl": poisoned(poison)}
        found += [
            Case(f"validate/{name}", ["validate", "in.jsonl"], files, (1,), "in.jsonl:2:"),
            Case(f"stats/{name}", ["stats", "in.jsonl"], files, (2,), "in.jsonl:2:"),
            Case(f"agree/{name}", ["agree", "in.jsonl", "b.jsonl"], {**files, "b.jsonl": decisions("bob")},
                 (2,), "in.jsonl:2:"),
            Case(f"evaluate/{name}", ["evaluate", "in.jsonl", "in.jsonl"], files, (2,), "in.jsonl:2:"),
            Case(f"review/{name}", ["review", "in.jsonl", "-o", "gold.jsonl"], files, (2,), "in.jsonl:2:"),
            *(Case(f"export-{f}/{name}", ["export", "in.jsonl", "--format", f, "-o", "out.data", "--no-progress"],
                   files, (2,), "in.jsonl:2:", check=_no_output) for f in formats),
        ]
        if with_model:
            found += [
                Case(f"prelabel/{name}", ["prelabel", "in.jsonl", "-o", "out.jsonl"], files, (2,), "in.jsonl:2:",
                     needs_model=True),
                Case(f"prelabel-skip/{name}", ["prelabel", "in.jsonl", "-o", "out.jsonl", "--skip-invalid"], files,
                     (0,), check=_written(2, rejected=1), needs_model=True),
            ]
    # Another tool's relation label: one verdict everywhere (accepted, as Prodigy's rel.manual allows).
    other = decisions().replace(b'"SAID_BY"', b'"QUOTED_BY"', 1)
    found += [
        Case("validate/other-relation-label", ["validate", "in.jsonl"], {"in.jsonl": other}, (0,)),
        *(Case(f"export-{f}/other-relation-label", ["export", "in.jsonl", "--format", f, "-o", "out.data"],
               {"in.jsonl": other}, (0,)) for f in formats),
    ]
    # Terminal attacks in every field shown, in every command that shows it.
    for field_name in ("annotator", "session", "label", "meta"):
        files = {"a.jsonl": decisions("alice", **{field_name: ATTACK}), "b.jsonl": decisions("bob")}
        by = ["--by", "session"] if field_name == "session" else []
        shown = MARKUP if field_name != "meta" else None
        found += [
            Case(f"stats/escape-{field_name}", ["stats", "a.jsonl", "b.jsonl", *by], files, (0,), shows=shown),
            Case(f"agree/escape-{field_name}", ["agree", "a.jsonl", "b.jsonl", *by], files, (0,), shows=shown),
            Case(f"evaluate/escape-{field_name}", ["evaluate", "a.jsonl", "b.jsonl"], files, (0,),
                 shows="[blink]" if field_name == "label" else None),  # the table cuts the rest
            Case(f"validate/escape-{field_name}", ["validate", "a.jsonl"], files, (0, 1)),
        ]
    bad_label = decisions(label=ATTACK).replace(b'"end": 3, "token_start": 0', b'"end": 2, "token_start": 0', 1)
    evil_name = "evil\x1b]0;owned\x07\u202e.jsonl"
    found += [
        Case("validate/escape-in-error", ["validate", "in.jsonl"], {"in.jsonl": bad_label}, (1,), "in.jsonl:1:"),
        Case("export/escape-in-error", ["export", "in.jsonl", "--format", "spacy", "-o", "o.spacy"],
             {"in.jsonl": bad_label}, (2,), "in.jsonl:1:"),
        Case("stats/escape-file-name", ["stats", evil_name], {evil_name: decisions()}, (0,)),
        Case("validate/escape-file-name", ["validate", evil_name], {evil_name: decisions()}, (0,)),
        Case("export/escape-file-name", ["export", evil_name, "--format", "conll", "-o", evil_name + ".conll"],
             {evil_name: decisions()}, (0,)),
        Case("stats/missing-escape-file-name", ["stats", "x\x1b]0;t\x07.jsonl"], {}, (2,)),
    ]
    # Outputs that are inputs, foreign outputs and named pipes.
    for f in formats:
        found += [
            Case(f"export-{f}/onto-input", ["export", "in.jsonl", "--format", f, "-o", "in.jsonl"],
                 {"in.jsonl": decisions()}, (2,), "in.jsonl"),
            Case(f"export-{f}/onto-symlink", ["export", "in.jsonl", "--format", f, "-o", "link.out"],
                 {"in.jsonl": decisions()}, (2,), "link.out", links={"link.out": ("symlink", "in.jsonl")}),
            Case(f"export-{f}/onto-hard-link", ["export", "in.jsonl", "--format", f, "-o", "hard.out"],
                 {"in.jsonl": decisions()}, (2,), "hard.out", links={"hard.out": ("hard", "in.jsonl")}),
            Case(f"export-{f}/fifo-output", ["export", "in.jsonl", "--format", f, "-o", "pipe"],
                 {"in.jsonl": decisions(), "pipe": None}, (2,), "pipe", check=_still_fifo),
        ]
    for command in (["validate"], ["stats"], ["export", "--format", "spacy", "-o", "o.spacy"]):
        found.append(Case(f"{command[0]}/fifo-input", [command[0], "pipe.jsonl", *command[1:]],
                          {"pipe.jsonl": None}, (2,), "pipe.jsonl"))
    found += [
        Case("annotate/onto-input", ["annotate", "in.jsonl", "-o", "in.jsonl"], {"in.jsonl": decisions()}, (2,),
             "in.jsonl"),
        Case("annotate/onto-symlink", ["annotate", "in.jsonl", "-o", "l.jsonl"], {"in.jsonl": decisions()}, (2,),
             "l.jsonl", links={"l.jsonl": ("symlink", "in.jsonl")}),
        Case("review/onto-input", ["review", "in.jsonl", "-o", "in.jsonl"], {"in.jsonl": decisions()}, (2,),
             "in.jsonl"),
    ]
    found += _export_safety_cases()
    if with_model:
        docs = b'{"text": "Ana said yes."}\n'
        record = decisions().splitlines(keepends=True)
        found += [
            Case("prelabel/onto-input", ["prelabel", "in.jsonl", "-o", "in.jsonl"], {"in.jsonl": decisions()},
                 (2,), "in.jsonl", needs_model=True),
            Case("prelabel/onto-binary", ["prelabel", "d.jsonl", "-o", "corpus.spacy"],
                 {"d.jsonl": docs, "corpus.spacy": b"\x00\x01\x02binary\n\x00\x10DocBin"}, (2,), "corpus.spacy",
                 needs_model=True),
            Case("prelabel/onto-foreign-jsonl", ["prelabel", "d.jsonl", "-o", "docs.jsonl"],
                 {"d.jsonl": docs, "docs.jsonl": b'{"text": "x"}\n{"text": "y"}\n{"text": "cut'}, (2,),
                 "docs.jsonl", needs_model=True),
            Case("prelabel/fifo-output", ["prelabel", "d.jsonl", "-o", "pipe.jsonl"],
                 {"d.jsonl": docs, "pipe.jsonl": None}, (2,), "pipe.jsonl", needs_model=True),
            Case("prelabel/fifo-input", ["prelabel", "pipe.jsonl", "-o", "o.jsonl"], {"pipe.jsonl": None}, (2,),
                 "pipe.jsonl", needs_model=True),
            Case("repair/unterminated-last-record", ["prelabel", "d.jsonl", "-o", "out.jsonl"],
                 {"d.jsonl": docs, "out.jsonl": record[0] + record[1].rstrip(b"\n")}, (0,),
                 check=_repaired(3, "added the newline"), needs_model=True, may_change=("out.jsonl",)),
            Case("repair/torn-tail", ["prelabel", "d.jsonl", "-o", "out.jsonl"],
                 {"d.jsonl": docs, "out.jsonl": record[0] + record[1][:40]}, (0,),
                 check=_repaired(2, "moved its 40 byte(s)"), needs_model=True, may_change=("out.jsonl",)),
            Case("prelabel/hash-clash", ["prelabel", "d.jsonl", "-o", "o.jsonl"],
                 {"d.jsonl": b"".join(line({"text": t, "_input_hash": 42}) for t in ("One.", "Two.", "Three."))},
                 (0,), check=_written(3, file="o.jsonl"), needs_model=True),
            Case("prelabel/over-max-length", ["prelabel", "d.jsonl", "-o", "o.jsonl"],
                 {"d.jsonl": line({"text": "Word. " * 200_000}) + docs}, (0,),
                 check=_written(2, file="o.jsonl", prelabel_errors=1), needs_model=True),
        ]
    return found


ALL_FORMATS = ("spacy", "prodigy", "conll", "hf", "brat", "doccano", "labelstudio")
FOLDER_FORMATS = {"hf": "train.jsonl", "brat": "doc.ann"}  # a file an earlier export of each leaves
#: The dev output of ``-o out.data --split 0.5,0.5`` where it is not ``out.dev.data``.
SPLIT_OUTPUTS = {"hf": "out.data/validation.jsonl", "brat": "out.dev.data/doc.ann"}


def _export_safety_cases() -> list[Case]:
    """Existing outputs (every format, with and without --force), folder exports that fail part-way,
    CoNLL boundaries and control characters from document text, and clashing supplied hashes."""
    found: list[Case] = []
    good = {"in.jsonl": decisions()}
    for f in ALL_FORMATS:
        earlier = f"out.data/{FOLDER_FORMATS[f]}" if f in FOLDER_FORMATS else "out.data"
        export = ["export", "in.jsonl", "--format", f, "-o", "out.data", "--no-progress"]
        found += [
            Case(f"export-{f}/existing-output", export, {**good, earlier: b"an earlier export\n"}, (2,),
                 "out.data: already exists"),
            Case(f"export-{f}/existing-split-output", [*export, "--split", "0.5,0.5"],
                 {**good, SPLIT_OUTPUTS.get(f, "out.dev.data"): b"an earlier export\n"}, (2,), "already exists"),
            Case(f"export-{f}/existing-output-forced", [*export, "--force"],
                 {**good, earlier: b"an earlier export\n"}, (0,), may_change=(earlier,),
                 check=_replaced(earlier if f not in FOLDER_FORMATS else "out.data")),
            Case(f"export-{f}/fails-part-way", export, {"in.jsonl": _broken_in_pass_two()}, (2,), "in.jsonl:2:",
                 check=_no_output),
        ]
    for f, earlier in FOLDER_FORMATS.items():
        found += [
            Case(f"export-{f}/force-keeps-foreign-folder", ["export", "in.jsonl", "--format", f, "-o", "out.data",
                                                          "--force"],
                 {**good, f"out.data/{earlier}": b"old\n", "out.data/notes.md": b"mine\n"}, (2,),
                 "out.data: holds 'notes.md'"),
            Case(f"export-{f}/force-keeps-input-inside", ["export", "out.data/in.jsonl", "--format", f, "-o",
                                                         "out.data", "--force"],
                 {"out.data/in.jsonl": decisions()}, (2,), "is inside this output folder"),
        ]
    hostile = line(Annotation(task("Ana said -DOCSTART- -X- O O a\x00b \x1b[2J \x9b31m yes"), "accept", "alice",
                              "alice-1", 1700000000).to_dict())
    found += [
        *(Case(f"export-conll/docstart-and-controls{'-' + c if c else ''}",
               ["export", "in.jsonl", "--format", "conll", "-o", "out.conll", *(["--columns", c] if c else [])],
               {"in.jsonl": decisions().replace(b"\n", b"\n" + hostile, 1)}, (0,), check=_conll_safe(4))
          for c in ("", "ner,quote,speaker")),
        *(Case(f"export-{f}/hash-clash", ["export", "in.jsonl", "--format", f, "-o", "out.data", "--no-progress"],
               {"in.jsonl": _clashing()}, (0,), "in.jsonl:2: _input_hash 42 is also carried by a different text",
               check=_documents(3)) for f in ("prodigy", "spacy")),
    ]
    return found


def _broken_in_pass_two() -> bytes:
    """Valid JSON whose second record breaks an invariant, found only while writing."""
    records = [json.loads(x) for x in decisions().splitlines()]
    records[1]["spans"][0]["end"] = 10_000
    return b"".join(line(r) for r in records)


def _clashing() -> bytes:
    records = [json.loads(x) for x in decisions().splitlines()]
    return b"".join(line({**r, "_input_hash": 42}) for r in records)


def _no_output(folder: Path, out: bytes, err: bytes) -> str | None:
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(("out.", ".out."))]
    return f"left {leftovers}" if leftovers else None


def _replaced(name: str):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        path = folder / name
        if path.is_dir():
            old = [p.name for p in path.iterdir() if p.read_bytes() == b"an earlier export\n"]
            return f"the earlier export's {old} is still there" if old else None
        return "the earlier export was not replaced" if path.read_bytes() == b"an earlier export\n" else None
    return check


def _conll_safe(documents: int):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        text = (folder / "out.conll").read_text(encoding="utf-8")
        starts = sum(1 for row in text.split("\n") if row.startswith("-DOCSTART-"))
        if starts != documents:
            return f"{starts} lines start with -DOCSTART-, expected {documents}"
        raw = sorted({hex(ord(c)) for c in text if c != "\n" and (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0)})
        return f"control characters written raw: {raw}" if raw else None
    return check


def _documents(count: int):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        return None if f"on {count} document(s)".encode() in err else f"not {count} documents: {err[-200:]!r}"
    return check


def _still_fifo(folder: Path, out: bytes, err: bytes) -> str | None:
    return None if (folder / "pipe").is_fifo() else "the named pipe was replaced"


def _written(count: int, *, rejected: int = 0, file: str = "out.jsonl", prelabel_errors: int = 0):
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


def _repaired(count: int, words: str):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        records = (folder / "out.jsonl").read_text().splitlines()
        if len(records) != count:
            return f"{len(records)} record(s) in the output, expected {count}"
        return None if words.encode() in err else f"the repair was not reported: {err[:200]!r}"
    return check


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="leave out the cases that load the spaCy model")
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    parser.add_argument("--python", default=sys.executable,
                        help="the interpreter whose installed annotator is attacked (to compare versions)")
    options = parser.parse_args()
    tried = handled = 0
    for case in cases(with_model=not options.quick):
        if options.only not in case.name:
            continue
        with tempfile.TemporaryDirectory(prefix="abuse-") as folder:
            problem = run(case, Path(folder), options.python)
        tried += 1
        if problem is None:
            handled += 1
        else:
            print(f"NOT HANDLED {case.name}: {problem}")
    print(f"{tried} cases tried, {handled} handled")
    return 0 if tried == handled else 1


if __name__ == "__main__":
    sys.exit(main())
