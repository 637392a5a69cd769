"""The real program in a real terminal (tmux): keys in, screen read back, decisions on disk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.tui.conftest import SEED_PRELABELED, read_records

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ANNOTATOR = Path(sys.executable).with_name("annotator")
#: A tmux server of this module's own (one per test process): tests in other processes, or a person's
#: tmux, never share it. On the default server, a session killed as the last one stops the server while
#: another test's ``new-session`` is connecting to it ("server exited unexpectedly").
SOCKET = f"annotator-tests-{uuid.uuid4().hex[:8]}"


def _tmux(*args: str) -> str:
    # Without COLUMNS/LINES (set by some test tools): the program must take tmux's size, not theirs.
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return subprocess.run(["tmux", "-L", SOCKET, *args], check=True, capture_output=True, text=True, env=env).stdout


def _kill(session: str) -> None:
    subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", session], capture_output=True)


@pytest.fixture(scope="module", autouse=True)
def _server():
    """The module's server, kept up between tests by a session of its own (a test's last session
    killed would otherwise stop it under the next test's ``new-session``), and stopped at the end."""
    _tmux("new-session", "-d", "-s", "keep-server", "-x", "80", "-y", "24")
    socket = Path(_tmux("display-message", "-p", "-t", "keep-server", "#{socket_path}").strip())
    yield
    subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
    socket.unlink(missing_ok=True)


def _wait_for(session: str, text: str, timeout: float = 20.0, present: bool = True) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if (text in screen) == present:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def test_annotate_in_a_real_terminal(tmp_path):
    out = tmp_path / "out.jsonl"
    session = f"annotator-test-{uuid.uuid4().hex[:8]}"
    command = f"env -u COLUMNS -u LINES {ANNOTATOR} annotate {SEED_PRELABELED} -o {out} --annotator tmux; sleep 5"
    _tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
    try:
        _wait_for(session, "Quotes (9)")
        # The total is counted a moment after the first document shows ("0 / ? decided" until then).
        screen = _wait_for(session, "0 / 1 decided")
        assert "she → Maria Zakharova" in screen
        _tmux("send-keys", "-t", session, "j")
        _wait_for(session, "DATE “2023-07-11”")
        _tmux("send-keys", "-t", session, "d")
        _wait_for(session, "deleted DATE")
        _tmux("send-keys", "-t", session, "?")
        _wait_for(session, "annotate — keys")
        _tmux("send-keys", "-t", session, "Escape")
        # A key sent right after escape would arrive as alt+key: wait until the help has closed.
        _wait_for(session, "annotate — keys", present=False)
        _tmux("send-keys", "-t", session, "a")
        screen = _wait_for(session, "No more documents")
        assert "1 / 1 decided" in screen
        _tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "annotator" in _tmux("capture-pane", "-p", "-t", session):
            time.sleep(0.1)
    finally:
        _kill(session)
    [record] = read_records(out)
    assert record["answer"] == "accept" and record["_annotator_id"] == "tmux"
    assert not [s for s in record["spans"] if s["label"] == "DATE" and s["start"] == 6]


def test_an_edit_survives_kill_9_before_any_decision(tmp_path):
    import json
    import signal

    out = tmp_path / "out.jsonl"
    command = f"exec env -u COLUMNS -u LINES {ANNOTATOR} annotate {SEED_PRELABELED} -o {out} --annotator tmux"
    first = f"annotator-kill-{uuid.uuid4().hex[:8]}"
    _tmux("new-session", "-d", "-s", first, "-x", "120", "-y", "40", command)
    try:
        _wait_for(first, "Quotes (9)")
        pid = int(_tmux("display-message", "-p", "-t", first, "#{pane_pid}").strip())
        _tmux("send-keys", "-t", first, "/")
        _wait_for(first, "search text")
        _tmux("send-keys", "-t", first, "-l", "cluster")
        _tmux("send-keys", "-t", first, "Enter")
        _wait_for(first, "search text", present=False)
        _tmux("send-keys", "-t", first, "v", "w", "1")  # "cluster munitions" as a PERSON, for the test
        _wait_for(first, "added PERSON 'cluster munitions'")
        os.kill(pid, signal.SIGKILL)
    finally:
        _kill(first)
    assert not out.exists() or out.read_text() == ""  # nothing decided
    drafts = [json.loads(line) for line in (tmp_path / "out.drafts.jsonl").read_text().splitlines()]
    seed = json.loads(SEED_PRELABELED.read_text())
    tokens = seed["tokens"]
    assert ("PERSON", "cluster munitions") in [
        (label, seed["text"][tokens[first]["start"]:tokens[last]["end"]]) for first, last, label, *_ in drafts[-1]["spans"]]

    second = f"annotator-kill-{uuid.uuid4().hex[:8]}"
    _tmux("new-session", "-d", "-s", second, "-x", "120", "-y", "40", command)
    try:
        screen = _wait_for(second, "Quotes (9)")
        assert "[draft, undecided]" in screen
        _tmux("send-keys", "-t", second, "/")
        _wait_for(second, "search text")
        _tmux("send-keys", "-t", second, "-l", "cluster")
        _tmux("send-keys", "-t", second, "Enter")
        _wait_for(second, "PERSON “cluster munitions”")
        _tmux("send-keys", "-t", second, "a")
        _wait_for(second, "No more documents")
        _tmux("send-keys", "-t", second, "q")
    finally:
        _kill(second)
    [record] = read_records(out)
    assert any(s["label"] == "PERSON" and s["text"] == "cluster munitions" for s in record["spans"])


