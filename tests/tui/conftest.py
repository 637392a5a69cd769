"""Shared pieces for the terminal tests: the app factory, the frozen pre-labeled seed, helpers
to drive the screen with keys and to read back what the store wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.records import Span
from annotator.tui.app import AnnotatorApp, create_app
from annotator.tui.screens.document_screen import DocumentScreen
from annotator.tui.widgets.key_footer import KeyFooter

DATA = Path(__file__).resolve().parent / "data"
#: The seed article as the pre-labeler saw it on the day the tests were written, frozen so the
#: stories and snapshots do not move when the pre-labeler improves (one Zakharova is ORG on purpose).
SEED_PRELABELED = DATA / "seed_prelabeled.jsonl"
SIZE = (120, 40)


def blank_model(_name: str | None):
    import spacy

    return spacy.blank("en")


@pytest.fixture
def make_app(tmp_path):
    """``make_app(sources, **options)``: an app writing to ``tmp_path/out.jsonl`` unless told otherwise."""

    def factory(sources, output: Path | None = None, **options) -> AnnotatorApp:
        options.setdefault("annotator", "tester")
        options.setdefault("load_model", blank_model)
        return create_app([str(s) for s in sources], output or tmp_path / "out.jsonl", **options)

    return factory


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def seed_record() -> dict:
    return json.loads(SEED_PRELABELED.read_text(encoding="utf-8"))


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def latest_by_hash(path: Path) -> dict[int, dict]:
    return {r["_input_hash"]: r for r in read_records(path)}


def spans_of(record: dict, label: str | None = None) -> list[tuple[str, str]]:
    return [(s["label"], record["text"][s["start"]:s["end"]]) for s in record["spans"]
            if label is None or s["label"] == label]


async def ready(pilot) -> DocumentScreen:
    """Wait until the reader has posted what it can and the screen has shown it."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    # The footer fills in once the editor has focus (a message later): wait for it too.
    for _ in range(50):
        footers = pilot.app.screen.query(KeyFooter)
        if not footers or footers.first().keys:
            break
        await pilot.pause(0.01)
    screen = pilot.app.screen
    assert isinstance(screen, DocumentScreen)
    return screen


async def tab_to(pilot, label: str, text: str, occurrence: int = 0) -> Span:
    """Press tab until the focused span has this label and text (the ``occurrence``-th such span)."""
    screen: DocumentScreen = pilot.app.screen
    task = screen.session.task
    wanted = [s for s in screen.session.spans_in_order() if s.label == label and task.span_text(s) == text]
    assert len(wanted) > occurrence, f"no {label} '{text}' #{occurrence}"
    for _ in range(len(task.spans) + 1):
        await pilot.press("tab")
        if screen.editor.focused == wanted[occurrence]:
            return wanted[occurrence]
    raise AssertionError(f"tab never reached {label} '{text}'")


async def move_cursor_to(pilot, key: str, token_text: str) -> None:
    """Press ``key`` (w, b, left, right…) while selecting until the cursor is on ``token_text``."""
    screen: DocumentScreen = pilot.app.screen
    for _ in range(200):
        if screen.session.task.tokens[screen.editor.cursor].text == token_text:
            return
        await pilot.press(key)
    raise AssertionError(f"the cursor never reached '{token_text}'")
