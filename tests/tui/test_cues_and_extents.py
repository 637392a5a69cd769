"""Cues can be fixed and long spans reached in a few keys: a hand-made quote gets the cue of its
sentence, ``c`` on a quote picks its cue, deleting a quote takes its lone cue along, a quote re-made
or moved keeps its links, and ``.`` stops a selection before ``, the mayor told``. Each checks what
the painted screen shows as well as what is written."""

from __future__ import annotations

from annotator.core.records import CUE, CUE_REL, QUOTE
from annotator.tui.choice_picker import ChoicePicker
from annotator.tui.widgets.document_view import DocumentView
from annotator.tui.widgets.progress_header import ProgressHeader
from tests.tui.conftest import latest_by_hash, ready, spans_of, write_jsonl
from tests.tui.painted import has_focus, marked_words, painted, screen_text, view_cells

TEXT = ("Ann Lee met the mayor on Monday.\n\n"
        "The harbour will close in May and reopen in a year, the mayor told reporters on Friday.\n\n"
        "Boats were waiting outside, a sailor said.")


def _token(screen, word: str, occurrence: int = 0) -> int:
    return [t.id for t in screen.session.task.tokens if t.text == word][occurrence]


async def _cursor_to(pilot, screen, word: str, occurrence: int = 0) -> None:
    await pilot.press("g")
    hints = screen.editor.mode
    await pilot.press(*hints.tags[hints.targets.index(_token(screen, word, occurrence))])
    await pilot.pause()


def _label_under(app, view: DocumentView, word: str) -> str:
    """The label row's characters under the first painted ``word`` in the view."""
    rows = painted(app)
    region = view.content_region
    for y in range(region.y, region.bottom - 1):
        line = "".join(c.char for c in rows[y])
        x = line.find(word, region.x)
        if x >= 0:
            return "".join(c.char for c in rows[y + 1][x:x + len(word)])
    raise AssertionError(f"'{word}' is not on screen")


def _status(screen) -> str:
    return str(screen.query_one(ProgressHeader)._status)