@pytest.mark.model
def test_make_run_path_prelabels_plain_text_with_the_real_model(tmp_path):
    """What ``make run`` does: plain .txt pre-labeled in the background by the real model while the
    COREF helper warms up; both import spaCy off the UI thread, and neither may break the other."""
    from tests.conftest import SEEDS

    out = tmp_path / "out.jsonl"
    session = f"annotator-run-{uuid.uuid4().hex[:8]}"
    command = f"env -u COLUMNS -u LINES {ANNOTATOR} annotate {SEEDS} -o {out} --annotator tmux; sleep 5"
    _tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
    try:
        screen = _wait_for(session, "pre-labels by", timeout=60)
        assert "Error" not in screen and "Traceback" not in screen
        _wait_for(session, "she → Maria Zakharova", timeout=30)
        _tmux("send-keys", "-t", session, "a")
        _wait_for(session, "1 / 1 decided")
        _tmux("send-keys", "-t", session, "q")
    finally:
        _kill(session)
    [record] = read_records(out)
    assert record["answer"] == "accept" and any(s["label"] == "QUOTE" for s in record["spans"])


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_gone(pid: int, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not _running(pid)


def _start_under(session: str, command: str) -> int:
    """``command`` (which runs ``annotate`` as a child) in a new terminal, one edit made: annotate's pid."""
    _tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
    _wait_for(session, "Quotes (9)")
    _tmux("send-keys", "-t", session, "j")
    _wait_for(session, "DATE “2023-07-11”")
    _tmux("send-keys", "-t", session, "d")
    _wait_for(session, "deleted DATE")
    # The shell's command line names annotate too: the program is the last (deepest) to name it.
    found, pids = None, [int(_tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())]
    while pids:
        pid = pids.pop(0)
        if f"annotate {SEED_PRELABELED}" in Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode():
            found = pid
        pids += _children(pid)
    assert found is not None, "annotate was not found under the terminal's shell"
    return found


def _draft_keeps_the_deletion(out: Path) -> bool:
    import json

    drafts = [json.loads(line) for line in out.with_name("out.drafts.jsonl").read_text().splitlines()]
    seed = json.loads(SEED_PRELABELED.read_text())
    date_spans = [s for s in seed["spans"] if s["label"] == "DATE"]
    return len([s for s in drafts[-1]["spans"] if s[2] == "DATE"]) == len(date_spans) - 1


def test_the_program_leaves_when_its_terminal_hangs_up(tmp_path):
    """A terminal that goes away (a tmux pane killed, an SSH connection dropped) while make leads its
    session, as when tmux runs ``make run`` itself: no SIGHUP reaches annotate. It must see the
    hang-up, exit and keep its drafts, not read end-of-file forever on a core (as it did with
    Textual 8.2's own driver)."""
    out = tmp_path / "out.jsonl"
    makefile = tmp_path / "Makefile"
    makefile.write_text(f"run:\n\tenv -u COLUMNS -u LINES {ANNOTATOR} annotate {SEED_PRELABELED} -o {out}\n")
    session = f"annotator-hangup-{uuid.uuid4().hex[:8]}"
    try:
        program = _start_under(session, f"exec make -s -f {makefile} run")
    finally:
        _kill(session)
    try:
        assert _wait_gone(program), f"annotate (pid {program}) still runs after its terminal hung up"
    finally:
        if _running(program):
            os.kill(program, 9)
    assert _draft_keeps_the_deletion(out)
    assert not out.exists() or out.read_text() == ""  # nothing decided


def test_sigterm_exits_cleanly_with_128_plus_the_signal(tmp_path):
    out = tmp_path / "out.jsonl"
    status = tmp_path / "status"
    session = f"annotator-term-{uuid.uuid4().hex[:8]}"
    try:
        program = _start_under(session, f"env -u COLUMNS -u LINES {ANNOTATOR} annotate {SEED_PRELABELED} -o {out}; "
                                        f"echo $? > {status}; echo shell-is-back; sleep 30")
        os.kill(program, 15)
        screen = _wait_for(session, "shell-is-back")
        assert "Quotes (9)" not in screen  # the terminal left the program's screen
    finally:
        _kill(session)
    assert status.read_text().strip() == "143"
    assert _draft_keeps_the_deletion(out)
