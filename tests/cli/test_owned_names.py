"""Names we derive never meet names we own or the user's files: brat names are unique, --force and
the temporary clean-up touch only what the tool wrote, outputs are checked against every input
(the rejects file too), and a repair never writes through a symlink."""

from __future__ import annotations

import json

import pytest

from annotator.core.output_paths import visitor_files, visitor_name_problem
from annotator.core.records import Annotation, Relation, Span, Task, Token
from annotator.core.sources import InputError, iter_raw
from annotator.core.store import JsonlStore
from annotator.formats.brat_reading import import_brat
from annotator.formats.exporting import export_annotations
from tests.cli.test_output_lock import annotator, write_brat, write_decisions


def said(text: str, meta: dict | None = None) -> Task:
    words, tokens, at = text.split(" "), [], 0
    for i, word in enumerate(words):
        tokens.append(Token(word, at, at + len(word), i, i < len(words) - 1))
        at += len(word) + 1
    quote = Span(tokens[-1].start, tokens[-1].end, len(words) - 1, len(words) - 1, "QUOTE", quote_type="direct")
    speaker = Span(0, len(words[0]), 0, 0, "SPEAKER")
    return Task(text=text, tokens=tokens, spans=[speaker, quote], relations=[Relation(quote, speaker, "SAID_BY")],
                meta=meta or {})


def test_brat_file_names_are_unique_by_construction(tmp_path):
    """A document decided by alice and bob and another whose id is ``doc_bob``: 3 decisions, 2 .ann files."""
    path = tmp_path / "in.jsonl"
    shared, other = said("Ana said yes", {"id": "doc"}), said("Bo said no", {"id": "doc_bob"})
    records = [Annotation(shared, "accept", "alice", "a", 1), Annotation(shared, "accept", "bob", "b", 2),
               Annotation(other, "accept", "carol", "c", 3),
               # two ids that read alike once made safe for a file name
               Annotation(said("Cy said so", {"id": "x"}), "accept", "a/b", "d", 4),
               Annotation(said("Cy said so", {"id": "x"}), "accept", "a-b", "e", 5)]
    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in records), encoding="utf-8")
    report = export_annotations(sources=[path], format="brat", output=tmp_path / "out")
    assert report.decisions == 5
    assert len(list((tmp_path / "out").glob("*.ann"))) == 5
    back = tmp_path / "back.jsonl"
    imported = import_brat(sources=[tmp_path / "out"], output=back)
    assert imported.written == 5 and not imported.failed
    texts = sorted(json.loads(x)["text"] for x in back.read_text(encoding="utf-8").splitlines())
    assert texts == ["Ana said yes", "Ana said yes", "Bo said no", "Cy said so", "Cy said so"]


def test_force_never_deletes_a_folder_of_the_users_own_files(tmp_path):
    """``export --format brat -o DIR --force`` deleted a folder of the user's own .txt files."""
    write_decisions(tmp_path / "in.jsonl")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("my notes", encoding="utf-8")
    (mine / "draft.ann").write_text("T1\tPERSON 0 2\tmy\n", encoding="utf-8")
    for format in ("brat", "hf"):
        with pytest.raises(InputError, match=r"not written by this tool|which this export does not write"):
            export_annotations(sources=[tmp_path / "in.jsonl"], format=format, output=mine, force=True)
    (mine / "draft.ann").unlink()
    with pytest.raises(InputError, match=r"has no \.annotator-export record of an earlier export"):
        export_annotations(sources=[tmp_path / "in.jsonl"], format="brat", output=mine, force=True)
    (mine / "draft.ann").write_text("T1\tPERSON 0 2\tmy\n", encoding="utf-8")
    assert sorted(p.name for p in mine.iterdir()) == ["draft.ann", "notes.txt"]
    # A folder an export wrote is replaced with --force, but not once a file of the user's is added.
    export_annotations(sources=[tmp_path / "in.jsonl"], format="brat", output=tmp_path / "out")
    export_annotations(sources=[tmp_path / "in.jsonl"], format="brat", output=tmp_path / "out", force=True)
    (tmp_path / "out" / "extra.txt").write_text("added by hand", encoding="utf-8")
    with pytest.raises(InputError, match=r"'extra\.txt', which the earlier export did not write"):
        export_annotations(sources=[tmp_path / "in.jsonl"], format="brat", output=tmp_path / "out", force=True)
    assert (tmp_path / "out" / "extra.txt").read_text(encoding="utf-8") == "added by hand"


