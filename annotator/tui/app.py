"""The annotator app and its factory (used by the CLI, the tests and the benchmark)."""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any, Callable, Iterable

from textual.app import App

from annotator.core.editing import DEFAULT_ENTITY_LABELS
from annotator.core.store import JsonlStore, RejectsFile
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.settings import AnnotateSettings, _load_pipeline


class AnnotatorApp(App[None]):
    """Opens the annotate screen; closes the output (and rejects file) when it exits."""

    CSS_PATH = "app.tcss"
    TITLE = "annotator"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, settings: AnnotateSettings) -> None:
        super().__init__()
        self.settings = settings

    def on_mount(self) -> None:
        self.push_screen(AnnotateScreen(self.settings))

    def on_unmount(self) -> None:
        self.settings.store.close()
        if self.settings.rejects is not None:
            self.settings.rejects.close()


def create_app(
    sources: Iterable[str | Path],
    output: str | Path,
    *,
    annotator: str = "anonymous",
    model: str | None = None,
    labels: list[str] | None = None,
    skip_invalid: bool = False,
    load_model: Callable[[str | None], Any] | None = None,
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
    )
    return AnnotatorApp(settings)
