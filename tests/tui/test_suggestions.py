"""The pre-labeler's suggestions on the annotate screen: seen apart from the pre-labels, reached with
> <, taken (+) or dropped (-) with one key each as one undoable edit, kept in the decision when left
alone, and kept by the draft journal as they were left."""

from __future__ import annotations

import json

from annotator.core.records import QUOTE
from annotator.tui.widgets.key_footer import KeyFooter
from annotator.tui.widgets.progress_header import ProgressHeader
from tests.tui.conftest import latest_by_hash, ready, write_jsonl
from tests.tui.painted import _carries, marked_words, screen_text, view_cells
from tests.tui.suggestion_tasks import story

COUNCIL, BERG, TOLLS = "costs will rise", "Critics doubt the schedule", "tolls would stay low"


def _status(screen) -> str:
    return str(screen.query_one(ProgressHeader)._status)


def _tasks(tmp_path):
    return write_jsonl(tmp_path / "tasks.jsonl", [story().to_dict()])


def _saved(out) -> dict:
    (record,) = latest_by_hash(out).values()
    return record


def _spans(record: dict) -> list[tuple[str, str]]:
    return [(s["label"], record["text"][s["start"]:s["end"]]) for s in record["spans"]]


def _links(record: dict) -> set[tuple[str, str, str]]:
    text = record["text"]
    return {(r["label"], text[r["head_span"]["start"]:r["head_span"]["end"]],
             text[r["child_span"]["start"]:r["child_span"]["end"]]) for r in record["relations"]}


def _offered(record: dict) -> list[str]:
    return [record["text"][s["quote"]["start"]:s["quote"]["end"]] for s in record.get("suggestions", [])]


async def test_next_reaches_a_suggestion_and_y_takes_it_as_a_prelabel(make_app, tmp_path):
    out = tmp_path / "out.jsonl"
    async with make_app([_tasks(tmp_path)], out).run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("greater_than_sign")  # 1 key to reach it
        assert screen.editor.suggestion.quote.text == BERG
        assert screen.editor.focused is None
        assert _status(screen).startswith(f"suggested QUOTE “{BERG}” (indirect) by Tom Berg (0.31)")
        assert "cue “according to”" in _status(screen)
        assert "+ Take - Drop" in screen.query_one(KeyFooter).render().plain
        await pilot.press("plus")  # 1 key to take it
        assert screen.editor.focused is not None and screen.session.task.span_text(screen.editor.focused) == BERG
        assert "took the suggested QUOTE 'Critics doubt the schedule'" in _status(screen)
        await pilot.press("a")
    record = _saved(out)
    assert record["answer"] == "accept"
    assert ("QUOTE", BERG) in _spans(record) and ("CUE", "according to") in _spans(record)
    assert ("SPEAKER", "Tom Berg") in _spans(record)
    taken = next(s for s in record["spans"] if s["label"] == QUOTE and s["text"] == BERG)
    assert taken["quote_type"] == "indirect" and "score" not in taken and "source" not in taken
    assert {("CUE", BERG, "according to"), ("SAID_BY", BERG, "Tom Berg")} <= _links(record)
    assert _offered(record) == [COUNCIL, TOLLS]


async def test_taking_reuses_a_span_the_document_has(make_app, tmp_path):
    out = tmp_path / "out.jsonl"
    async with make_app([_tasks(tmp_path)], out).run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("less_than_sign")  # from the first word back around to the last suggestion
        assert screen.editor.suggestion.quote.text == TOLLS
        await pilot.press("plus", "a")
    record = _saved(out)
    assert _spans(record).count(("SPEAKER", "Ana Ruiz")) == 1
    assert ("SAID_BY", TOLLS, "Ana Ruiz") in _links(record)
    assert ("SAID_BY", "the bridge will reopen in May", "Ana Ruiz") in _links(record)


