"""Whole user stories on the seed article, driven with keys through Pilot, checked on the saved records."""

from __future__ import annotations

import pytest

from annotator.core.records import QUOTE, SAID_BY, SPEAKER
from annotator.core.sources import read_tasks
from annotator.tui.widgets.document_view import DocumentView
from tests.conftest import SEEDS
from tests.tui.conftest import (
    SEED_PRELABELED,
    SIZE,
    latest_by_hash,
    move_cursor_to,
    read_records,
    ready,
    seed_record,
    spans_of,
    tab_to,
    write_jsonl,
)


@pytest.mark.model
async def test_accept_the_prelabels_of_the_seed_article(make_app, tmp_path, nlp_model):
    from annotator.nlp.pipeline import prelabel

    app = make_app([SEEDS], load_model=lambda _name: nlp_model)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert screen.session.current is not None
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    [(_, task)] = list(read_tasks([SEEDS]))
    expected = next(prelabel(nlp_model, [task]))
    assert record["answer"] == "accept"
    assert record["_annotator_id"] == "tester"
    assert record["_session_id"].startswith("tester-")
    assert isinstance(record["_timestamp"], int)
    assert record["spans"] == [s.to_dict() for s in expected.spans]
    assert len(record["relations"]) == len(expected.relations)


async def test_change_zakharova_from_org_to_person(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await tab_to(pilot, "ORG", "Zakharova")
        await pilot.press("1")  # PERSON
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    assert ("ORG", "Zakharova") not in spans_of(record)
    assert spans_of(record).count(("PERSON", "Zakharova")) == spans_of(seed_record()).count(
        ("PERSON", "Zakharova")) + 1


async def test_change_label_with_the_picker(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await tab_to(pilot, "ORG", "Zakharova")
        await pilot.press("e")
        await pilot.press(*"pers", "enter")
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    assert ("ORG", "Zakharova") not in spans_of(record)


async def test_delete_a_wrong_span(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await tab_to(pilot, "ORDINAL", "first")
        await pilot.press("d")
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    assert ("ORDINAL", "first") not in spans_of(record)
    assert len(record["spans"]) == len(seed_record()["spans"]) - 1
    assert len(record["relations"]) == len(seed_record()["relations"])


async def test_add_a_missing_quote_with_its_speaker(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await tab_to(pilot, "ORG", "Zakharova")  # "...had already failed. Zakharova listed..."
        await pilot.press("v")
        await move_cursor_to(pilot, "b", "it")
        await pilot.press("v")  # restart the selection here
        await move_cursor_to(pilot, "w", "failed")
        await pilot.press("enter")
        await pilot.press(*"quote", "enter")  # no marks around it: made indirect, no question asked
        quote = screen.editor.focused
        assert quote is not None and quote.label == QUOTE
        await pilot.press("s")
        await pilot.press(*"new", "enter")  # mark a new speaker in the text
        await move_cursor_to(pilot, "b", "She")
        await pilot.press("v", "enter")
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    text = record["text"]
    [new] = [s for s in record["spans"] if s["label"] == QUOTE and text[s["start"]:s["end"]].startswith("it as")]
    assert text[new["start"]:new["end"]] == "it as a rare case where the summit started but had already failed"
    assert new["quote_type"] == "indirect"
    [link] = [r for r in record["relations"] if r["label"] == SAID_BY and r["head_span"] == new]
    assert link["child_span"]["label"] == SPEAKER
    assert text[link["child_span"]["start"]:link["child_span"]["end"]] == "She"


async def test_relink_a_quote_to_another_speaker(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        quote = await tab_to(pilot, QUOTE, screen.session.task.span_text(screen.session.quotes()[0]))
        await pilot.press("s")
        await pilot.press(*"person sergei", "enter")
        assert screen.session.resolve(screen.session.speaker_of(quote)).endswith("Sergei Lavrov")
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    text = record["text"]
    said_by = [r for r in record["relations"] if r["label"] == SAID_BY and r["head_span"] == quote.to_dict()]
    assert len(said_by) == 1
    child = said_by[0]["child_span"]
    assert text[child["start"]:child["end"]] == "Sergei Lavrov"


async def test_undo_and_redo_within_and_across_documents(make_app, tmp_path):
    second = {"text": "NATO met in Vilnius.", "meta": {"id": "second"}}
    source = write_jsonl(tmp_path / "in.jsonl", [seed_record(), second])
    app = make_app([source])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await tab_to(pilot, "ORDINAL", "first")
        await pilot.press("d")
        await tab_to(pilot, "ORG", "Zakharova")
        await pilot.press("1")
        await pilot.press("u", "u")
        assert screen.session.task.spans == [s for s in screen.session.spans_in_order()]
        assert ("ORDINAL", "first") in [(s.label, screen.session.task.span_text(s)) for s in screen.session.task.spans]
        await pilot.press("ctrl+y")  # the deletion again
        await pilot.press("a")  # accept the seed (without "first"), go to the second document
        await pilot.pause()
        assert screen.session.index == 1
        await pilot.press("ctrl+z")  # undo crosses back to the seed: "first" returns
        assert screen.session.index == 0
        await pilot.press("a")
        await pilot.pause()
    records = read_records(tmp_path / "out.jsonl")
    assert [r["answer"] for r in records] == ["accept", "accept"]
    assert ("ORDINAL", "first") not in spans_of(records[0])
    assert ("ORDINAL", "first") in spans_of(records[1])
    assert ("ORG", "Zakharova") in spans_of(records[1])


async def test_quit_and_resume_at_the_first_undecided_document(make_app, tmp_path):
    docs = [seed_record(), {"text": "NATO met in Vilnius.", "meta": {"id": "second"}},
            {"text": "Lavrov spoke.", "meta": {"id": "third"}}]
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    app = make_app([source])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await tab_to(pilot, "ORG", "Zakharova")
        await pilot.press("1", "a")
        await pilot.press("q")
    assert len(read_records(tmp_path / "out.jsonl")) == 1

    app = make_app([source])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert screen.session.index == 1
        assert screen.session.task.text == "NATO met in Vilnius."
        await pilot.press("p")  # reopen the decided seed: it shows as decided
        assert screen.session.index == 0
        assert ("ORG", "Zakharova") not in [(s.label, screen.session.task.span_text(s))
                                            for s in screen.session.task.spans]
        await pilot.press("x")  # decide again: the newest decision wins
        assert screen.session.index == 1
        await pilot.press("space")
        await pilot.pause()
        assert screen.session.index == 2
    latest = latest_by_hash(tmp_path / "out.jsonl")
    answers = sorted(r["answer"] for r in latest.values())
    assert answers == ["ignore", "reject"]
    assert len(read_records(tmp_path / "out.jsonl")) == 3


async def test_markup_and_control_characters_are_shown_as_text(make_app, tmp_path):
    text = 'He said "[bold]x[/bold] \x1b[31mred\x1b[0m" and left.\tDone [link=http://x]y[/link].'
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": text}])
    app = make_app([source])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        view = screen.query_one(DocumentView)
        shown = "".join(view.render_line(y).text for y in range(3))
        assert "[bold]x[/bold]" in shown
        assert "␛[31mred␛[0m" in shown
        assert "\x1b" not in shown and "\t" not in shown
        assert "[link=http://x]y[/link]" in shown
        await pilot.press("v")
        await move_cursor_to(pilot, "w", "bold]x[/bold")
        await pilot.press("enter", *"org", "enter")
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    assert record["text"] == text
    assert spans_of(record) == [("ORG", 'He said "[bold]x[/bold')]


async def test_bad_input_lines_are_reported_and_skipped(make_app, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "NATO met."}\nnot json\n{"text": 5}\n{"text": "Lavrov spoke."}\n')
    app = make_app([source], skip_invalid=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        messages = [n.message for n in app._notifications]
        assert any("in.jsonl:2" in m for m in messages) and any("in.jsonl:3" in m for m in messages)
        await pilot.press("a", "a")
        await pilot.pause()
        assert screen.session.current is None
    assert [r["text"] for r in read_records(tmp_path / "out.jsonl")] == ["NATO met.", "Lavrov spoke."]
    rejects = read_records(tmp_path / "out.rejects.jsonl")
    assert [r["line"] for r in rejects] == [2, 3]


async def test_help_lists_every_binding(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        rows = screen.help_rows()
        ids = {row[2] for row in rows}
        assert {"accept", "reject", "ignore", "next_document", "previous_document", "next_span", "delete_span",
                "label_1 … label_9", "pick_label", "start_left", "end_right", "select", "pick_speaker", "pick_coref",
                "undo", "redo", "quit", "help"} <= ids
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert app.screen is screen


async def test_after_the_last_document_the_skipped_one_comes_back(make_app, tmp_path):
    docs = write_jsonl(tmp_path / "docs.jsonl", [{"text": "First document."}, {"text": "Second document."}])
    app = make_app([docs])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("n")  # skip the first without deciding it
        await pilot.pause()
        assert screen.session.current.task.text == "Second document."
        await pilot.press("a")
        await pilot.pause()
        assert screen.session.current is not None
        assert screen.session.current.task.text == "First document."
        await pilot.press("x")
        await pilot.pause()
    answers = {r["text"]: r["answer"] for r in read_records(tmp_path / "out.jsonl")}
    assert answers == {"Second document.": "accept", "First document.": "reject"}
