"""Stories of the loss cases of issue 10: quitting with edits, re-editing a decided document,
undo after a decision, label keys on quotes, focus after undo. Checked on what is saved."""

from __future__ import annotations

import json

from annotator.core.drafts import drafts_path
from annotator.core.records import QUOTE, SAID_BY, SPEAKER
from annotator.tui.dialogs.confirm_dialog import ConfirmDialog
from annotator.tui.widgets.progress_header import ProgressHeader
from tests.tui.conftest import SEED_PRELABELED, SIZE, read_records, ready, seed_record, spans_of, tab_to, write_jsonl


async def _jump_to_first(pilot) -> None:
    """Focus the ORDINAL 'first' with the keys a person would use: search it."""
    await pilot.press("slash", *"ORDINAL", "enter")


def _header(screen) -> str:
    return screen.query_one(ProgressHeader).render().plain


def _draft_lines(output) -> list[dict]:
    path = drafts_path(output)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def _draft_spans(line: dict) -> list[tuple[str, str]]:
    """(label, text) of a journal line's spans, read with the seed's tokens (lines hold token ids)."""
    seed = seed_record()
    tokens = seed["tokens"]
    return [(label, seed["text"][tokens[first]["start"]:tokens[last]["end"]]) for first, last, label, *_ in line["spans"]]


async def test_quit_with_undecided_edits_asks_and_the_draft_comes_back(make_app, tmp_path):
    out = tmp_path / "out.jsonl"
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await _jump_to_first(pilot)
        await pilot.press("d")
        # The edit is on disk before the next key: the journal holds the document without "first".
        [line] = _draft_lines(out)
        assert ("ORDINAL", "first") not in _draft_spans(line)
        assert len(line["spans"]) == len(seed_record()["spans"]) - 1
        assert "[draft, undecided]" in _header(screen)
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmDialog)
        assert "kept as drafts in out.drafts.jsonl" in app.screen.body
        await pilot.press("n")  # stay
        assert app.screen is screen and app.is_running
        await pilot.press("q", "y")
    assert not out.exists() or read_records(out) == []

    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        task = screen.session.task
        assert ("ORDINAL", "first") not in [(s.label, task.span_text(s)) for s in task.spans]
        assert "[draft, undecided]" in _header(screen)
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(out)
    assert ("ORDINAL", "first") not in spans_of(record)
    assert len(record["spans"]) == len(seed_record()["spans"]) - 1
    assert not drafts_path(out).exists()  # decided: nothing left in the journal


