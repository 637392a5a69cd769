"""An existing output is never replaced without ``force`` (every format, every file it writes), and a
folder output (hf, brat) is built whole: a failed export leaves no folder, empty or half-written."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.core.sources import InputError
from annotator.formats.exporting import export_annotations

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "export" / "annotations.jsonl"
FORMATS = ("spacy", "prodigy", "conll", "hf", "brat", "doccano", "labelstudio")
FOLDER_FORMATS = ("hf", "brat")


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) → a digest of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


def copy_of_fixture(folder: Path) -> Path:
    source = folder / "in.jsonl"
    source.write_bytes(FIXTURE.read_bytes())
    return source


def broken_late(folder: Path) -> Path:
    """The fixture with an invariant broken on its second-last line: found only while writing."""
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[-2])
    broken["spans"][0]["end"] = 10_000
    source = folder / "broken.jsonl"
    source.write_text("\n".join(lines[:-2] + [json.dumps(broken), lines[-1]]) + "\n", encoding="utf-8")
    return source


@pytest.mark.parametrize("split", [None, "0.5,0.5"])
@pytest.mark.parametrize("format", FORMATS)
def test_an_existing_output_is_refused_without_force_and_nothing_is_written(tmp_path, format, split):
    source = copy_of_fixture(tmp_path)
    output = tmp_path / "out"
    export_annotations(sources=[source], format=format, output=output, split=split)
    before = tree(tmp_path)
    with pytest.raises(InputError, match=r"/out[^:]*: already exists.*--force"):
        export_annotations(sources=[source], format=format, output=output, split=split)
    assert tree(tmp_path) == before


@pytest.mark.parametrize("format", FORMATS)
def test_force_replaces_an_earlier_export_whole(tmp_path, format):
    source = copy_of_fixture(tmp_path)
    output = tmp_path / "out"
    export_annotations(sources=[source], format=format, output=output, split="0.5,0.5")
    first = tree(tmp_path)
    export_annotations(sources=[source], format=format, output=output, force=True)
    again = tmp_path / "again"
    again.mkdir()
    (again / "in.jsonl").write_bytes(source.read_bytes())
    export_annotations(sources=[again / "in.jsonl"], format=format, output=again / "out")
    # The forced export is exactly a fresh one: no file of the earlier split export is left inside it.
    fresh = {name: digest for name, digest in tree(again).items() if name != "in.jsonl"}
    if format in FOLDER_FORMATS:
        assert {k: v for k, v in tree(tmp_path).items() if k == "out" or k.startswith("out/")} == fresh
    else:
        assert tree(tmp_path)["out"] == fresh["out"]
    assert first != tree(tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("extra, option", [("quotes.cfg", "config"), ("out.label_config.xml", None)])
def test_an_existing_sidecar_is_refused_too(tmp_path, extra, option):
    source = copy_of_fixture(tmp_path)
    (tmp_path / extra).write_text("mine\n", encoding="utf-8")
    format, kwargs = ("spacy", {"options": {"config": tmp_path / extra}}) if option else ("labelstudio", {})
    with pytest.raises(InputError, match=rf"{extra}: already exists"):
        export_annotations(sources=[source], format=format, output=tmp_path / "out", **kwargs)
    assert (tmp_path / extra).read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("format", FOLDER_FORMATS)
def test_force_never_replaces_a_folder_holding_other_files(tmp_path, format):
    source = copy_of_fixture(tmp_path)
    output = tmp_path / "out"
    export_annotations(sources=[source], format=format, output=output)
    (output / "notes.md").write_text("my notes", encoding="utf-8")
    before = tree(tmp_path)
    with pytest.raises(InputError, match=r"out: holds 'notes.md', which this export does not write"):
        export_annotations(sources=[source], format=format, output=output, force=True)
    assert tree(tmp_path) == before


@pytest.mark.parametrize("format", FOLDER_FORMATS)
def test_an_empty_folder_is_taken_over_without_force(tmp_path, format):
    source = copy_of_fixture(tmp_path)
    (tmp_path / "out").mkdir()
    export_annotations(sources=[source], format=format, output=tmp_path / "out")
    assert any((tmp_path / "out").iterdir())


def test_force_never_replaces_a_folder_that_holds_an_input(tmp_path):
    output = tmp_path / "out"
    output.mkdir()
    source = copy_of_fixture(output)
    with pytest.raises(InputError, match=r"out: the input .*in.jsonl is inside this output folder"):
        export_annotations(sources=[source], format="hf", output=output, force=True)
    assert source.read_bytes() == FIXTURE.read_bytes()


@pytest.mark.parametrize("format", FOLDER_FORMATS)
def test_a_folder_export_that_fails_part_way_leaves_no_folder(tmp_path, format):
    source = broken_late(tmp_path)
    with pytest.raises(InputError, match=r"broken.jsonl:7"):
        export_annotations(sources=[source], format=format, output=tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.jsonl"]


@pytest.mark.parametrize("format", FOLDER_FORMATS)
def test_a_forced_folder_export_that_fails_leaves_the_earlier_export_as_it_was(tmp_path, format):
    output = tmp_path / "out"
    export_annotations(sources=[FIXTURE], format=format, output=output, split="0.5,0.5")
    source = broken_late(tmp_path)
    before = tree(tmp_path)
    with pytest.raises(InputError, match=r"broken.jsonl:7"):
        export_annotations(sources=[source], format=format, output=output, force=True)
    assert tree(tmp_path) == before


KILLED_FOLDER_EXPORT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from annotator.core.atomic import AtomicFileSet
    folder = Path(sys.argv[1])
    with AtomicFileSet([folder / "train.jsonl", folder / "labels.json"], [folder]) as files:
        files[folder / "train.jsonl"].write(b"partial data")
        print("writing", flush=True)
        time.sleep(60)
""")