async def test_a_hand_made_quote_stops_before_the_attribution_and_gets_its_cue(make_app, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": TEXT}])
    app = make_app([source])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await _cursor_to(pilot, screen, "The")
        await pilot.press("v", "full_stop", "7")
        await pilot.pause()
        quote = screen.editor.focused
        assert screen.session.task.span_text(quote) == "The harbour will close in May and reopen in a year"
        cue = screen.session.cue_of(quote)
        assert cue is not None and screen.session.task.span_text(cue) == "told"
        # On screen: the quote carries the focus, the status names its cue, and "cue" is under "told".
        view = screen.query_one(DocumentView)
        assert marked_words(view_cells(app, view, has_focus(view))) == quote.text.split()
        assert "cue “told”" in _status(screen) or "with cue 'told'" in _status(screen)
        assert _label_under(app, view, "told") == "cue─"
        await pilot.press("a")
        await pilot.pause()
    [record] = latest_by_hash(tmp_path / "out.jsonl").values()
    assert spans_of(record, CUE) == [(CUE, "told")]
    assert [r["label"] for r in record["relations"]] == [CUE_REL]


async def test_c_on_a_quote_picks_its_cue_nearest_first_and_d_takes_the_lone_cue_along(make_app, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": TEXT}])
    app = make_app([source])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await _cursor_to(pilot, screen, "Boats")
        await pilot.press("v", "dollar_sign", "7")
        await pilot.pause()
        quote = screen.editor.focused
        assert screen.session.task.span_text(screen.session.cue_of(quote)) == "said"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(screen.editor.mode, ChoicePicker)
        # Drawn over the text: the current cue first ("told" from the paragraph before is not
        # offered: another paragraph), then the row that marks a new one.
        shown = screen_text(app)
        assert "Cue of “Boats were waiting outside”" in shown
        rows = [line for line in shown.splitlines() if line.lstrip("│ ")[:2] in ("1 ", "2 ")]
        assert "cue  said" in rows[0] and "← current" in rows[0]
        assert "mark a new cue" in rows[1]
        await pilot.press("escape")
        await pilot.pause()
        assert screen.editor.mode is None and "Cue of" not in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("escape")
        assert screen.session.cue_of(quote) is not None
        await pilot.press("d")
        await pilot.pause()
        assert screen.session.task.spans == []
        assert "and its cue 'said'" in _status(screen)


async def test_c_then_mark_a_new_cue_and_a_re_made_quote_keeps_it(make_app, tmp_path):
    text = "Prices will rise again next year and wages will follow, the bank warned, adding caution."
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": text}])
    app = make_app([source])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await _cursor_to(pilot, screen, "Prices")
        await pilot.press("v", "dollar_sign", "7")  # "Prices … follow": cue "warned"
        await pilot.pause()
        quote = screen.editor.focused
        assert screen.session.task.span_text(screen.session.cue_of(quote)) == "warned"
        # Re-make it shorter on the same quote: its cue stays.
        await pilot.press("v", "w", "w", "7")
        await pilot.pause()
        reshaped = screen.editor.focused
        assert screen.session.task.span_text(reshaped) == "Prices will rise"
        assert screen.session.task.span_text(screen.session.cue_of(reshaped)) == "warned"
        assert [s.label for s in screen.session.task.spans].count(QUOTE) == 1
        # c, then "mark a new cue", select "adding", enter: the quote's cue changes.
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(screen.editor.mode, ChoicePicker) and "Cue of" in screen_text(app)
        await pilot.press(*"new", "enter")
        await pilot.pause()
        assert screen.editor.selecting and screen.editor.purpose == "cue"
        await _cursor_to(pilot, screen, "adding")  # a word jump moves the selection's end
        await pilot.press("v", "enter")  # v restarts it there: just "adding"
        await pilot.pause()
        assert screen.session.task.span_text(screen.session.cue_of(reshaped)) == "adding"
        assert "removed the old cue 'warned'" in _status(screen)
        view = screen.query_one(DocumentView)
        assert _label_under(app, view, "adding") == "cue───"


async def test_relabel_to_the_same_label_writes_nothing_and_says_so(make_app, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": TEXT}])
    drafts = tmp_path / "out.jsonl"
    app = make_app([source])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await _cursor_to(pilot, screen, "Ann")
        await pilot.press("v", "w", "1")
        await pilot.pause()
        edits = screen.session.last_edit
        await pilot.press("1")
        await pilot.pause()
        assert screen.session.last_edit is edits
        assert "nothing changed" in _status(screen)
    assert drafts.exists() is False or all("Ann" not in line for line in drafts.read_text().splitlines())


LONG = ("The council said on Monday that the new bridge, which opened in March after years of delay, "
        "would carry twice the traffic of the old one by the end of the decade, officials said.")


def _focus_painted(app, screen) -> list[str]:
    view = screen.query_one(DocumentView)
    return marked_words(view_cells(app, view, has_focus(view)))


async def _long_quote(pilot, screen):
    """A quote over "the new bridge", focused."""
    await _cursor_to(pilot, screen, "the", 0)
    await pilot.press("v", "w", "w", "7")
    await pilot.pause()
    assert screen.session.task.span_text(screen.editor.focused) == "the new bridge"
    return screen.editor.focused


async def test_a_quote_end_moves_by_clause_sentence_count_and_word_tag_in_a_few_keys(make_app, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": LONG}])
    app = make_app([source])
    for size in [(120, 40), (80, 24)]:
        async with app.run_test(size=size) as pilot:
            screen = await ready(pilot)
            await _long_quote(pilot, screen)
            text = screen.session.task.span_text
            # $ alone: to the clause end (the comma after "bridge" closes it: the next clause).
            await pilot.press("dollar_sign")
            await pilot.pause()
            assert text(screen.editor.focused) == "the new bridge, which opened in March after years of delay"
            assert _focus_painted(app, screen) == text(screen.editor.focused).split()
            # . alone: to the sentence end, stopping before ", officials said".
            await pilot.press("full_stop")
            await pilot.pause()
            quote = screen.editor.focused
            assert text(quote).endswith("by the end of the decade")
            assert _focus_painted(app, screen)[:3] == ["the", "new", "bridge,"]
            assert "end to the sentence end: QUOTE 'the new bridge" in _status(screen)
            # { then 4: four tokens back from the end in all ("of the decade" and "end" go).
            await pilot.press("left_curly_bracket", "4")
            await pilot.pause()
            assert text(screen.editor.focused).endswith("traffic of the old one by the")
            # } then g and a word's tag: the end goes to that word.
            await pilot.press("right_curly_bracket", "g")
            hints = screen.editor.mode
            await pilot.press(*hints.tags[hints.targets.index(_token(screen, "traffic"))])
            await pilot.pause()
            assert text(screen.editor.focused).endswith("would carry twice the traffic")
            assert _focus_painted(app, screen)[-1] == "traffic"
            # [ then . : the start goes back to the sentence start.
            await pilot.press("left_square_bracket", "full_stop")
            await pilot.pause()
            assert text(screen.editor.focused).startswith("The council said on Monday")
            # The links and the cue survive every move.
            assert screen.session.cue_of(screen.editor.focused) is not None
            # After another key the digits are labels again.
            await pilot.press("tab", "shift+tab")
            assert screen.edits.bound_pending is None
        app = make_app([source], output=tmp_path / f"out-{size[0]}.jsonl")
