"""An edit repaints only the lines of the spans it changed (``DocumentView.update_spans``): what
stays cached must be what a full repaint draws, line by line, text and label rows alike."""

from __future__ import annotations

import pytest

from annotator.tui.widgets.document_view import DocumentView
from tests.tui.conftest import SEED_PRELABELED, ready

SIZES = [pytest.param((120, 40), id="120x40-label-rows"), pytest.param((80, 24), id="80x24")]


def assert_as_if_drawn_afresh(view: DocumentView) -> None:
    kept = dict(enumerate(view._line_spans))
    on_screen = [list(view.render_line(y)) for y in range(view.scrollable_content_region.height)]
    view._index_spans()
    view._cache.clear()
    assert dict(enumerate(view._line_spans)) == kept, "a line's spans differ from a full index"
    afresh = [list(view.render_line(y)) for y in range(view.scrollable_content_region.height)]
    assert on_screen == afresh


@pytest.mark.parametrize("size", SIZES)
async def test_edits_and_undo_leave_every_line_as_a_full_repaint_draws_it(make_app, size):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        view = screen.query_one(DocumentView)
        # A quote's end out and back, a delete, a new span from a selection, undo and redo.
        for keys in (["right_parenthesis", "right_curly_bracket"], ["right_curly_bracket", "3"],
                     ["left_curly_bracket"], ["tab", "tab", "d"], ["w", "v", "w", "2"], ["u"], ["u"],
                     ["ctrl+y"], ["right_parenthesis", "right_parenthesis", "t"],
                     # spans away from the focused quote: a new cue, a speaker unlinked (and removed)
                     ["right_parenthesis", "c", "2"], ["D"], ["u"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert_as_if_drawn_afresh(view)


async def test_side_panel_rows_kept_across_edits_are_the_rows_built_afresh(make_app):
    """The side panel builds again only the rows of spans an edit made or relinked
    (``DocumentScreen._rows``): after each edit its rows equal those of a build from nothing."""
    from annotator.tui.widgets.span_list import SpanList

    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        panel = screen.query_one(SpanList)
        for keys in (["right_parenthesis", "right_curly_bracket"], ["s", "2"], ["D"], ["u"], ["u"],
                     ["tab", "tab", "d"], ["ctrl+y"], ["w", "v", "w", "2"], ["right_parenthesis", "t"],
                     ["right_parenthesis", "c", "2"], ["u"]):
            await pilot.press(*keys)
            await pilot.pause()
            kept = list(panel._lines)
            screen._rows = {}
            screen.show_spans()
            assert panel._lines == kept, keys
