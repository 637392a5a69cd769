"""Python's full garbage collections run while the annotator pauses, not inside a key.

A full collection scans every object Python tracks: with a 10,120-token document and its 1,771
spans open it took up to 93 ms of CPU, a few times in every few hundred presses, and those were
the presses that missed the 33 ms repaint target (``bench/tui.py``). While the app runs, Python no
longer starts collections of the oldest generation by itself (the young generations are collected
as before, so short-lived cycles are freed at once); the app runs the one Python would have run
when no key has come for ``IDLE_SECONDS``, or at once when ``MOST_DEFERRED`` times as many have
piled up (someone who never pauses), and puts the thresholds back when it stops.
"""

from __future__ import annotations

import gc
import time
from typing import Callable

IDLE_SECONDS = 1.0
#: How often the app looks for such a pause (``tick``).
CHECK_SECONDS = 0.5
#: How many times Python's own schedule a full collection may wait for a pause.
MOST_DEFERRED = 20
#: The oldest generation's threshold while deferred: never reached by counting.
_NEVER = 1 << 30


class IdleCollector:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.last_input = clock()
        self._thresholds: tuple[int, int, int] | None = None

    @property
    def deferring(self) -> bool:
        return self._thresholds is not None

    def start(self) -> None:
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, _NEVER)

    def stop(self) -> None:
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def input_arrived(self) -> None:
        self.last_input = self._clock()

    def tick(self) -> bool:
        """Run the deferred full collection if it is due and the annotator has paused (or it has
        waited too long); whether it ran."""
        if self._thresholds is None:
            return False
        due = self._thresholds[2]
        waiting = gc.get_count()[2]
        idle = self._clock() - self.last_input >= IDLE_SECONDS
        if waiting >= due and (idle or waiting >= due * MOST_DEFERRED):
            gc.collect()
            return True
        return False
