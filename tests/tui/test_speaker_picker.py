"""``s`` opens the speaker picker over the text, inside the annotate screen (no modal screen): the
nearest plausible speakers first, the row enter would choose marked in the text too, typing
filters, a digit or enter links, escape leaves the screen as it was. Checked on the painted screen
at 120x40 (label rows) and 80x24, and on the records the store writes."""

from __future__ import annotations

import pytest

from annotator.core.records import QUOTE, SAID_BY
from annotator.tui.choice_picker import ChoicePicker
from annotator.tui.screens.document_screen import DocumentScreen
from annotator.tui.widgets.document_view import DocumentView
from tests.tui.conftest import SEED_PRELABELED, latest_by_hash, ready
from tests.tui.painted import has_choice, has_focus, marked_words, screen_text, view_cells

SIZES = [pytest.param((120, 40), id="120x40-label-rows"), pytest.param((80, 24), id="80x24")]


def _rows(app) -> list[str]:
    """The picker's numbered rows as painted (inside its box's sides)."""
    rows = []
    for line in screen_text(app).splitlines():
        inside = line.split("│")
        if len(inside) >= 4 and inside[2].strip()[:1].isdigit():
            rows.append(inside[2].strip())
    return rows


def _choice_words(app, screen) -> list[str]:
    view = screen.query_one(DocumentView)
    return marked_words(view_cells(app, view, has_choice(view)))


def _where_words(screen, picker: ChoicePicker) -> list[str]:
    start, end = picker.current.where
    return screen.session.task.text[start:end].split()


@pytest.mark.parametrize("size", SIZES)
async def test_s_draws_the_speakers_over_the_text_and_escape_puts_the_screen_back(make_app, size):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("right_parenthesis")  # the first quote, said by "she"
        await pilot.pause()
        quote = screen.editor.focused
        assert quote.label == QUOTE
        before = screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is screen and isinstance(screen, DocumentScreen)  # no modal screen
        picker = screen.editor.mode
        assert isinstance(picker, ChoicePicker)
        shown = screen_text(app)
        assert "Speaker of “Do you really think" in shown
        assert "PICK" in shown.splitlines()[-1]  # the footer line says how to choose
        rows = _rows(app)
        # Nearest first, the current speaker highlighted; the first nine numbered.
        assert rows[0].startswith("1  SPK  she") and "← current" in rows[0]
        assert [row[0] for row in rows[:9]] == list("123456789")
        # The quote stays in view (its first words carry the focus) and the row enter would choose
        # is marked in the text: "she", the current speaker.
        view = screen.query_one(DocumentView)
        focused = marked_words(view_cells(app, view, has_focus(view)))
        assert focused and task_words(screen, quote)[:len(focused)] == focused
        assert _choice_words(app, screen) == ["she"]
        # down: the next row is highlighted, and its span is what the text marks now.
        await pilot.press("down")
        await pilot.pause()
        assert picker.highlighted == 1
        assert _choice_words(app, screen) == _where_words(screen, picker)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.editor.mode is None
        assert screen_text(app) == before
        assert _choice_words(app, screen) == []


def task_words(screen, span) -> list[str]:
    return screen.session.task.span_text(span).split()


@pytest.mark.parametrize("size", SIZES)
async def test_typing_filters_the_rows_and_backspace_brings_them_back(make_app, size):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("right_parenthesis", "s")
        await pilot.pause()
        everything = _rows(app)
        await pilot.press(*"zakh")
        await pilot.pause()
        rows = _rows(app)
        assert rows and all("zakh" in row.casefold() for row in rows) and len(rows) < len(everything)
        assert "type to filter: zakh" in screen_text(app)
        # The first row left is highlighted, and its words (on screen, above the box) are marked.
        assert _choice_words(app, screen) == _where_words(screen, screen.editor.mode)
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        await pilot.pause()
        assert _rows(app) == everything
        await pilot.press("escape")


async def test_enter_links_the_highlighted_row_and_the_record_says_so(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("right_parenthesis")
        quote = screen.editor.focused
        await pilot.press("s", *"person")
        await pilot.press("down")
        picker = screen.editor.mode
        wanted = picker.current.where
        await pilot.press("enter")
        await pilot.pause()
        assert screen.editor.mode is None and "Speaker of" not in screen_text(app)
        assert screen.session.speaker_of(quote) is not None
        await pilot.press("a")
        await pilot.pause()
    [record] = latest_by_hash(tmp_path / "out.jsonl").values()
    [said_by] = [r for r in record["relations"] if r["label"] == SAID_BY and r["head_span"] == quote.to_dict()]
    child = said_by["child_span"]
    assert (child["start"], child["end"]) == wanted
    assert child["label"] == "SPEAKER"


async def test_a_digit_with_no_row_does_nothing_and_a_digit_with_one_links_it(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("right_parenthesis")
        quote = screen.editor.focused
        old = screen.session.speaker_of(quote)
        await pilot.press("s", *"lav")
        rows = len(screen.editor.mode.shown)
        assert 1 < rows < 9
        await pilot.press(str(rows + 1))  # no such row: the picker stays open, nothing changes
        await pilot.pause()
        assert isinstance(screen.editor.mode, ChoicePicker) and screen.session.speaker_of(quote) == old
        second = screen.editor.mode.shown[1].where
        await pilot.press("2")
        await pilot.pause()
        assert screen.editor.mode is None
        await pilot.press("a")
        await pilot.pause()
    [record] = latest_by_hash(tmp_path / "out.jsonl").values()
    [said_by] = [r for r in record["relations"] if r["label"] == SAID_BY and r["head_span"] == quote.to_dict()]
    assert (said_by["child_span"]["start"], said_by["child_span"]["end"]) == second
