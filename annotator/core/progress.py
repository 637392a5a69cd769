"""How long work reports how far it has got, without knowing how (or whether) it is drawn.

The commands draw Rich progress bars (``annotator.cli.progress``); Python callers and tests pass
nothing and nothing is drawn.
"""

from __future__ import annotations

from typing import Callable, Protocol

#: told how many more items are done
Advance = Callable[[int], None]


class Progress(Protocol):
    def stage(self, description: str, total: int | None = None) -> Advance:
        """Open one stage of the work (``total`` None: not known) and return how to advance it."""


class NoProgress:
    """Progress that goes nowhere."""

    def stage(self, description: str, total: int | None = None) -> Advance:
        return _ignore


def _ignore(done: int) -> None:
    return None
