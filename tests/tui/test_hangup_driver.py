"""``hung_up``: the terminal's hang-up seen with no read (the driver's watch; the real program under
tmux is in ``test_tmux``)."""

from __future__ import annotations

import os

from annotator.tui.hangup_driver import hung_up


def test_a_live_terminal_has_not_hung_up_and_a_closed_one_has():
    controller, terminal = os.openpty()
    try:
        assert not hung_up(terminal)
        os.write(controller, b"typed")
        assert not hung_up(terminal)  # input waiting is not a hang-up
        os.close(controller)
        assert hung_up(terminal, timeout_ms=1000)
    finally:
        os.close(terminal)


def test_a_pipe_whose_writer_closed_has_hung_up():
    reader, writer = os.pipe()
    try:
        assert not hung_up(reader)
        os.close(writer)
        assert hung_up(reader)
    finally:
        os.close(reader)


def test_the_linux_driver_is_swapped_and_the_others_are_kept(monkeypatch):
    from textual.app import App

    from annotator.tui.app import AnnotatorApp
    from annotator.tui.hangup_driver import HangupDriver

    monkeypatch.setattr("textual.constants.DRIVER", None)
    assert App.get_driver_class(AnnotatorApp.__new__(AnnotatorApp)).__name__ == "LinuxDriver"
    assert AnnotatorApp.get_driver_class(AnnotatorApp.__new__(AnnotatorApp)) is HangupDriver
    # TEXTUAL_DRIVER, as textual-serve sets it for the browser's driver (read when Textual is imported)
    monkeypatch.setattr("textual.constants.DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    assert AnnotatorApp.get_driver_class(AnnotatorApp.__new__(AnnotatorApp)).__name__ == "HeadlessDriver"
