"""``annotate --learn`` on the screen, with a stand-in for the background update: an update starts
after N accepted documents, the header names the model in use and its dev score, and a kept model
pre-labels the documents ahead that no one has opened (never the one on screen)."""

from __future__ import annotations

from pathlib import Path

import spacy

from annotator.training.learning_loop import ModelInUse, UpdateOutcome
from annotator.tui.widgets.progress_header import ProgressHeader
from tests.tui.conftest import SIZE, read_records, ready, write_jsonl

TEXTS = [f"Story {i}: Ana Lopez spoke to the council on day {i}." for i in range(1, 5)]


class StandInLoop:
    """Does what ``LearningLoop`` does, without training: the test says when the update ends."""

    def __init__(self, every: int = 2) -> None:
        self.every = every
        self.in_use = ModelInUse(None, None, None)
        self.running = False
        self.counts: list[int] = []
        self.finish: UpdateOutcome | None = None
        self.stopped = False

    def accepted(self, count: int) -> bool:
        self.counts.append(count)
        if self.running or count < self.every:
            return False
        self.running = True
        return True

    def poll(self) -> UpdateOutcome | None:
        if not self.running or self.finish is None:
            return None
        self.running, outcome, self.finish = False, self.finish, None
        if outcome.kept:
            self.in_use = outcome.model
        return outcome

    def stop(self) -> None:
        self.stopped = True


def load(name: str | None):
    """The rules stand-in finds nothing; "model 1" knows Ana Lopez is a PERSON."""
    nlp = spacy.blank("en")
    if name is not None and name.endswith("1"):
        nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Ana Lopez"}])
    return nlp


def header(screen) -> str:
    return screen.query_one(ProgressHeader).render().plain


async def test_a_kept_model_pre_labels_the_documents_ahead_and_the_header_names_it(make_app, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": t} for t in TEXTS])
    loop = StandInLoop(every=2)
    app = make_app([source], load_model=load, learning=loop)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert "rules (no model yet)" in header(screen)
        await pilot.press("a")
        await pilot.pause()
        assert loop.counts == [1] and not loop.running
        await pilot.press("a")  # the second accepted document starts an update
        await pilot.pause()
        assert loop.running and "updating…" in header(screen)
        on_screen = screen.session.index
        loop.finish = UpdateOutcome(True, ModelInUse(1, Path("models/1"), 0.8), new_f=0.8, current_f=0.5)
        await pilot.pause(1.3)  # the screen polls once a second
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "model 1 · dev F1 0.800" in header(screen)
        assert "model 1 kept: dev F1 0.800 (in use before: 0.500)" in header(screen)
        # The document on screen keeps what it showed; the next one comes with the new model's labels.
        assert not screen.session.documents[on_screen].task.spans
        await pilot.press("a")
        await pilot.pause()
        assert [s.label for s in screen.session.task.spans] == ["PERSON"]
        await pilot.press("a")
        await pilot.pause()
    records = read_records(tmp_path / "out.jsonl")
    assert [r["answer"] for r in records] == ["accept"] * 4
    assert [[s["label"] for s in r["spans"]] for r in records] == [[], [], [], ["PERSON"]]
    assert loop.counts == [1, 2, 3, 4]
    assert loop.stopped  # quitting stops a running update (it leaves no model behind)


async def test_an_update_not_kept_changes_no_pre_label(make_app, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": t} for t in TEXTS])
    loop = StandInLoop(every=1)
    app = make_app([source], load_model=load, learning=loop)
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        loop.finish = UpdateOutcome(False, loop.in_use, new_f=0.4, current_f=0.5)
        await pilot.pause(1.3)
        await app.workers.wait_for_complete()
        assert "update not kept: dev F1 0.400, not better than 0.500" in header(screen)
        assert "rules (no model yet)" in header(screen)
        await pilot.press("a")
        await pilot.pause()
        assert not screen.session.task.spans