async def test_take_and_drop_undo_and_redo_as_one_edit(make_app, tmp_path):
    out = tmp_path / "out.jsonl"
    async with make_app([_tasks(tmp_path)], out).run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        task = screen.session.task
        spans, relations = list(task.spans), list(task.relations)
        await pilot.press("greater_than_sign", "greater_than_sign")
        council = screen.editor.suggestion
        assert council.quote.text == COUNCIL
        await pilot.press("minus")
        assert council not in task.suggestions and task.spans == spans
        assert "dropped the suggested QUOTE 'costs will rise'" in _status(screen)
        await pilot.press("u")
        assert council in task.suggestions and screen.editor.suggestion == council
        await pilot.press("ctrl+y")
        assert council not in task.suggestions
        await pilot.press("u", "plus")  # back on it: take it
        assert len(task.spans) == len(spans) + 3 and len(task.relations) == len(relations) + 2
        await pilot.press("u")
        assert task.spans == spans and task.relations == relations and council in task.suggestions
        await pilot.press("ctrl+y")
        assert ("QUOTE", COUNCIL) in [(s.label, task.span_text(s)) for s in task.spans]
        assert council not in task.suggestions
        await pilot.press("a")
    record = _saved(out)
    assert ("SAID_BY", COUNCIL, "The council") in _links(record) and ("CUE", COUNCIL, "believes") in _links(record)
    assert _offered(record) == [BERG, TOLLS]


async def test_a_suggestion_over_a_quote_marked_since_is_not_taken(make_app, tmp_path):
    async with make_app([_tasks(tmp_path)], tmp_path / "out.jsonl").run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        session = screen.session
        council = next(s for s in session.task.suggestions if s.quote.text == COUNCIL)
        # The annotator marks "costs will" as a quote by hand before taking the suggestion.
        assert screen.edits.edit(lambda: session.create_span(council.quote.token_start,
                                                             council.quote.token_start + 1, QUOTE))
        before = list(session.task.spans)
        # The new quote is focused and the cursor on its first word, inside the suggestion: + acts on it.
        assert screen.editor.suggestion == council and screen.editor.focused is not None
        await pilot.press("plus")
        await pilot.pause()
        assert session.task.spans == before and council in session.task.suggestions
        assert any("overlaps QUOTE 'costs will'" in str(n.message) for n in pilot.app._notifications)


async def test_accepting_keeps_the_suggestions_left_and_never_as_spans(make_app, tmp_path):
    out = tmp_path / "out.jsonl"
    async with make_app([_tasks(tmp_path)], out).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("a")
    record = _saved(out)
    assert _offered(record) == [COUNCIL, BERG, TOLLS]  # as they came
    assert _spans(record) == _spans(story().to_dict())
    assert record["relations"] == story().to_dict()["relations"]


async def test_a_draft_keeps_the_suggestions_as_they_were_left(make_app, tmp_path):
    out, source = tmp_path / "out.jsonl", _tasks(tmp_path)
    async with make_app([source], out).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("greater_than_sign", "minus")
        pilot.app.exit()
    async with make_app([source], out).run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert [s.quote.text for s in screen.session.task.suggestions] == [COUNCIL, TOLLS]
        assert "draft" in screen_text(pilot.app)
        await pilot.press("u")  # the drafted drop is the oldest step of the history
        assert len(screen.session.task.suggestions) == 3


async def test_only_the_suggested_quotes_carry_the_suggestion_style(make_app, tmp_path):
    async with make_app([_tasks(tmp_path)], tmp_path / "out.jsonl").run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        view = screen.editor
        style = view.mark_style("suggested")
        # (Textual draws dim as a greyer colour: the ground and the underline are what a cell shows.)
        assert style.bgcolor is not None and style.underline
        suggested = lambda s: _carries(s, style)  # noqa: E731
        assert marked_words(view_cells(pilot.app, view, suggested)) == " ".join([BERG, COUNCIL, TOLLS]).split()
        # Nothing a pre-label has looks like it: the pre-labeled quote is drawn as before.
        assert "bridge" not in marked_words(view_cells(pilot.app, view, suggested))
        await pilot.press("greater_than_sign", "plus")
        await pilot.pause()
        assert marked_words(view_cells(pilot.app, view, suggested)) == " ".join([COUNCIL, TOLLS]).split()
        assert "Suggestions (2)" in screen_text(pilot.app) and "> suggested 2" in screen_text(pilot.app)


