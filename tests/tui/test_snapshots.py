"""The look of the annotator at fixed terminal sizes (120x40 and 80x24), on the frozen pre-labeled seed."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.tui.conftest import DATA, SEED_PRELABELED, SIZE

# The header shows the source as given: a path relative to the checkout keeps the snapshots
# the same wherever the repository is cloned.
SEED_PRELABELED = SEED_PRELABELED.relative_to(ROOT)
#: tests/tui/suggestion_tasks.py's story with its three suggestions (test_suggestions checks it is)
SUGGESTIONS = (DATA / "suggestions.jsonl").relative_to(ROOT)


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch):
    monkeypatch.chdir(ROOT)


async def _ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen_with_a_focused_quote(snap_compare, make_app):
    assert snap_compare(make_app([SEED_PRELABELED]), terminal_size=SIZE, run_before=_ready,
                        press=["tab", "tab"])


def test_selection_in_progress(snap_compare, make_app):
    assert snap_compare(make_app([SEED_PRELABELED]), terminal_size=SIZE, run_before=_ready,
                        press=["j", "j", "j", "v", "w", "w"])


def test_help_screen(snap_compare, make_app):
    assert snap_compare(make_app([SEED_PRELABELED]), terminal_size=SIZE, run_before=_ready,
                        press=["question_mark"])


def test_label_picker_filtered(snap_compare, make_app):
    assert snap_compare(make_app([SEED_PRELABELED]), terminal_size=SIZE, run_before=_ready,
                        press=["tab", "e", "o"])


SMALL = (80, 24)


def test_jump_hints_on_screen(snap_compare, make_app):
    assert snap_compare(make_app([SEED_PRELABELED]), terminal_size=SIZE, run_before=_ready, press=["f"])


def test_small_terminal_with_a_focused_span(snap_compare, make_app):
    assert snap_compare(make_app([SEED_PRELABELED]), terminal_size=SMALL, run_before=_ready,
                        press=["right_parenthesis", "right_parenthesis"])


def test_small_terminal_help_screen(snap_compare, make_app):
    assert snap_compare(make_app([SEED_PRELABELED]), terminal_size=SMALL, run_before=_ready,
                        press=["question_mark", "pagedown"])


def test_small_terminal_quit_question(snap_compare, make_app):
    assert snap_compare(make_app([SEED_PRELABELED]), terminal_size=SMALL, run_before=_ready,
                        press=["tab", "d", "q"])


def test_a_suggestion_reached(snap_compare, make_app):
    """The suggested quotes on a grey ground, underlined; the one reached marked as focus; the status
    line names it with its speaker and score; its own heading in the panel; + and - in the footer."""
    assert snap_compare(make_app([SUGGESTIONS]), terminal_size=SIZE, run_before=_ready,
                        press=["greater_than_sign", "greater_than_sign"])


def test_small_terminal_on_a_suggestion(snap_compare, make_app):
    assert snap_compare(make_app([SUGGESTIONS]), terminal_size=SMALL, run_before=_ready,
                        press=["greater_than_sign"])


async def test_the_label_picker_does_not_change_while_nobody_types(make_app):
    """What the snapshot above takes is still there later: no blinking cursor (the modal's filter
    box blinked every 0.5 s, so under load the snapshot caught it off and failed)."""
    import asyncio

    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await pilot.press("tab", "e", "o")
        await pilot.pause()
        first = app.export_screenshot()
        for _ in range(3):
            await asyncio.sleep(0.3)
            await pilot.pause()
            assert app.export_screenshot() == first
