"""What one annotation run needs: where documents come from, where decisions go, who decides."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol

from annotator.core.drafts import DraftJournal
from annotator.core.labels import DEFAULT_ENTITY_LABELS
from annotator.core.aside import RejectsFile
from annotator.core.store import JsonlStore


def _load_pipeline(model: str | None) -> Any:
    from annotator.nlp.pipeline import load_pipeline

    return load_pipeline(model)


class ModelLoop(Protocol):
    """What ``annotate --learn`` gives the screen (``annotator.training.learning_loop.LearningLoop``):
    the model in use, an update started after enough accepted documents, its outcome when polled."""

    in_use: Any
    running: bool

    def accepted(self, count: int) -> bool: ...
    def poll(self) -> Any: ...
    def stop(self) -> None: ...


@dataclass
class AnnotationRun:
    """One annotation run as the screens are given it: the open store, rejects file and draft
    journal, who decides, and how the model is loaded (``load_model`` runs in a worker thread).
    Not settings: it holds open files, so the app that opened them closes them."""

    sources: list[str | Path]
    store: JsonlStore
    annotator: str
    session_id: str
    model: str | None = None
    entity_labels: list[str] = field(default_factory=lambda: list(DEFAULT_ENTITY_LABELS))
    rejects: RejectsFile | None = None
    load_model: Callable[[str | None], Any] = _load_pipeline
    #: binding id → keys, from ``--keymap``
    keymap: dict[str, str] = field(default_factory=dict)
    #: where every edit goes before the next key (None: edits live only until decided, as in review)
    drafts: DraftJournal | None = None
    #: ``--order``: ``file`` (the sources' order) or ``uncertain`` (least sure pre-labels first)
    order: str = "file"
    #: ``--learn``: the background updates (None: the pre-labeler never changes during the run)
    learning: ModelLoop | None = None
