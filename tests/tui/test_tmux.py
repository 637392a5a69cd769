"""The real program in a real terminal (tmux): keys in, screen read back, decisions on disk."""

from __future__ import annotations

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


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


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
    command = f"{ANNOTATOR} annotate {SEED_PRELABELED} -o {out} --annotator tmux; sleep 5"
    _tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
    try:
        screen = _wait_for(session, "Quotes (9)")
        assert "0 / 1 decided" in screen
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
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    [record] = read_records(out)
    assert record["answer"] == "accept" and record["_annotator_id"] == "tmux"
    assert not [s for s in record["spans"] if s["label"] == "DATE" and s["start"] == 6]