@pytest.mark.parametrize("output", ["b/doc.txt", "b/deeper/new.ann", "b/doc.ann"])
def test_import_brat_never_writes_over_or_into_its_inputs(tmp_path, output):
    """``import brat b -o b/doc.txt --force`` replaced an input text."""
    write_brat(tmp_path / "b")
    (tmp_path / "b" / "deeper").mkdir()
    before = {p: p.read_bytes() for p in (tmp_path / "b").glob("*.*")}
    for sources in (["b"], ["b/doc.ann"]) if "deeper" not in output else (["b"],):
        done = annotator("import", "brat", *sources, "-o", output, "--force", cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert f"error: {output}: the output is" in done.stderr
    assert {p: p.read_bytes() for p in (tmp_path / "b").glob("*.*")} == before
    assert not any((tmp_path / "b" / "deeper").iterdir())


def test_prelabel_never_appends_its_rejects_to_an_input(tmp_path):
    """``prelabel x.rejects.jsonl -o x.jsonl --skip-invalid`` appended its rejects into the input it read."""
    inputs = tmp_path / "x.rejects.jsonl"
    inputs.write_text('{"text": "Ana said yes."}\n{"text": 3}\n', encoding="utf-8")
    before = inputs.read_bytes()
    done = annotator("prelabel", "x.rejects.jsonl", "-o", "x.jsonl", "--skip-invalid", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "error: x.rejects.jsonl: the output is the same file as the input x.rejects.jsonl" in done.stderr
    assert inputs.read_bytes() == before and not (tmp_path / "x.jsonl").exists()
    done = annotator("annotate", "x.rejects.jsonl", "-o", "x.jsonl", "--skip-invalid", cwd=tmp_path)
    assert done.returncode == 2 and "x.rejects.jsonl: the output is the same file" in done.stderr


@pytest.mark.parametrize("aside", ["out.jsonl.torn", "out.rejects.jsonl"])
def test_a_repair_never_writes_through_a_symlink(tmp_path, aside):
    """A torn tail was appended through a symlink planted at ``OUT.jsonl.torn`` into its target."""
    target = tmp_path / "target.txt"
    target.write_text("someone else's file\n", encoding="utf-8")
    (tmp_path / aside).symlink_to(target)
    out = tmp_path / "out.jsonl"
    good = json.dumps(Annotation(Task(text="A whole record."), "accept", "a", "s", 1).to_dict())
    out.write_text(good + "\n" + good[:30], encoding="utf-8")
    if aside.endswith(".torn"):
        with pytest.raises(InputError, match=r"out\.jsonl\.torn: is a symbolic link"):
            JsonlStore(out)
        assert out.read_text(encoding="utf-8") == good + "\n" + good[:30]  # left as it was
    else:
        from annotator.core.aside import RejectsFile

        with RejectsFile(out) as rejects, pytest.raises(InputError, match="is a symbolic link"):
            rejects.add(InputError("in.jsonl", 1, "bad"), "{")
    assert target.read_text(encoding="utf-8") == "someone else's file\n"


def test_folder_inputs_and_the_review_folder_skip_journals_and_rejects(tmp_path):
    write_decisions(tmp_path / "alice.jsonl", "alice")
    (tmp_path / "alice.drafts.jsonl").write_text('{"_input_hash":1,"spans":[],"relations":[]}\n', encoding="utf-8")
    (tmp_path / "alice.rejects.jsonl").write_text('{"file":"x","line":1,"error":"e","raw":""}\n', encoding="utf-8")
    (tmp_path / "alice.jsonl.torn").write_text('{"_inp\n', encoding="utf-8")
    assert {r.file for r in iter_raw(tmp_path)} == {str(tmp_path / "alice.jsonl")}
    assert visitor_files(tmp_path) == [tmp_path / "alice.jsonl"]
    done = annotator("stats", ".", cwd=tmp_path)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("name, ok", [("alice", True), ("j.smith", True), ("bob_2", True), ("alice.drafts", False),
                                      ("alice.rejects", False), ("x.", False), ("a..b", False), ("../x", False),
                                      ("-x", False), ("a" * 41, False)])
def test_visitor_names_follow_one_strict_pattern(name, ok):
    assert (visitor_name_problem(name) is None) is ok


@pytest.mark.parametrize("format", ["doccano", "labelstudio"])
def test_import_never_appends_to_its_own_input(tmp_path, format):
    """Every command checks its outputs against its inputs; the doccano and Label Studio imports did not."""
    write_decisions(tmp_path / "in.jsonl")
    before = (tmp_path / "in.jsonl").read_bytes()
    done = annotator("import", format, "in.jsonl", "-o", "in.jsonl", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "error: in.jsonl: the output is the same file as the input in.jsonl" in done.stderr
    assert (tmp_path / "in.jsonl").read_bytes() == before
