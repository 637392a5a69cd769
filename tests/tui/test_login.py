"""A browser visitor's app (``annotator serve``): they name themself, then decide into their own file."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from annotator.core.store import JsonlStore
from annotator.tui.app import create_visitor_app
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.login import LoginScreen
from annotator.tui.screens.review import ReviewScreen
from tests.tui.conftest import SEED_PRELABELED, SIZE, read_records, ready

#: Keys a browser keeps for itself (new window, new tab, close tab, leave the page's focus).
BROWSER_KEYS = {"ctrl+n", "ctrl+t", "ctrl+w", "ctrl+tab", "ctrl+shift+tab", "tab", "shift+tab", "ctrl+q"}


async def log_in(pilot, name: str) -> None:
    await pilot.click("#login-name")
    await pilot.press(*name, "enter")
    await pilot.pause()


def login_error(app) -> str:
    return str(app.screen.query_one("#login-error", Static).render())


async def test_visitor_names_themself_and_accepts_into_their_own_file(tmp_path):
    app = create_visitor_app([str(SEED_PRELABELED)], tmp_path, annotators=["alice", "bob"])
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoginScreen)
        await log_in(pilot, "alice")
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
    [record] = read_records(tmp_path / "alice.jsonl")
    assert (record["answer"], record["_annotator_id"]) == ("accept", "alice")
    assert not (tmp_path / "bob.jsonl").exists()


async def test_a_name_not_on_the_list_stays_on_the_login_screen(tmp_path):
    app = create_visitor_app([str(SEED_PRELABELED)], tmp_path, annotators=["alice"])
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "mallory")
        assert isinstance(app.screen, LoginScreen)
        assert "not on this project's list" in login_error(app)
    assert list(tmp_path.iterdir()) == []


async def test_a_name_that_is_not_a_file_name_is_refused(tmp_path):
    app = create_visitor_app([str(SEED_PRELABELED)], tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "../x")
        assert isinstance(app.screen, LoginScreen)
        assert "letters, digits" in login_error(app)
    assert list(tmp_path.iterdir()) == []


async def test_the_same_name_open_twice_gets_a_message_not_a_shared_file(tmp_path):
    with JsonlStore(tmp_path / "alice.jsonl"):  # alice's first page (another process in real use)
        app = create_visitor_app([str(SEED_PRELABELED)], tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await log_in(pilot, "alice")
            assert isinstance(app.screen, LoginScreen)
            assert "already annotating in another page" in login_error(app)
            await pilot.press(*["backspace"] * 5)
            await log_in(pilot, "alice2")
            assert isinstance(await ready(pilot), AnnotateScreen)


async def test_review_visitor_adjudicates_the_folder_into_gold(tmp_path):
    annotate = create_visitor_app([str(SEED_PRELABELED)], tmp_path)
    async with annotate.run_test(size=SIZE) as pilot:
        await log_in(pilot, "alice")
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
    review = create_visitor_app([], tmp_path, review=True)
    async with review.run_test(size=SIZE) as pilot:
        await log_in(pilot, "carol")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(review.screen, ReviewScreen)
        await pilot.press("a")  # accept the document shown into gold
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert read_records(tmp_path / "gold" / "carol.jsonl")


@pytest.mark.parametrize("screen", [AnnotateScreen, ReviewScreen])
def test_every_action_has_a_key_the_browser_does_not_keep(screen):
    for binding in screen.BINDINGS:
        keys = {key.strip() for key in binding.key.split(",")}
        assert keys - BROWSER_KEYS, f"{binding.action} is bound only to browser keys: {binding.key}"


@pytest.mark.parametrize("name", ["alice.drafts", "alice.rejects", "Alice.drafts", "alice.", "a..b", ".alice"])
async def test_a_name_that_would_be_another_file_is_refused(tmp_path, name):
    """``alice.drafts`` wrote its decisions into alice's draft journal (``alice.drafts.jsonl``)."""
    journal = tmp_path / "alice.drafts.jsonl"
    journal.write_text('{"_input_hash":1,"spans":[],"relations":[]}\n', encoding="utf-8")
    app = create_visitor_app([str(SEED_PRELABELED)], tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, name)
        assert isinstance(app.screen, LoginScreen)
        assert "name" in login_error(app).lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alice.drafts.jsonl"]
    assert journal.read_text(encoding="utf-8") == '{"_input_hash":1,"spans":[],"relations":[]}\n'


async def test_review_reads_the_visitors_files_and_never_a_pending_draft_journal(tmp_path):
    """One annotator's pending draft made every reviewer's login fail (the journal has no 'answer')."""
    annotate = create_visitor_app([str(SEED_PRELABELED)], tmp_path)
    async with annotate.run_test(size=SIZE) as pilot:
        await log_in(pilot, "alice")
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
    (tmp_path / "bob.drafts.jsonl").write_text('{"_input_hash":7,"spans":[],"relations":[]}\n', encoding="utf-8")
    (tmp_path / "bob.rejects.jsonl").write_text('{"file":"x","line":1,"error":"e","raw":""}\n', encoding="utf-8")
    review = create_visitor_app([], tmp_path, review=True)
    async with review.run_test(size=SIZE) as pilot:
        await log_in(pilot, "carol")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(review.screen, ReviewScreen), login_error(review)
