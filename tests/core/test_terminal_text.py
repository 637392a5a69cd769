"""One display rule for every string read from a file: nothing in it reaches the terminal as a control."""

from __future__ import annotations

import pytest

from annotator.core.terminal_text import one_line, printable

ATTACKS = {
    "OSC title": "\x1b]0;owned\x07",
    "OSC 52 clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "CSI clear screen": "\x1b[2J\x1b[H",
    "C1 CSI": "\x9b2J",
    "C1 OSC": "\x9d0;title\x9c",
    "bidi override": "abc\u202edcba\u202c",
    "bidi isolate": "\u2066x\u2069",
    "backspace and bell": "a\x08\x07",
    "line separator": "a\u2028b",
    "lone surrogate": "a\ud800b",
}


@pytest.mark.parametrize("text", list(ATTACKS.values()), ids=list(ATTACKS))
def test_every_control_becomes_one_visible_character(text):
    safe = printable(text)
    assert len(safe) == len(text)
    assert all(c == "\n" or (c.isprintable() and not 0xD800 <= ord(c) < 0xE000) for c in safe), repr(safe)
    safe.encode("utf-8")  # never raises


def test_escape_shows_as_its_control_picture_and_newlines_stay_only_when_asked():
    assert printable("a\x1bb\nc") == "a␛b\nc"
    assert one_line("a\x1bb\nc") == "a␛b␊c"
    assert printable("plain [bold]markup[/] stays as typed") == "plain [bold]markup[/] stays as typed"