async def test_quit_without_edits_does_not_ask(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("tab", "q")
        await pilot.pause()
        assert not app.is_running


async def test_quit_while_selecting_asks(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("v", "w", "q")
        assert isinstance(app.screen, ConfirmDialog)
        assert "selection" in app.screen.body
        await pilot.press("escape")
        assert app.screen is screen and screen.editor.selecting


async def test_a_decided_document_edited_again_shows_it_until_decided(make_app, tmp_path):
    out = tmp_path / "out.jsonl"
    source = write_jsonl(tmp_path / "in.jsonl", [seed_record(), {"text": "NATO met in Vilnius."}])
    app = make_app([source])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("a", "p")
        await pilot.pause()
        assert "[accepted]" in _header(screen)
        await _jump_to_first(pilot)
        await pilot.press("d")
        header = _header(screen)
        assert "[accepted]" not in header and "changed since" in header
        await pilot.press("q", "y")
    # The old decision stays the newest record; the change waits in the journal.
    assert [r["answer"] for r in read_records(out)] == ["accept"]
    assert ("ORDINAL", "first") in spans_of(read_records(out)[0])

    app = make_app([source])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert "changed since" in _header(screen)
        assert ("ORDINAL", "first") not in [(s.label, screen.session.task.span_text(s))
                                            for s in screen.session.task.spans]
        await pilot.press("a")
        await pilot.pause()
    latest = read_records(out)[-1]
    assert latest["answer"] == "accept" and ("ORDINAL", "first") not in spans_of(latest)


async def test_undo_after_accept_reopens_the_document_as_a_draft(make_app, tmp_path):
    out = tmp_path / "out.jsonl"
    source = write_jsonl(tmp_path / "in.jsonl", [seed_record(), {"text": "NATO met in Vilnius."}])
    app = make_app([source])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        quote = screen.session.quotes()[0]
        await pilot.press("right_parenthesis")
        assert screen.editor.focused == quote
        await pilot.press("d", "a")
        await pilot.pause()
        assert screen.session.index == 1
        await pilot.press("u")
        # Back on the seed with the quote again, said to be changed since its decision, and on disk.
        assert screen.session.index == 0
        assert quote in screen.session.task.spans
        assert screen.editor.focused == quote
        assert "changed since" in _header(screen)
        line = _draft_lines(out)[-1]  # after the draft of the deletion and its clearing by the decision
        assert (QUOTE, screen.session.task.span_text(quote)) in _draft_spans(line)
        assert read_records(out)[-1]["answer"] == "accept"  # the old decision, not rewritten behind your back
        await pilot.press("a")
        await pilot.pause()
    records = read_records(out)
    assert [r["answer"] for r in records] == ["accept", "accept"]
    assert quote.to_dict() in records[-1]["spans"]


async def test_an_entity_key_on_a_quote_changes_nothing(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        before = list(screen.session.task.spans), list(screen.session.task.relations)
        await pilot.press("right_parenthesis")  # the first quote
        assert screen.editor.focused.label == QUOTE
        await pilot.press("1")
        assert (screen.session.task.spans, screen.session.task.relations) == before
        assert any("turn this QUOTE into an entity" in n.message for n in app._notifications)


async def test_an_entity_key_on_a_speaker_labels_the_name_under_it(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        quote = screen.session.quotes()[0]
        speaker = screen.session.speaker_of(quote)  # "she": no entity under it
        await tab_to(pilot, SPEAKER, "she")
        await pilot.press("1")
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(tmp_path / "out.jsonl")
    assert ("PERSON", "she") in spans_of(record) and ("SPEAKER", "she") in spans_of(record)
    assert [r for r in record["relations"] if r["label"] == SAID_BY and r["child_span"] == speaker.to_dict()]


async def test_focus_stays_after_undo(make_app):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await _jump_to_first(pilot)
        span = screen.editor.focused
        assert screen.session.task.span_text(span) == "first"
        spans = screen.session.spans_in_order()
        following = spans[spans.index(span) + 1]
        await pilot.press("d", "u")
        assert screen.editor.focused == span
        await pilot.press("tab")
        assert screen.editor.focused == following


async def test_a_draft_that_cannot_be_written_undoes_its_edit_and_says_so(make_app, tmp_path, monkeypatch):
    from annotator.core.drafts import DraftJournal

    def failing(self, task):
        raise OSError(28, "No space left on device")

    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await _jump_to_first(pilot)
        span = screen.editor.focused
        assert screen.session.task.span_text(span) == "first"
        monkeypatch.setattr(DraftJournal, "save", failing)
        await pilot.press("d")
        assert span in screen.session.task.spans and not screen.session.current.dirty
        assert any("could not be saved" in n.message for n in app._notifications)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running  # nothing pending: the failed edit is not there to lose


async def test_after_a_restart_a_then_u_takes_back_the_drafted_edit(make_app, tmp_path):
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await _jump_to_first(pilot)
        await pilot.press("d")
        await pilot.pause()
    # As after kill -9: the journal holds the edit, nothing is decided.
    app = make_app([SEED_PRELABELED])
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("a", "u")
        await pilot.pause()
        task = screen.session.task
        assert ("ORDINAL", "first") in [(s.label, task.span_text(s)) for s in task.spans]
        assert "undid: the changes kept as a draft from the last session" in _header(screen)