async def test_the_label_line_names_a_suggested_quote(make_app, tmp_path):
    async with make_app([_tasks(tmp_path)], tmp_path / "out.jsonl").run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        rows = screen_text(pilot.app).splitlines()
        # Under "Ruiz added that tolls would stay low." the suggested quote's own tag and rule.
        text_row = next(i for i, row in enumerate(rows) if "Ruiz added that tolls" in row)
        column = rows[text_row].index("tolls")
        assert rows[text_row + 1][column:column + len(TOLLS)] == "sug?" + "┄" * (len(TOLLS) - 4)
        await pilot.press("less_than_sign", "plus")  # taken: a QUOTE now
        await pilot.pause()
        rows = screen_text(pilot.app).splitlines()
        assert rows[text_row + 1][column:column + 5] == "QUOTE" and "sug?" not in rows[text_row + 1]


async def test_the_footer_offers_take_and_drop_at_80_columns(make_app, tmp_path):
    async with make_app([_tasks(tmp_path)], tmp_path / "out.jsonl").run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        footer = screen.query_one(KeyFooter)
        assert "+ Take" not in footer.render().plain and "d Del" in footer.render().plain
        await pilot.press("greater_than_sign")
        await pilot.pause()
        line = footer.render().plain
        assert "+ Take - Drop" in line and "u Undo" in line and len(line) <= 80
        await pilot.press("d")  # still works (no span focused: it says how to focus one)
        await pilot.pause()
        assert any("Focus a span first" in str(n.message) for n in pilot.app._notifications)
        await pilot.press("tab")  # a span outside the suggestions focused: the span keys again
        await pilot.pause()
        assert "d Del" in footer.render().plain and "+ Take" not in footer.render().plain
        # A span inside a suggested quote focused: + and - in the footer, u Undo still fits in 80 columns.
        first = next(s for s in screen.session.task.suggestions if s.quote.text == BERG).quote.token_start
        assert screen.edits.edit(lambda: screen.session.create_span(first, first, "NORP"))
        await pilot.pause()
        assert screen.editor.focused is not None and screen.editor.suggestion is not None
        line = footer.render().plain
        assert "+ Take - Drop" in line and line.endswith("u Undo") and len(line) <= 80


async def test_a_task_with_suggestions_and_no_spans_is_shown_as_it_came(make_app, tmp_path):
    task = story()
    task.spans, task.relations = [], []
    source = write_jsonl(tmp_path / "tasks.jsonl", [task.to_dict()])
    async with make_app([source], tmp_path / "out.jsonl").run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert len(screen.session.task.suggestions) == 3  # not pre-labeled again (which would drop them)
        await pilot.press("greater_than_sign", "plus")
        assert [screen.session.task.span_text(s) for s in screen.session.quotes()] == [BERG]


def test_suggestion_tasks_are_valid_records():
    from annotator.core.invariants import task_problems
    from annotator.core.records import Task
    from tests.tui.conftest import DATA

    record = json.loads(json.dumps(story().to_dict()))
    assert len(Task.from_dict(record).suggestions) == 3 and not task_problems(Task.from_dict(record))
    # The snapshots' file is this story.
    assert json.loads((DATA / "suggestions.jsonl").read_text(encoding="utf-8")) == record


async def test_the_legend_keeps_full_label_names_beside_the_suggestions(make_app, tmp_path):
    """At 120 columns the seed's legend names CARDINAL, DATE, ORDINAL in full; a suggestion's entry
    takes its brief form rather than shortening every label."""
    from annotator.tui.widgets.label_legend import LabelLegend
    from tests.tui.conftest import seed_record

    record = seed_record()
    gpe = next(s for s in record["spans"] if s["label"] == "GPE")
    record["suggestions"] = [{"quote": {**gpe, "label": QUOTE, "quote_type": "indirect"}, "score": 0.3}]
    source = write_jsonl(tmp_path / "seed.jsonl", [record])
    async with make_app([source], tmp_path / "out.jsonl").run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        line = screen.query_one(LabelLegend).render().plain
        assert "CARDINAL" in line and "PERSON" in line and "> sug? 1" in line, line
    async with make_app([source], tmp_path / "out80.jsonl").run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        line = screen.query_one(LabelLegend).render().plain
        assert line.startswith(" 1 PER") and "> sug? e:" in line, line  # before the labels a narrow one cuts
