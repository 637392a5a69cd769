"""The annotator app and its factory (used by the CLI, the tests and the benchmark)."""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from textual import events
from textual.app import App
from textual.driver import Driver
from textual.screen import Screen

from annotator.core.drafts import DraftJournal
from annotator.core.labels import DEFAULT_ENTITY_LABELS
from annotator.core.errors import UserError
from annotator.core.output_paths import visitor_files, visitor_name_problem
from annotator.core.aside import RejectsFile
from annotator.core.store import JsonlStore, StoreLockedError, report_on_stderr
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.annotation_run import AnnotationRun, ModelLoop, _load_pipeline
from annotator.tui.idle_gc import CHECK_SECONDS, IdleCollector

if TYPE_CHECKING:  # read only by review, whose records need JSON Schema: not imported before annotate's first paint
    from annotator.core.decisions import DecisionIndex


class AnnotatorApp(App[None]):
    """Opens the annotate screen (or the one ``open_screen`` makes); closes the output (and
    rejects file) when it exits."""

    CSS_PATH = "app.tcss"
    TITLE = "annotator"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, annotation_run: AnnotationRun,
                 open_screen: Callable[[AnnotationRun], Screen[None]] = AnnotateScreen) -> None:
        super().__init__()
        self.annotation_run = annotation_run
        self.open_screen = open_screen
        self.idle_gc = IdleCollector()

    def get_driver_class(self) -> type[Driver]:
        """Textual's choice, with the Linux terminal driver swapped for one that exits when the
        terminal hangs up (``hangup_driver``); the browser's and the tests' drivers are kept."""
        chosen = super().get_driver_class()
        if f"{chosen.__module__}.{chosen.__qualname__}" != "textual.drivers.linux_driver.LinuxDriver":
            return chosen
        from annotator.tui.hangup_driver import HangupDriver  # termios: imported where Linux's is chosen

        return HangupDriver

    def on_mount(self) -> None:
        if self.annotation_run.keymap:
            self.set_keymap(self.annotation_run.keymap)
        self.push_screen(self.open_screen(self.annotation_run))
        self.idle_gc.start()
        self.set_interval(CHECK_SECONDS, self.idle_gc.tick)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)) and not event.is_forwarded:
            self.idle_gc.input_arrived()
        await super().on_event(event)

    @property
    def keymap(self) -> dict[str, str]:
        """The keymap in force, keys in Textual's long form (as ``set_keymap`` stored it)."""
        return dict(self._keymap)

    def on_unmount(self) -> None:
        self.idle_gc.stop()
        self.annotation_run.store.close()
        if self.annotation_run.rejects is not None:
            self.annotation_run.rejects.close()
        if self.annotation_run.drafts is not None:
            self.annotation_run.drafts.close()


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
    order: str = "file",
    learning: ModelLoop | None = None,
) -> AnnotatorApp:
    """An app ready to run; opens (and locks) the output now so a problem shows before the screen.
    With ``learning`` the newest model it kept pre-labels from the start (else ``model``)."""
    store = JsonlStore(output)
    session_id = f"{annotator}-{time.strftime('%Y-%m-%dT%H:%M:%S')}-{uuid.uuid4().hex[:6]}"
    annotation_run = AnnotationRun(
        sources=list(sources),
        store=store,
        annotator=annotator,
        session_id=session_id,
        model=model,
        entity_labels=list(labels or DEFAULT_ENTITY_LABELS),
        rejects=RejectsFile(output) if skip_invalid else None,
        load_model=load_model or _load_pipeline,
        keymap=dict(keymap or {}),
        drafts=DraftJournal(output, on_problem=lambda problem: report_on_stderr(str(problem))),
        order=order,
        learning=learning,
    )
    if learning is not None and learning.in_use.path is not None:
        annotation_run.model = str(learning.in_use.path)
    return AnnotatorApp(annotation_run)


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
    annotation_run = AnnotationRun(
        sources=list(decisions.sources),
        store=store,
        annotator=reviewer,
        session_id=session_id,
        # The annotate keys 1-6 stay where annotators know them; labels beyond those are picked with e.
        entity_labels=[*DEFAULT_ENTITY_LABELS, *extra],
        keymap=dict(keymap or {}),
    )
    return AnnotatorApp(annotation_run, lambda s: ReviewScreen(s, decisions))


