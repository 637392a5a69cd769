"""Export outputs: an input is never overwritten, a FIFO is refused by name, and no temporary file
outlives an interrupted export (signals unwind; the next run removes what SIGKILL left)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.core.sources import InputError
from annotator.core.atomic import AtomicFile, AtomicFileSet, remove_stale_temporaries
from annotator.core.output_paths import check_output_path
from annotator.formats.exporting import export_annotations

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "export" / "annotations.jsonl"


@pytest.mark.parametrize("format", ["spacy", "prodigy", "conll", "hf"])
@pytest.mark.parametrize("how", ["same name", "symlink", "hard link"])
def test_export_onto_its_own_input_is_refused_and_the_input_kept(tmp_path, format, how):
    source = tmp_path / "ann.jsonl"
    source.write_bytes(FIXTURE.read_bytes())
    output = source
    if how == "symlink":
        output = tmp_path / "out.data"
        output.symlink_to(source)
    elif how == "hard link":
        output = tmp_path / "out.data"
        os.link(source, output)
    # hf writes a folder, so a file named as its output is refused for that reason first.
    refusal = "this is a file" if format == "hf" else "the output is the same file as the input"
    with pytest.raises(InputError, match=refusal):
        export_annotations(sources=[source], format=format, output=output)
    assert source.read_bytes() == FIXTURE.read_bytes()
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_split_file_that_is_an_input_is_refused_too(tmp_path):
    source = tmp_path / "ann.train.jsonl"
    source.write_bytes(FIXTURE.read_bytes())
    with pytest.raises(InputError, match=r"ann\.train\.jsonl: the output is the same file"):
        export_annotations(sources=[source], format="prodigy", output=tmp_path / "ann.jsonl", split="0.5,0.5")
    assert source.read_bytes() == FIXTURE.read_bytes()


def test_a_named_pipe_as_output_is_refused_and_left_a_pipe(tmp_path):
    fifo = tmp_path / "out.spacy"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"out\.spacy: the output is a named pipe"):
        check_output_path(fifo)
    with pytest.raises(InputError, match="named pipe"):
        export_annotations(sources=[FIXTURE], format="spacy", output=fifo)
    assert fifo.is_fifo()


def test_stale_temporaries_are_removed_but_not_those_of_a_running_export(tmp_path):
    target = tmp_path / "out.spacy"
    left = AtomicFile(target)
    stale = left._temporary.holder
    left._temporary._fd = os.close(left._temporary._fd) or -1  # as after SIGKILL: marked, unlocked
    unrelated = tmp_path / ".other.spacy.abc123.tmp"
    unrelated.write_bytes(b"y")
    running = AtomicFile(target)  # holds its temporary locked
    try:
        assert not stale.exists()  # cleaned when ``running`` started
        assert running.temp_path.exists()
        assert remove_stale_temporaries(target) == []
        assert running.temp_path.exists() and unrelated.exists()
    finally:
        running.discard()
    assert not running.temp_path.exists()


def test_clean_up_removes_only_temporaries_it_made(tmp_path):
    """A file or folder that is only named like a temporary (no marker inside) is never removed."""
    target = tmp_path / "o.jsonl"
    mine = tmp_path / ".o.jsonl.notes.tmp"
    mine.mkdir()
    (mine / "draft.txt").write_text("my own notes", encoding="utf-8")
    also_mine = tmp_path / ".o.jsonl.2024.tmp"
    also_mine.write_text("kept", encoding="utf-8")
    with AtomicFile(target) as out:
        out.write(b"data\n")
    assert remove_stale_temporaries(target) == []
    assert (mine / "draft.txt").read_text(encoding="utf-8") == "my own notes"
    assert also_mine.read_text(encoding="utf-8") == "kept"
    assert target.read_bytes() == b"data\n"


KILLED_EXPORT = textwrap.dedent("""
    import sys, time
    from annotator.core.atomic import AtomicFileSet
    with AtomicFileSet([sys.argv[1], sys.argv[2]]) as files:
        for f in files.files.values():
            f.write(b"partial data")
        print("writing", flush=True)
        time.sleep(60)
""")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_export_leaves_no_temporary_file_behind(tmp_path, signum):
    targets = [tmp_path / "quotes.train.spacy", tmp_path / "quotes.dev.spacy"]
    proc = subprocess.Popen([sys.executable, "-c", KILLED_EXPORT, *map(str, targets)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "writing\n"
    assert len(list(tmp_path.glob(".*.tmp"))) == 2
    proc.send_signal(signum)
    assert proc.wait(timeout=30) == 128 + signum
    proc.stdout.close()
    assert list(tmp_path.iterdir()) == []


def test_after_sigkill_the_next_export_to_the_same_target_removes_the_leftovers(tmp_path):
    target = tmp_path / "quotes.spacy"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_EXPORT, str(target), str(tmp_path / "x.spacy")],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "writing\n"
    proc.kill()
    proc.wait(timeout=30)
    proc.stdout.close()
    assert len(list(tmp_path.glob(".quotes.spacy.*.tmp"))) == 1
    export_annotations(sources=[FIXTURE], format="spacy", output=target)
    assert not list(tmp_path.glob(".quotes.spacy.*.tmp"))
    assert target.exists()


def test_signal_handlers_are_restored_after_the_export(tmp_path):
    before = signal.getsignal(signal.SIGTERM)
    with AtomicFileSet([tmp_path / "a.conll"]) as files:
        assert signal.getsignal(signal.SIGTERM) is not before
        files[tmp_path / "a.conll"].write(b"x")
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_commit_that_fails_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"old\n")
    fsync, calls = os.fsync, []

    def dies_once(fd):  # the flush before the rename fails (a full disk, Ctrl-C); clean-up runs as it would
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        fsync(fd)

    monkeypatch.setattr(os, "fsync", dies_once)
    with pytest.raises(OSError), AtomicFile(target) as out:
        out.file.write(b"new\n")
    assert target.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
