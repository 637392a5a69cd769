"""What the screen shows is what the keys act on: after each navigation, selection and jump key the
focused span's cells (and only those) carry the focus style, a selection is drawn where it is, and
the cursor is on screen. These read the painted screen, not the screen's state."""

from __future__ import annotations

import pytest

from annotator.tui.screens.jump_hints import JumpHints
from annotator.tui.widgets.document_view import DocumentView
from tests.tui.conftest import SEED_PRELABELED, ready, write_jsonl
from tests.tui.painted import has_cursor, has_focus, has_selection, marked_words, view_cells

SIZES = [pytest.param((120, 40), id="120x40-label-rows"), pytest.param((80, 24), id="80x24")]


def _words(text: str) -> list[str]:
    return text.split()


def assert_focus_painted(app, screen) -> None:
    view = screen.query_one(DocumentView)
    span = screen.focused_span
    focused = marked_words(view_cells(app, view, has_focus(view)))
    if span is None:
        assert focused == [], f"nothing is focused but {focused} is painted as focused"
        return
    # A span taller than the view shows its first lines only: what is painted is its beginning.
    wanted = _words(screen.session.task.span_text(span))
    assert focused and wanted[:len(focused)] == focused, (
        f"status names {span.label} {wanted} but the focus is painted on {focused}")


@pytest.mark.parametrize("size", SIZES)
async def test_tab_paints_the_focus_on_the_span_the_status_names(make_app, size):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        for _ in range(14):
            await pilot.press("tab")
            await pilot.pause()
            assert_focus_painted(app, screen)
        for _ in range(5):
            await pilot.press("shift+tab")
            await pilot.pause()
            assert_focus_painted(app, screen)


async def test_focus_follows_after_label_rows_are_toggled(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        for _ in range(4):
            await pilot.press("tab")
        await pilot.press("L", "L", "tab")
        await pilot.pause()
        assert_focus_painted(app, screen)
        await pilot.press("L", "tab", "tab")
        await pilot.pause()
        assert_focus_painted(app, screen)


@pytest.mark.parametrize("size", SIZES)
async def test_a_quote_step_and_a_page_paint_their_focus(make_app, size):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        for key in [")", ")", "(", "pagedown", "j", "pagedown", "k", "pageup"]:
            await pilot.press(key)
            await pilot.pause()
            assert_focus_painted(app, screen)


@pytest.mark.parametrize("size", SIZES)
async def test_a_span_jump_paints_the_focus_on_the_span_jumped_to(make_app, size):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("tab", "tab", "tab")
        await pilot.press("f")
        hints = app.screen
        assert isinstance(hints, JumpHints)
        target = hints.targets[-1]
        await pilot.press(*hints.tags[-1])
        await pilot.pause()
        assert screen.focused_span == target
        assert_focus_painted(app, screen)


@pytest.mark.parametrize("size", SIZES)
async def test_a_selection_from_a_word_jump_is_drawn_where_it_is(make_app, size):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "tab")
        await pilot.press("g")
        hints = app.screen
        await pilot.press(*hints.tags[len(hints.tags) // 2])
        await pilot.press("v", "full_stop")
        await pilot.pause()
        assert screen.selecting
        view = screen.query_one(DocumentView)
        tokens = screen.session.task.tokens
        first, last = sorted((screen.selection_anchor, screen.cursor))
        wanted = _words(screen.session.task.text[tokens[first].start:tokens[last].end])
        either = has_selection(view), has_cursor(view)
        drawn = marked_words(view_cells(app, view, lambda style: any(has(style) for has in either)))
        assert drawn == wanted
        # The cursor is the selection's moving end, drawn on its own token.
        assert marked_words(view_cells(app, view, has_cursor(view))) == _words(tokens[screen.cursor].text)


@pytest.mark.parametrize("size", SIZES)
async def test_the_cursor_is_visible_after_a_word_jump_and_word_steps(make_app, size):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("tab", "tab", "g")
        hints = app.screen
        await pilot.press(*hints.tags[-1])
        for key in ["", "w", "w", "b", "right"]:
            if key:
                await pilot.press(key)
            await pilot.pause()
            view = screen.query_one(DocumentView)
            token = screen.session.task.tokens[screen.cursor]
            assert marked_words(view_cells(app, view, has_cursor(view))) == _words(token.text)
            assert_focus_painted(app, screen)


@pytest.mark.parametrize("size", SIZES)
async def test_a_search_hit_outside_any_span_is_scrolled_to_and_marked(make_app, tmp_path, size):
    paragraphs = [f"Paragraph {n} talks about the weather in general terms and little else." for n in range(60)]
    paragraphs[47] = "Paragraph 47 mentions a zeppelin over the harbour, which nobody expected."
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "\n\n".join(paragraphs)}])
    app = make_app([source])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"zeppelin", "enter")
        await pilot.pause()
        view = screen.query_one(DocumentView)
        assert marked_words(view_cells(app, view, has_cursor(view))) == ["zeppelin"]
        # v then selects from the hit, where the annotator is looking.
        await pilot.press("v", "w")
        await pilot.pause()
        either = has_selection(view), has_cursor(view)
        assert marked_words(view_cells(app, view, lambda s: any(h(s) for h in either))) == ["zeppelin", "over"]
