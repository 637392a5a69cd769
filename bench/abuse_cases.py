"""The attack corpus of ``bench/abuse.py`` (issue 13): each case is a command line (or a Python
snippet), the files it is given (poison lines, terminal attacks, outputs that are inputs, named
pipes, torn stores, ...), the exit status it must end with and what else must hold."""

from __future__ import annotations

import json

from abuse_case import (ATTACK, MARKUP, POISON, Case, broken_in_pass_two, clashing_hashes, decisions,
                        expect_ann_files, expect_conll_safe, expect_documents, expect_no_output, expect_only,
                        expect_repaired, expect_replaced, expect_set_aside, expect_still_fifo, expect_written,
                        line, poisoned, task)
from annotator.core.records import Annotation


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
                   files, (2,), "in.jsonl:2:", check=expect_no_output) for f in formats),
        ]
        if with_model:
            found += [
                Case(f"prelabel/{name}", ["prelabel", "in.jsonl", "-o", "out.jsonl"], files, (2,), "in.jsonl:2:",
                     needs_model=True),
                Case(f"prelabel-skip/{name}", ["prelabel", "in.jsonl", "-o", "out.jsonl", "--skip-invalid"], files,
                     (0,), check=expect_written(2, rejected=1), needs_model=True),
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
                 {"in.jsonl": decisions(), "pipe": None}, (2,), "pipe", check=expect_still_fifo),
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
                 check=expect_repaired(3, "added the newline"), needs_model=True, may_change=("out.jsonl",)),
            Case("repair/torn-tail", ["prelabel", "d.jsonl", "-o", "out.jsonl"],
                 {"d.jsonl": docs, "out.jsonl": record[0] + record[1][:40]}, (0,),
                 check=expect_repaired(2, "moved its 40 byte(s)"), needs_model=True, may_change=("out.jsonl",)),
            Case("prelabel/hash-clash", ["prelabel", "d.jsonl", "-o", "o.jsonl"],
                 {"d.jsonl": b"".join(line({"text": t, "_input_hash": 42}) for t in ("One.", "Two.", "Three."))},
                 (0,), check=expect_written(3, file="o.jsonl"), needs_model=True),
            Case("prelabel/over-max-length", ["prelabel", "d.jsonl", "-o", "o.jsonl"],
                 {"d.jsonl": line({"text": "Word. " * 200_000}) + docs}, (0,),
                 check=expect_written(2, file="o.jsonl", prelabel_errors=1), needs_model=True),
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
                 check=expect_replaced(earlier if f not in FOLDER_FORMATS else "out.data")),
            Case(f"export-{f}/fails-part-way", export, {"in.jsonl": broken_in_pass_two()}, (2,), "in.jsonl:2:",
                 check=expect_no_output),
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
               {"in.jsonl": decisions().replace(b"\n", b"\n" + hostile, 1)}, (0,), check=expect_conll_safe(4))
          for c in ("", "ner,quote,speaker")),
        *(Case(f"export-{f}/hash-clash", ["export", "in.jsonl", "--format", f, "-o", "out.data", "--no-progress"],
               {"in.jsonl": clashing_hashes()}, (0,), "in.jsonl:2: _input_hash 42 is also carried by a different text",
               check=expect_documents(3)) for f in ("prodigy", "spacy")),
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
                 f"{output}: this name is kept for the", check=expect_only("in.jsonl")),
            Case(f"lock/export-onto-{output}", ["export", "in.jsonl", "--format", "prodigy", "-o", output], good,
                 (2,), f"{output}: this name is kept for the", check=expect_only("in.jsonl")),
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
             {"in.jsonl": two_annotators}, (0,), check=expect_ann_files("out", 5)),
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
                          code=OPEN_ANNOTATE, may_change=("out.drafts.jsonl",), check=expect_set_aside(journal)))
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
                   check=expect_no_output) for f in ("prodigy", "hf", "spacy")),
        ]
    # 4. serve checks who is asking, and says what to install.
    found += [
        Case("serve/without-serve-extra-aiohttp", ["serve", "in.jsonl", "--out-dir", "team"], good, (2,),
             "pip install 'annotator[serve]'", without="aiohttp", check=expect_only("in.jsonl")),
        Case("serve/without-serve-extra-textual-serve", ["serve", "in.jsonl", "--out-dir", "team"], good, (2,),
             "pip install 'annotator[serve]'", without="textual_serve", check=expect_only("in.jsonl")),
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
