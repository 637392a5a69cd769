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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from abuse_cases import Case, cases  # noqa: E402  (bench/abuse_cases.py)

#: Byte sequences that must never reach the terminal from a record or a file name.
FORBIDDEN = [b"\x1b]", b"\x1b[2J", b"\xc2\x9b", b"\xc2\x9d", b"\x07", "\u202e".encode(), b"\x1bP"]
ENV = {**os.environ, "TERM": "xterm-256color", "FORCE_COLOR": "1", "COLUMNS": "160", "PYTHONIOENCODING": "utf-8"}


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