def start_killed_export(folder: Path) -> subprocess.Popen:
    # Ctrl-C as a user sends it: a child started from a background job inherits SIGINT ignored, and
    # Python then installs no KeyboardInterrupt handler, so the default is restored first.
    proc = subprocess.Popen([sys.executable, "-c", KILLED_FOLDER_EXPORT, str(folder)], stdout=subprocess.PIPE,
                            text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdout.readline() == "writing\n"
    return proc


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_during_a_folder_export_leaves_no_folder_behind(tmp_path, signum):
    proc = start_killed_export(tmp_path / "quotes-hf")
    assert [p.name.startswith(".quotes-hf.") for p in tmp_path.iterdir()] == [True]
    proc.send_signal(signum)
    assert proc.wait(timeout=30) in (128 + signum, -signum)  # Ctrl-C: KeyboardInterrupt re-raises SIGINT
    proc.stdout.close()
    assert list(tmp_path.iterdir()) == []


def test_after_sigkill_the_next_folder_export_removes_the_leftover_folder(tmp_path):
    proc = start_killed_export(tmp_path / "out")
    proc.kill()
    proc.wait(timeout=30)
    proc.stdout.close()
    assert len(list(tmp_path.glob(".out.*.tmp"))) == 1
    export_annotations(sources=[FIXTURE], format="hf", output=tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_folder_outputs_get_ordinary_permissions(tmp_path):
    export_annotations(sources=[FIXTURE], format="hf", output=tmp_path / "out")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o777 & ~umask
    assert (tmp_path / "out" / "train.jsonl").stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_symlinked_folder_output_needs_force_and_only_the_link_is_replaced(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "out").symlink_to(elsewhere)
    with pytest.raises(InputError, match=r"out: already exists \(a symbolic link\)"):
        export_annotations(sources=[FIXTURE], format="brat", output=tmp_path / "out")
    export_annotations(sources=[FIXTURE], format="brat", output=tmp_path / "out", force=True)
    assert not (tmp_path / "out").is_symlink() and any((tmp_path / "out").glob("*.ann"))
    assert [p.name for p in elsewhere.iterdir()] == ["keep.txt"]
