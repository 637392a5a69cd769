"""Rich progress bars for long commands, drawn on standard error only when it is a terminal.

``RichProgress`` implements ``annotator.core.progress.Progress``: each stage of the work is one bar
(a spinner when its size is not known). In a pipe or a log file nothing is drawn.
"""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

from annotator.core.progress import Advance


def progress_shown(wanted: bool = True) -> bool:
    """Bars are drawn when wanted and standard error is a terminal."""
    return wanted and sys.stderr.isatty()


class RichProgress:
    """One Rich display; ``stage(description, total)`` adds a bar and returns how to advance it."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = progress_shown() if enabled is None else enabled
        self._progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True),
            disable=not self.enabled, transient=False,
        )

    def stage(self, description: str, total: int | None = None) -> Advance:
        task = self._progress.add_task(description, total=total)
        return lambda done: self._progress.advance(task, done)

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._progress.stop()
