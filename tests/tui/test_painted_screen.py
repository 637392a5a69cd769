"""What the screen shows is what the keys act on: after each navigation, selection and jump key the
focused span's cells (and only those) carry the focus style, a selection is drawn where it is, and
the cursor is on screen. These read the painted screen, not the screen's state."""

from __future__ import annotations

import pytest

from annotator.tui.jump_hints import JumpHints
from annotator.tui.widgets.document_view import DocumentView
from tests.core.test_editing import tokenize
from tests.tui.conftest import SEED_PRELABELED, ready, write_jsonl
from tests.tui.painted import has_cursor, has_focus, has_selection, marked_words, painted, screen_text, view_cells

SIZES = [pytest.param((120, 40), id="120x40-label-rows"), pytest.param((80, 24), id="80x24")]


def _words(text: str) -> list[str]:
    return text.split()


def assert_focus_painted(app, screen) -> None:
    view = screen.query_one(DocumentView)
    span = screen.editor.focused
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
        hints = screen.editor.mode
        assert isinstance(hints, JumpHints)
        target = hints.targets[-1]
        await pilot.press(*hints.tags[-1])
        await pilot.pause()
        assert screen.editor.focused == target
        assert_focus_painted(app, screen)


@pytest.mark.parametrize("size", SIZES)
async def test_a_selection_from_a_word_jump_is_drawn_where_it_is(make_app, size):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "tab")
        await pilot.press("g")
        hints = screen.editor.mode
        await pilot.press(*hints.tags[len(hints.tags) // 2])
        await pilot.press("v", "full_stop")
        await pilot.pause()
        assert screen.editor.selecting
        view = screen.query_one(DocumentView)
        tokens = screen.session.task.tokens
        first, last = sorted((screen.editor.selection[0], screen.editor.cursor))
        wanted = _words(screen.session.task.text[tokens[first].start:tokens[last].end])
        either = has_selection(view), has_cursor(view)
        drawn = marked_words(view_cells(app, view, lambda style: any(has(style) for has in either)))
        assert drawn == wanted
        # The cursor is the selection's moving end, drawn on its own token.
        assert marked_words(view_cells(app, view, has_cursor(view))) == _words(tokens[screen.editor.cursor].text)


@pytest.mark.parametrize("size", SIZES)
async def test_the_cursor_is_visible_after_a_word_jump_and_word_steps(make_app, size):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("tab", "tab", "g")
        hints = screen.editor.mode
        await pilot.press(*hints.tags[-1])
        for key in ["", "w", "w", "b", "right"]:
            if key:
                await pilot.press(key)
            await pilot.pause()
            view = screen.query_one(DocumentView)
            token = screen.session.task.tokens[screen.editor.cursor]
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


def _hint_cells(app, view: DocumentView) -> str:
    hint = view.mark_style("hint")
    rows = {}
    for cell in view_cells(app, view, lambda style: style.bgcolor == hint.bgcolor and style.color == hint.color):
        rows.setdefault(cell.y, []).append(cell)
    return rows


@pytest.mark.parametrize("size", SIZES)
async def test_two_spans_on_one_word_each_get_a_tag_and_one_key_reaches_either(make_app, tmp_path, size):
    text = ("The weather was fine.\n\n"
            "Lavrov: we know how to respond, the minister added in a long statement on Tuesday.")
    lavrov = text.index("Lavrov")
    tokens = tokenize(text)
    first = next(t.id for t in tokens if t.start == lavrov)
    record = {"text": text, "tokens": [t.to_dict() for t in tokens], "spans": [
        {"start": lavrov, "end": lavrov + 6, "token_start": first, "token_end": first, "label": label}
        for label in ("PERSON", "SPEAKER")]}
    source = write_jsonl(tmp_path / "in.jsonl", [record])
    app = make_app([source])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("f")
        await pilot.pause()  # under load the tags may not be painted yet when the key returns
        hints = screen.editor.mode
        assert isinstance(hints, JumpHints) and len(hints.tags) == 2
        assert all(len(group) == 1 for group in hints.groups)
        tag = {group[0].label: t for t, group in zip(hints.tags, hints.groups, strict=True)}
        view = screen.query_one(DocumentView)
        # Both tags are painted on "Lavrov" itself (not on the blank line above it), one after the
        # other in two colours, and the prompt says which is which.
        rows = painted(app)
        person = [c for row in rows for c in row if c.char == tag["PERSON"] and _carries_hint(view, c)]
        assert len(person) == 1
        line = "".join(c.char for c in rows[person[0].y])
        assert tag["PERSON"] + tag["SPEAKER"] + "vrov:" in line
        speaker = next(c for c in rows[person[0].y] if c.x == person[0].x + 1)
        assert _carries_hint(view, speaker, "hint-next") and not _carries_hint(view, speaker)
        assert f"{tag['SPEAKER']} SPEAKER “Lavrov”" in screen_text(app)
        await pilot.press(tag["SPEAKER"])
        await pilot.pause()
        assert screen.editor.focused.label == "SPEAKER"
        assert_focus_painted(app, screen)


def _carries_hint(view: DocumentView, cell, mark: str = "hint") -> bool:
    hint = view.mark_style(mark)
    return (hint.bgcolor is None or cell.style.bgcolor == hint.bgcolor) and (
        hint.color is None or cell.style.color == hint.color)


@pytest.mark.parametrize("size", SIZES)
async def test_word_tags_never_run_over_the_next_word(make_app, tmp_path, size):
    # Prose with one-letter words on every line, more words on screen than there are letters, and
    # more one-letter words than one-letter tags.
    words = " ".join(["I said a word to the harbour master and he wrote it in a book."] * 30)
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": words}])
    app = make_app([source])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("g")
        hints = screen.editor.mode
        tokens = screen.session.task.tokens
        for tag, token in zip(hints.tags, hints.targets, strict=True):
            assert len(tag) <= len(tokens[token].text), (tag, tokens[token].text)
        view = screen.query_one(DocumentView)
        rows = painted(app)
        region = view.content_region
        for y in range(region.y, region.bottom):
            marked = "".join(c.char if _carries_hint(view, c) else " " for c in rows[y][region.x:region.right])
            for run in marked.split():
                assert run in hints.tags, f"tags ran together: '{run}'"


async def test_at_80x24_every_key_the_footer_names_fits_and_the_legend_and_panel_read(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        rows = screen_text(app).splitlines()
        footer, legend = rows[-1], rows[-2]
        for item in ["? Help", "q Quit", "a Accept", "x Reject", "f Jump", "/ Find", "d Del", "v Select",
                     "s Speaker", "u Undo"]:
            assert item in footer, f"'{item}' is cut from the footer: {footer!r}"
        # The legend names every number key and the document's other labels after "e:".
        for item in ["1 PER", "7 QUOTE", "8 SPK", "9 cue", "e: CARD DATE ORD"]:
            assert item in legend, f"'{item}' is not readable in the legend: {legend!r}"
        # The side panel shows each quote's type and the name its speaker resolves to.
        panel = "\n".join(rows)
        assert "dir Maria Zakharova" in panel and "ind Maria Zakharova" in panel
        # While selecting, the footer makes room for enter and escape.
        await pilot.press("v")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "Make span" in footer and "Cancel" in footer and "u Undo" in footer


@pytest.mark.parametrize("size", SIZES)
async def test_a_quote_opening_on_a_name_has_its_own_tag_on_its_next_word(make_app, tmp_path, size):
    text = "The weather was fine.\n\nNATO is heavily involved in the war, the minister said on Tuesday."
    tokens = tokenize(text)
    nato = next(t for t in tokens if t.text == "NATO")
    war = next(t for t in tokens if t.text == "war")
    record = {"text": text, "tokens": [t.to_dict() for t in tokens], "spans": [
        {"start": nato.start, "end": nato.end, "token_start": nato.id, "token_end": nato.id, "label": "ORG"},
        {"start": nato.start, "end": war.end, "token_start": nato.id, "token_end": war.id, "label": "QUOTE",
         "quote_type": "indirect"}]}
    source = write_jsonl(tmp_path / "in.jsonl", [record])
    app = make_app([source])
    async with app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press("f")
        await pilot.pause()  # under load the tags may not be painted yet when the key returns
        hints = screen.editor.mode
        assert len(hints.tags) == 2 and all(len(group) == 1 for group in hints.groups)
        quote_tag = hints.tags[[t.label for t in hints.targets].index("QUOTE")]
        view = screen.query_one(DocumentView)
        region = view.content_region
        rows = ["".join(c.char for c in row[region.x:region.right]) for row in painted(app)[region.y:region.bottom]]
        line = next(row for row in rows if "heavily" in row)
        assert f"{quote_tag}s heavily" in line  # drawn over "is", the quote's next word
        await pilot.press(quote_tag)
        await pilot.pause()
        assert screen.editor.focused.label == "QUOTE"
        assert_focus_painted(app, screen)
