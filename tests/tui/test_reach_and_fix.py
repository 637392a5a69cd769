"""Stories of reaching any span in a few keys (jump hints, search, quote and label steps, the side
panel, the cursor) and fixing it in a few more (speaker picker, re-link, unlink, COREF)."""

from __future__ import annotations

from annotator.core.records import COREF, QUOTE, SAID_BY
from annotator.tui.jump_hints import JumpHints
from annotator.tui.widgets.document_view import DocumentView
from annotator.tui.widgets.span_list import SpanList
from tests.tui.conftest import SEED_PRELABELED, SIZE, read_records, ready, seed_record, spans_of, write_jsonl
from tests.tui.painted import has_cursor, has_selection, marked_words, view_cells


def _text(screen, span) -> str:
    return screen.session.task.span_text(span)


async def test_jump_hints_focus_the_span_whose_tag_is_typed(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("f")
        hints = screen.editor.mode
        assert isinstance(hints, JumpHints)
        # Every tag is drawn on the text, and the nearest spans get single letters.
        view = screen.query_one(DocumentView)
        assert sorted(view._hints.values()) == sorted(hints.tags)
        assert len(hints.tags[0]) == 1
        target = hints.targets[-1]
        await pilot.press(*hints.tags[-1])
        assert screen.editor.mode is None
        assert screen.editor.focused == target
        assert view._hints == {}


async def test_a_word_hint_puts_the_cursor_there_and_v_selects_from_it(make_app, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "Ann Lee met the mayor of Springfield on Monday."}])
    app = make_app([source])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("g")
        hints = screen.editor.mode
        words = [screen.session.task.tokens[t].text for t in hints.targets]
        await pilot.press(*hints.tags[words.index("Springfield")])
        assert screen.session.task.tokens[screen.editor.cursor].text == "Springfield"
        await pilot.press("v", "3", "a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    assert spans_of(record) == [("GPE", "Springfield")]


async def test_escape_or_a_wrong_tag_leaves_focus_alone(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("tab")
        focused = screen.editor.focused
        await pilot.press("f", "escape")
        assert screen.editor.mode is None and screen.editor.focused == focused
        await pilot.press("f", "1")
        assert screen.editor.mode is None and screen.editor.focused == focused


async def test_search_jumps_to_the_text_and_semicolon_repeats(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"kiev", "enter")
        first = screen.editor.focused
        assert first is not None and _text(screen, first) == "Kiev"
        await pilot.press("semicolon")
        second = screen.editor.focused
        assert _text(screen, second) == "Kiev" and second.start > first.start
        await pilot.press("slash", *"CARDINAL", "enter")
        assert screen.editor.focused.label == "CARDINAL"


async def test_quotes_and_same_label_steps(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        quotes = screen.session.quotes()
        await pilot.press("right_parenthesis", "right_parenthesis")
        assert screen.editor.focused == quotes[1]
        await pilot.press("left_parenthesis")
        assert screen.editor.focused == quotes[0]
        gpes = [s for s in screen.session.spans_in_order() if s.label == "GPE"]
        await pilot.press("slash", *"GPE", "enter")
        assert screen.editor.focused == gpes[0]
        await pilot.press("J", "J")
        assert screen.editor.focused == gpes[2]
        await pilot.press("K")
        assert screen.editor.focused == gpes[1]


async def test_arrows_move_the_cursor_and_focus_follows(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        first = screen.session.spans_in_order()[0]  # the date at the top
        await pilot.press("right")
        assert screen.editor.focused == first
        for _ in range(10):
            await pilot.press("right")
        assert screen.editor.focused is not None
        assert screen.editor.focused.token_start <= screen.editor.cursor <= screen.editor.focused.token_end
        # v selects from the cursor, where focus went.
        cursor = screen.editor.cursor
        await pilot.press("v")
        assert screen.editor.selection[0] == cursor


async def test_clicking_a_side_panel_row_focuses_its_span(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.click(SpanList, offset=(5, 2))  # under the border and the header: quote 1
        assert screen.editor.focused == screen.session.quotes()[0]


async def test_the_speaker_picker_offers_the_cue_subject_first_and_a_digit_links_it(make_app, tmp_path):
    text = "Ann Lee met Bob Stone. Later she said that the talks had failed."
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": text}])
    app = make_app([source])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        # Two people first, then the quote (cursor on "the", extend to the sentence end, 7).
        await pilot.press("v", "w", "1", "v")
        await pilot.press("slash", *"bob", "enter", "v", "w", "1")
        await pilot.press("slash", *"the talks", "enter", "v", "full_stop", "7")
        quote = screen.editor.focused
        assert quote.label == QUOTE and quote.quote_type == "indirect"
        candidates = screen.session.speaker_candidates(quote)
        assert _text(screen, candidates[0]) == "she"
        await pilot.press("s", "1")
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    assert ("QUOTE", "the talks had failed") in spans_of(record)
    [said] = [r for r in record["relations"] if r["label"] == SAID_BY]
    assert text[said["child_span"]["start"]:said["child_span"]["end"]] == "she"
    # The new speaker got its COREF by the pre-labeler's rules: the person named last before it.
    [coref] = [r for r in record["relations"] if r["label"] == COREF]
    assert coref["head_span"] == said["child_span"]
    assert text[coref["child_span"]["start"]:coref["child_span"]["end"]] == "Bob Stone"


async def test_relinking_removes_the_orphaned_speaker_and_undo_brings_it_back(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        quote = next(q for q in screen.session.quotes() if _text(screen, screen.session.speaker_of(q)) == "Lavrov")
        old = screen.session.speaker_of(quote)
        screen.editor.focus_span(quote)
        await pilot.press("s", *"head of", "enter")  # "the head of Russian diplomacy, Sergei Lavrov"
        assert old not in screen.session.task.spans  # "Lavrov" spoke for this quote only
        await pilot.press("u")
        assert old in screen.session.task.spans and screen.session.speaker_of(quote) == old
        await pilot.press("ctrl+y", "a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    assert old.to_dict() not in record["spans"]
    assert not [r for r in record["relations"] if old.to_dict() in (r["head_span"], r["child_span"])]


async def test_unlink_a_speaker_and_clear_a_coref(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        quotes = screen.session.quotes()
        first = quotes[0]  # "she" speaks for two quotes: unlinking one keeps her
        she = screen.session.speaker_of(first)
        await pilot.press("right_parenthesis", "D")
        assert screen.session.speaker_of(first) is None and she in screen.session.task.spans
        # COREF of a speaker: c, then the "refers to no entity" row (type to filter, enter).
        lavrov = next(s for s in screen.session.speakers() if _text(screen, s) == "Lavrov")
        screen.editor.focus_span(lavrov)
        await pilot.press("c", *"none", "enter")
        assert screen.session.coref_of(lavrov) is None
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    assert not [r for r in record["relations"] if r["label"] == SAID_BY and r["head_span"] == first.to_dict()]
    assert not [r for r in record["relations"] if r["label"] == COREF and r["head_span"] == lavrov.to_dict()]
    assert len(record["spans"]) == len(seed_record()["spans"])


async def test_labels_are_written_under_the_text_and_l_hides_them(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        view = screen.query_one(DocumentView)
        lines = [view.render_line(y).text for y in range(6)]
        assert "2023-07-11" in lines[0]
        assert "DATE" in lines[1] and "QUOTE" in lines[1] and "ORG" in lines[1]
        await pilot.press("L")
        lines = [view.render_line(y).text for y in range(2)]
        assert "DATE" not in lines[1]


async def test_page_down_moves_a_whole_page_each_time(make_app):
    # A long quote focused at the top of a page must not pull the next page back to it.
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        editor = screen.editor
        step = editor.scrollable_content_region.height - 2
        tops = []
        for _ in range(3):
            await pilot.press("pagedown")
            await pilot.pause()
            tops.append(round(editor.scroll_y))
        assert tops == [min(step * n, editor.max_scroll_y) for n in (1, 2, 3)]


async def test_a_word_tag_typed_in_capitals_starts_a_selection_there(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("g")
        await pilot.pause()
        hints = screen.editor.mode
        assert isinstance(hints, JumpHints)
        index = len(hints.tags) // 2
        token, tag = hints.targets[index], hints.tags[index]
        await pilot.press(*tag[:-1], tag[-1].upper())
        await pilot.pause()
        assert screen.editor.mode is None and screen.editor.selection == (token, token)
        view = screen.query_one(DocumentView)
        drawn = marked_words(view_cells(app, view, lambda s: has_selection(view)(s) or has_cursor(view)(s)))
        assert drawn == [screen.session.task.tokens[token].text]