class VisitorApp(AnnotatorApp):
    """A browser visitor's app (``annotator serve``): asks who they are, then opens their own file
    in OUT_DIR (``NAME.jsonl``, or ``gold/NAME.jsonl`` to review) and the usual screen."""

    def __init__(self, make_run: Callable[[str], AnnotationRun], names: list[str] | None,
                 open_screen: Callable[[AnnotationRun], Screen[None]] = AnnotateScreen,
                 purpose: str = "annotate") -> None:
        super().__init__(None, open_screen)  # type: ignore[arg-type] - the run comes with the name
        self.make_run = make_run
        self.names = list(names or [])
        self.purpose = purpose

    def on_mount(self, event: events.Mount) -> None:
        from annotator.tui.screens.login import LoginScreen

        event.prevent_default()  # the annotate screen opens once the visitor has a name
        self.push_screen(LoginScreen(self.claim, self.names, self.purpose), self._logged_in)

    def claim(self, name: str) -> str | None:
        """Open NAME's file (locked, as in the terminal); the reason in a sentence when that fails."""
        if self.names and name not in self.names:
            return f"{name!r} is not on this project's list of annotators."
        # A visitor's name becomes a file name: nothing that could leave the folder, hide the file
        # or take the name of another file's journal or rejects (``alice.drafts``).
        problem = visitor_name_problem(name)
        if problem is not None:
            return problem
        try:
            self.annotation_run = self.make_run(name)
        except UserError as err:
            if isinstance(err, StoreLockedError):
                return f"{name} is already annotating in another page or terminal; close that one first."
            return str(err)
        return None

    def _logged_in(self, name: str | None) -> None:
        self.sub_title = name or ""
        AnnotatorApp.on_mount(self)

    def on_unmount(self, event: events.Unmount) -> None:
        event.prevent_default()
        if self.annotation_run is not None:
            AnnotatorApp.on_unmount(self)


def create_visitor_app(
    sources: Iterable[str | Path],
    out_dir: str | Path,
    *,
    annotators: list[str] | None = None,
    review: bool = False,
    model: str | None = None,
    labels: list[str] | None = None,
    keymap: dict[str, str] | None = None,
    order: str = "file",
    load_model: Callable[[str | None], Any] | None = None,
) -> VisitorApp:
    """The app ``annotator serve`` runs per visitor: annotate SOURCES into ``OUT_DIR/NAME.jsonl``, or
    with ``review`` adjudicate the decision files in OUT_DIR into ``OUT_DIR/gold/NAME.jsonl``."""
    out_dir = Path(out_dir)
    sources = list(sources)
    if not review:
        def annotate_run(name: str) -> AnnotationRun:
            return create_app(sources, out_dir / f"{name}.jsonl", annotator=name, model=model,
                              labels=labels, keymap=keymap, order=order, load_model=load_model).annotation_run

        return VisitorApp(annotate_run, annotators)

    from annotator.core.adjudication import REVIEWED_ANSWERS
    from annotator.core.decisions import index_decisions
    from annotator.tui.screens.review import ReviewScreen

    index: list[DecisionIndex] = []

    def review_run(name: str) -> AnnotationRun:
        (out_dir / "gold").mkdir(exist_ok=True)
        files = [str(p) for p in visitor_files(out_dir)]  # never a journal or rejects file, by the name rule
        decisions = index_decisions(files, answers=REVIEWED_ANSWERS, group_by="annotator") if files else None
        if decisions is None or not decisions.decisions_per_input:
            raise UserError(f"There is nothing to review yet: no accepted or rejected decisions in {out_dir}.")
        index[:] = [decisions]
        return create_review_app(decisions, out_dir / "gold" / f"{name}.jsonl", reviewer=name,
                                 keymap=keymap).annotation_run

    return VisitorApp(review_run, annotators, lambda s: ReviewScreen(s, index[0]), purpose="review")
