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

Usage: ``python bench/abuse.py [--quick] [--only NAME] [--python OTHER_VENV/bin/python] [--timeout S]``
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
    held: str | None = None  # a store another process holds open (and appends to) during the case
    without: str | None = None  # a module made impossible to import (an optional extra not installed)
    code: str | None = None  # a Python snippet run instead of the command line (an API the CLI cannot reach)


def run(case: Case, folder: Path, python: str = sys.executable, timeout: float = 300) -> str | None:
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
    if case.code is not None:
        command = [python, "-c", case.code, *args]
    elif case.without is not None:
        command = [python, "-c", f"import sys; sys.modules[{case.without!r}] = None; from annotator.cli import app; "
                   "app(prog_name='annotator')", *args]
    else:
        command = [python, "-m", "annotator", *args]
    holder = _hold(folder / case.held, python) if case.held else None
    try:
        done = subprocess.run(command, cwd=folder, env=ENV, capture_output=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "timed out (a hang)"
    finally:
        kept = _release(holder, folder / case.held) if holder else None
    if kept:
        return kept
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


HOLDER = """
import sys
from annotator.core.records import Annotation, Task
from annotator.core.store import JsonlStore
with JsonlStore(sys.argv[1]) as store:
    store.append_decision(Annotation(Task(text="Held before."), "accept", "holder", "h", 1))
    print("holding", flush=True)
    sys.stdin.readline()
    store.append_decision(Annotation(Task(text="Held after."), "accept", "holder", "h", 2))
"""


def _hold(path: Path, python: str) -> subprocess.Popen:
    """Another process with the store open (annotate, as the user sees it), one decision written."""
    holder = subprocess.Popen([python, "-c", HOLDER, str(path)], env=ENV, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    if holder.stdout.readline() != "holding\n":
        raise RuntimeError("the holder of the store did not start")
    return holder


def _release(holder: subprocess.Popen, path: Path) -> str | None:
    """Let the holder write its next decision and close; both decisions must be in the file it holds."""
    holder.stdin.write("\n")
    holder.stdin.close()
    holder.wait(timeout=60)
    holder.stdout.close()
    try:
        texts = [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines()]
    except (OSError, ValueError, KeyError):
        return f"the held store {path.name} is gone or unreadable"
    held = [t for t in texts if t.startswith("Held ")]
    return None if held == ["Held before.", "Held after."] else f"the held store lost decisions: {held}"


def cases(with_model: bool) -> list[Case]:
    found: list[Case] = []
    formats = ("spacy", "prodigy", "conll", "hf")
    for name, poison in POISON.items():
        files = {"in.jsonl": poisoned(poison)}
        found += [
            Case(f"validate/{name}", ["validate", "in.jsonl"], files, (2,), "in.jsonl:2:"),
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
            Case(f"validate/escape-{field_name}", ["validate", "a.jsonl"], files, (0, 2)),
        ]
    bad_label = decisions(label=ATTACK).replace(b'"end": 3, "token_start": 0', b'"end": 2, "token_start": 0', 1)
    evil_name = "evil\x1b]0;owned\x07\u202e.jsonl"
    found += [
        Case("validate/escape-in-error", ["validate", "in.jsonl"], {"in.jsonl": bad_label}, (2,), "in.jsonl:1:"),
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
    found += _issue_21_cases()
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
                 {**good, earlier: b"an earlier export\n",
                  # a folder export records what it wrote; --force replaces only such a folder
                  **({"out.data/.annotator-export": earlier.split("/")[1].encode() + b"\n"}
                     if f in FOLDER_FORMATS else {})},
                 (0,), may_change=(earlier, "out.data/.annotator-export"),
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


def _issue_21_cases() -> list[Case]:
    """Issue 21's classes, each with the case found and a second of the same class: one lock for
    every command that writes a store; names we own; readers as strict as validate; serve checks
    who is asking."""
    found: list[Case] = []
    good = {"in.jsonl": decisions()}
    brat = {"b/doc.txt": b"Ana said yes.\n", "b/doc.ann": b"T1\tSource 0 3\tAna\n"}
    doccano = {"d.jsonl": b'{"text": "Ana said yes."}\n'}
    # 1. A store open for writing is locked for every command (the holder keeps both its decisions).
    for name, args, files in [
        ("export-prodigy/force-onto-open-store", ["export", "in.jsonl", "--format", "prodigy", "-o", "out.jsonl",
                                                  "--force", "--no-progress"], good),
        ("import-brat/force-onto-open-store", ["import", "brat", "b", "-o", "out.jsonl", "--force"], brat),
        ("import-doccano/append-to-open-store", ["import", "doccano", "d.jsonl", "-o", "out.jsonl"], doccano),
        ("review/onto-open-store", ["review", "in.jsonl", "-o", "out.jsonl"], good),
    ]:
        found.append(Case(f"lock/{name}", args, files, (2,), "out.jsonl: the file is in use by another process",
                          held="out.jsonl"))
    for output in ("out.drafts.jsonl", "out.rejects.jsonl", "out.jsonl.torn"):
        found += [
            Case(f"lock/annotate-onto-{output}", ["annotate", "in.jsonl", "-o", output], good, (2,),
                 f"{output}: this name is kept for the", check=_only("in.jsonl")),
            Case(f"lock/export-onto-{output}", ["export", "in.jsonl", "--format", "prodigy", "-o", output], good,
                 (2,), f"{output}: this name is kept for the", check=_only("in.jsonl")),
        ]
    # 2. Names we derive never meet names we own or the user's files.
    two_annotators = b"".join(line(Annotation(task(text), "accept", who, who, 1).to_dict() | {"meta": {"id": i}})
                              for text, who, i in [("Ana said yes", "alice", "doc"), ("Ana said yes", "bob", "doc"),
                                                   ("Bob said no", "carol", "doc_bob"),
                                                   ("Cyd said so", "a/b", "x"), ("Cyd said so", "a-b", "x")])
    found += [
        Case("names/serve-visitor-drafts", ["serve", "in.jsonl", "--out-dir", "team", "--annotators", "alice.drafts"],
             good, (2,), "alice.drafts"),
        Case("names/serve-visitor-rejects", ["serve", "in.jsonl", "--out-dir", "team", "--annotators", "ok,x.rejects"],
             good, (2,), "x.rejects"),
        Case("names/export-brat-stem-meets-annotator", ["export", "in.jsonl", "--format", "brat", "-o", "out"],
             {"in.jsonl": two_annotators}, (0,), check=_ann_files("out", 5)),
        Case("names/clean-up-keeps-a-folder-named-like-a-temporary", ["export", "in.jsonl", "--format", "prodigy",
                                                                      "-o", "o.jsonl"],
             {**good, ".o.jsonl.mine.tmp/notes.txt": b"mine\n"}, (0,)),
        Case("names/clean-up-keeps-a-file-named-like-a-temporary", ["export", "in.jsonl", "--format", "spacy",
                                                                    "-o", "o.spacy"],
             {**good, ".o.spacy.x.tmp": b"mine\n"}, (0,)),
        Case("names/force-keeps-a-folder-of-user-texts", ["export", "in.jsonl", "--format", "brat", "-o", "mine",
                                                          "--force"],
             {**good, "mine/notes.txt": b"mine\n", "mine/more.txt": b"also mine\n"}, (2,), "mine: has no"),
        Case("names/force-keeps-a-folder-of-user-jsonl", ["export", "in.jsonl", "--format", "hf", "-o", "mine",
                                                          "--force"],
             {**good, "mine/train.jsonl": b"mine\n"}, (2,), "mine: has no"),
        Case("names/import-brat-onto-input-text", ["import", "brat", "b", "-o", "b/doc.txt", "--force"], brat, (2,),
             "b/doc.txt: the output is inside the input folder"),
        Case("names/import-brat-onto-paired-text", ["import", "brat", "b/doc.ann", "-o", "b/doc.txt", "--force"],
             brat, (2,), "b/doc.txt: the output is the same file"),
        Case("names/import-doccano-onto-input", ["import", "doccano", "in.jsonl", "-o", "in.jsonl"], good, (2,),
             "in.jsonl: the output is the same file"),
        Case("names/prelabel-rejects-onto-input", ["prelabel", "x.rejects.jsonl", "-o", "x.jsonl", "--skip-invalid"],
             {"x.rejects.jsonl": b'{"text": "Ana said yes."}\n{"text": 3}\n'}, (2,), "x.rejects.jsonl: the output"),
        Case("names/annotate-rejects-onto-input", ["annotate", "x.rejects.jsonl", "-o", "x.jsonl", "--skip-invalid"],
             {"x.rejects.jsonl": b'{"text": "Ana said yes."}\n'}, (2,), "x.rejects.jsonl: the output"),
        Case("names/torn-tail-through-symlink", ["import", "doccano", "d.jsonl", "-o", "out.jsonl"],
             {**doccano, "out.jsonl": decisions()[:-20], "target.txt": b"not yours\n"}, (2,),
             "out.jsonl.torn: is a symbolic link", links={"out.jsonl.torn": ("symlink", "target.txt")}),
        Case("names/torn-tail-into-fifo", ["import", "doccano", "d.jsonl", "-o", "out.jsonl"],
             {**doccano, "out.jsonl": decisions()[:-20], "out.jsonl.torn": None}, (2,),
             "out.jsonl.torn: is a named pipe"),
        Case("names/folder-input-skips-journals", ["stats", "team"],
             {"team/alice.jsonl": decisions(), "team/alice.drafts.jsonl": b'{"_input_hash": [1]}\n',
              "team/alice.rejects.jsonl": b'{"file": "x"}\n', "team/alice.jsonl.torn": b'{"_in\n'}, (0,)),
    ]
    # 3. Every reader is as strict as validate.
    lines = decisions().splitlines(keepends=True)
    broken_start = lines[0] + b"#" + lines[1][1:] + lines[2]
    found += [
        Case("strict/store-broken-at-line-start-import", ["import", "doccano", "d.jsonl", "-o", "out.jsonl"],
             {**doccano, "out.jsonl": broken_start}, (2,), "out.jsonl:2: the output file has a line that is not JSON"),
        Case("strict/store-broken-at-line-start-review", ["review", "in.jsonl", "-o", "out.jsonl"],
             {**good, "out.jsonl": broken_start}, (2,), "out.jsonl:2: the output file has a line that is not JSON"),
    ]
    for name, journal in [("list-hash", b'{"_input_hash": [1]}\n'), ("object-hash", b'{"_input_hash": {}}\n'),
                          ("deep", b'{"_input_hash": 1, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"),
                          ("spans-object", b'{"_input_hash": 1, "spans": {}, "relations": []}\n')]:
        found.append(Case(f"strict/draft-journal-{name}", ["in.jsonl", "out.jsonl"],
                          {**good, "out.drafts.jsonl": journal}, (0,), "out.drafts.jsonl:1:",
                          code=OPEN_ANNOTATE, may_change=("out.drafts.jsonl",), check=_set_aside(journal)))
    for field_name, value, reason in [("_annotator_id", {"x": 1}, "'_annotator_id' must be a string or null"),
                                      ("label", "", "span '' 0-3: 'label' is empty")]:
        records = [json.loads(x) for x in decisions().splitlines()]
        if field_name == "label":
            records[1]["spans"][0]["label"] = value
        else:
            records[1][field_name] = value
        files = {"in.jsonl": b"".join(line(r) for r in records), "b.jsonl": decisions("bob")}
        short = field_name.strip("_").replace("_", "-")
        found += [
            Case(f"strict/stats-{short}", ["stats", "in.jsonl"], files, (2,), f"in.jsonl:2: {reason}"),
            Case(f"strict/agree-{short}", ["agree", "in.jsonl", "b.jsonl"], files, (2,), f"in.jsonl:2: {reason}"),
            Case(f"strict/evaluate-{short}", ["evaluate", "in.jsonl", "b.jsonl"], files, (2,),
                 f"in.jsonl:2: {reason}"),
            *(Case(f"strict/export-{f}-{short}", ["export", "in.jsonl", "--format", f, "-o", "out.data",
                                                  "--no-progress"], files, (2,), f"in.jsonl:2: {reason}",
                   check=_no_output) for f in ("prodigy", "hf", "spacy")),
        ]
    # 4. serve checks who is asking, and says what to install.
    found += [
        Case("serve/without-serve-extra-aiohttp", ["serve", "in.jsonl", "--out-dir", "team"], good, (2,),
             "pip install 'annotator[serve]'", without="aiohttp", check=_only("in.jsonl")),
        Case("serve/without-serve-extra-textual-serve", ["serve", "in.jsonl", "--out-dir", "team"], good, (2,),
             "pip install 'annotator[serve]'", without="textual_serve", check=_only("in.jsonl")),
        Case("prelabel/dask-without-cluster-extra", ["prelabel", "in.jsonl", "-o", "parts", "--engine", "dask"],
             {"in.jsonl": b'{"text": "Ana said yes."}\n'}, (2,), "pip install 'annotator[cluster]'", without="dask"),
        Case("serve/host-that-does-not-resolve", ["serve", "in.jsonl", "--out-dir", "team", "--host",
                                                  "no.such.host.invalid"], good, (2,), "--host no.such.host.invalid"),
        Case("serve/dns-rebinding-host", ["evil.example:8000"], {}, (0,), code=ASK_SERVER),
        Case("serve/cross-site-websocket-origin", ["127.0.0.1:8000", "http://evil.example"], {}, (0,), code=ASK_SERVER),
    ]
    return found


#: ``create_app`` as ``annotate`` calls it, then closed: the draft journal is read (no terminal needed).
OPEN_ANNOTATE = """
import sys
from annotator.cli.app import USER_ERRORS
from annotator.tui.app import create_app
try:
    app = create_app([sys.argv[1]], sys.argv[2])
except USER_ERRORS as err:
    sys.exit(f"error: {err}")
app.annotation_run.store.close()
app.annotation_run.drafts.close()
"""

#: One request to a served annotator (no token, loopback) with this Host and Origin: handled when refused.
ASK_SERVER = """
import asyncio, sys
from aiohttp.test_utils import TestClient, TestServer
from annotator.tui.web_server import TokenServer

async def ask():
    server = TokenServer("true", host="127.0.0.1", port=0, token=None, title="annotator")
    async with TestClient(TestServer(await server._make_app())) as client:
        headers = {"Host": sys.argv[1], **({"Origin": sys.argv[2]} if len(sys.argv) > 2 else {})}
        statuses = [(await client.get(path, headers=headers)).status for path in ("/", "/ws")]
    sys.exit(0 if statuses == [403, 403] else f"answered {statuses}")

asyncio.run(ask())
"""


def _only(*names: str):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        left = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
        return None if left == sorted(names) else f"left {left}"
    return check


def _ann_files(name: str, count: int):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        found = len(list((folder / name).glob("*.ann")))
        return None if found == count else f"{found} .ann files for {count} decisions"
    return check


def _set_aside(journal: bytes):
    def check(folder: Path, out: bytes, err: bytes) -> str | None:
        torn = folder / "out.drafts.jsonl.torn"
        return None if torn.is_file() and torn.read_bytes() == journal else "the bad journal line was not kept aside"
    return check


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
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a case counts as a hang")
    options = parser.parse_args()
    tried = handled = 0
    for case in cases(with_model=not options.quick):
        if options.only not in case.name:
            continue
        with tempfile.TemporaryDirectory(prefix="abuse-") as folder:
            problem = run(case, Path(folder), options.python, options.timeout)
        tried += 1
        if problem is None:
            handled += 1
        else:
            print(f"NOT HANDLED {case.name}: {problem}")
    print(f"{tried} cases tried, {handled} handled")
    return 0 if tried == handled else 1


if __name__ == "__main__":
    sys.exit(main())
