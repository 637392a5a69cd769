"""Another extent for a pre-labeled quote on the annotate screen: reached with >, the status line
says what + does, + gives the quote the new extent keeping its speaker and cue (one undoable edit),
- leaves the pre-label; the record the store writes says so."""

from __future__ import annotations

from annotator.core.records import QUOTE, Suggestion
from annotator.tui.widgets.progress_header import ProgressHeader
from tests.tui.conftest import latest_by_hash, ready, write_jsonl
from tests.tui.suggestion_tasks import span, story

OLD, NEW = "the bridge will reopen in May", "the bridge will reopen"


def _tasks(tmp_path):
    task = story(suggestions=False)
    old = next(s for s in task.spans if s.label == QUOTE)
    task.suggestions = [Suggestion(span(task, NEW, QUOTE, "indirect"), score=0.3, source="extent:clause",
                                   replaces=old)]
    return write_jsonl(tmp_path / "tasks.jsonl", [task.to_dict()])


def _status(screen) -> str:
    return str(screen.query_one(ProgressHeader)._status)


def _saved(out) -> dict:
    (record,) = latest_by_hash(out).values()
    return record


def _quotes(record: dict) -> list[str]:
    return [record["text"][s["start"]:s["end"]] for s in record["spans"] if s["label"] == QUOTE]


def _links(record: dict) -> set[tuple[str, str, str]]:
    text = record["text"]
    return {(r["label"], text[r["head_span"]["start"]:r["head_span"]["end"]],
             text[r["child_span"]["start"]:r["child_span"]["end"]]) for r in record["relations"]}


async def test_plus_takes_another_extent_keeping_the_speaker_and_cue(make_app, tmp_path):
    out = tmp_path / "out.jsonl"
    async with make_app([_tasks(tmp_path)], out).run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("greater_than_sign")
        assert _status(screen) == (f"another extent for QUOTE “{OLD}”: “{NEW}” (0.30) · + takes it, keeping its "
                                   "speaker and cue")
        await pilot.press("plus")
        assert f"took another extent for QUOTE '{OLD}': QUOTE '{NEW}'" in _status(screen)
        await pilot.press("a")
    record = _saved(out)
    assert record["answer"] == "accept" and _quotes(record) == [NEW]
    assert _links(record) == {("SAID_BY", NEW, "Ana Ruiz"), ("CUE", NEW, "said")}
    taken = next(s for s in record["spans"] if s["label"] == QUOTE)
    assert taken["quote_type"] == "indirect" and "suggestions" not in record


async def test_undo_brings_the_prelabel_and_the_offer_back_and_minus_leaves_the_prelabel(make_app, tmp_path):
    out = tmp_path / "out.jsonl"
    async with make_app([_tasks(tmp_path)], out).run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("greater_than_sign", "plus", "u")
        assert "undid: took another extent" in _status(screen)
        assert [screen.session.task.span_text(s) for s in screen.session.task.spans if s.label == QUOTE] == [OLD]
        assert len(screen.session.task.suggestions) == 1
        await pilot.press("greater_than_sign", "minus", "a")
    record = _saved(out)
    assert _quotes(record) == [OLD] and "suggestions" not in record
    assert _links(record) == {("SAID_BY", OLD, "Ana Ruiz"), ("CUE", OLD, "said")}


async def test_on_the_quote_itself_the_status_line_says_what_plus_does(make_app, tmp_path):
    async with make_app([_tasks(tmp_path)], tmp_path / "out.jsonl").run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        quote = next(s for s in screen.session.task.spans if s.label == QUOTE)
        screen.editor.focus_span(quote)
        await pilot.pause()
        assert _status(screen).endswith(f"· + takes another extent “{NEW}”")
