"""The annotator app and its factory (used by the CLI, the tests and the benchmark)."""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any, Callable, Iterable

from textual.app import App
from textual.screen import Screen

from annotator.core.drafts import DraftJournal
from annotator.core.editing import DEFAULT_ENTITY_LABELS
from annotator.core.store import JsonlStore, RejectsFile
from annotator.export.decisions import DecisionIndex
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.settings import AnnotateSettings, _load_pipeline


class AnnotatorApp(App[None]):
    """Opens the annotate screen (or the one ``open_screen`` makes); closes the output (and
    rejects file) when it exits."""

    CSS_PATH = "app.tcss"
    TITLE = "annotator"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, settings: AnnotateSettings,
                 open_screen: Callable[[AnnotateSettings], Screen[None]] = AnnotateScreen) -> None:
        super().__init__()
        self.settings = settings
        self.open_screen = open_screen

    def on_mount(self) -> None:
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        self.push_screen(self.open_screen(self.settings))

    @property
    def keymap(self) -> dict[str, str]:
        """The keymap in force, keys in Textual's long form (as ``set_keymap`` stored it)."""
        return dict(self._keymap)

    def on_unmount(self) -> None:
        self.settings.store.close()
        if self.settings.rejects is not None:
            self.settings.rejects.close()
        if self.settings.drafts is not None:
            self.settings.drafts.close()


def create_app(
    sources: Iterable[str | Path],
    output: str | Path,
    *,
    annotator: str = "anonymous",
    model: str | None = None,
    labels: list[str] | None = None,
    skip_invalid: bool = False,
    load_model: Callable[[str | None], Any] | None = None,
    keymap: dict[str, str] | None = None,
) -> AnnotatorApp:
    """An app ready to run; opens (and locks) the output now so a problem shows before the screen."""
    store = JsonlStore(output)
    session_id = f"{annotator}-{time.strftime('%Y-%m-%dT%H:%M:%S')}-{uuid.uuid4().hex[:6]}"
    settings = AnnotateSettings(
        sources=list(sources),
        store=store,
        annotator=annotator,
        session_id=session_id,
        model=model,
        entity_labels=list(labels or DEFAULT_ENTITY_LABELS),
        rejects=RejectsFile(output) if skip_invalid else None,
        load_model=load_model or _load_pipeline,
        keymap=dict(keymap or {}),
        drafts=DraftJournal(output),
    )
    return AnnotatorApp(settings)


def create_review_app(
    decisions: DecisionIndex,
    output: str | Path,
    *,
    reviewer: str,
    keymap: dict[str, str] | None = None,
) -> AnnotatorApp:
    """The review screen on indexed decisions, writing gold records to OUTPUT (opened and locked now)."""
    from annotator.tui.screens.review import ReviewScreen

    store = JsonlStore(output)
    session_id = f"{reviewer}-review-{time.strftime('%Y-%m-%dT%H:%M:%S')}-{uuid.uuid4().hex[:6]}"
    extra = sorted(decisions.entity_labels - set(DEFAULT_ENTITY_LABELS))
    settings = AnnotateSettings(
        sources=list(decisions.sources),
        store=store,
        annotator=reviewer,
        session_id=session_id,
        # The annotate keys 1-6 stay where annotators know them; labels beyond those are picked with e.
        entity_labels=[*DEFAULT_ENTITY_LABELS, *extra],
        keymap=dict(keymap or {}),
    )
    return AnnotatorApp(settings, lambda s: ReviewScreen(s, decisions))
