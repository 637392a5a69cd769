"""The terminal driver of the apps: an app leaves when its terminal does.

When an SSH connection drops or a tmux pane is killed, the kernel hangs the terminal up. The
process is sent SIGHUP only when it leads the terminal's session; started from ``make run`` (or any
shell that stays), it is not, and Textual's Linux driver (8.2) then reads end-of-file from the dead
terminal in a loop that never sleeps (Textualize/textual#6690): such a process ran at 92% of a core
for 17 minutes, until it was killed. This driver watches the terminal for the hang-up (``poll``
reports POLLHUP at once, with no read) and takes SIGHUP and SIGTERM, and then exits the app as ``q``
does: every edit is already in the drafts journal (fsynced before the next key is handled), the
output and the journal are closed and a model update in progress is stopped. Nothing more is
written to a terminal that is gone. The exit status is 128 + the signal (129 for a hang-up), the
status a shell gives a process that signal ended.
"""

from __future__ import annotations

import asyncio
import select
import signal
import threading
from typing import Any

from textual.drivers.linux_driver import LinuxDriver

from annotator.core.atomic import CLEAN_EXIT_SIGNALS

#: The exit status after the terminal hung up.
HANGUP_STATUS = 128 + signal.SIGHUP
#: How long one wait for the hang-up lasts before the watcher looks whether the app has stopped.
WATCH_MS = 500
_GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL


def hung_up(fd: int, timeout_ms: int = 0) -> bool:
    """Whether the terminal (or pipe) on ``fd`` has hung up, waiting at most ``timeout_ms`` for it."""
    poller = select.poll()
    poller.register(fd, 0)  # POLLHUP, POLLERR and POLLNVAL are reported whatever is asked for
    return any(mask & _GONE for _, mask in poller.poll(timeout_ms))


class HangupDriver(LinuxDriver):
    """Textual's Linux driver, which exits the app when the terminal hangs up or on SIGHUP or SIGTERM."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.terminal_gone = False
        self._stopping = threading.Event()
        self._previous_handlers: dict[int, Any] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    def start_application_mode(self) -> None:
        super().start_application_mode()
        self._loop = asyncio.get_running_loop()
        for number in CLEAN_EXIT_SIGNALS:
            self._previous_handlers[number] = signal.signal(number, self._on_signal)
        threading.Thread(target=self._watch, name="annotator-hangup", daemon=True).start()

    def stop_application_mode(self) -> None:
        self._stopping.set()
        for number, handler in self._previous_handlers.items():
            signal.signal(number, handler)
        self._previous_handlers.clear()
        super().stop_application_mode()

    def write(self, data: str) -> None:
        if not self.terminal_gone:
            super().write(data)

    def close(self) -> None:
        writer = self._writer_thread
        if self.terminal_gone and writer is not None and not writer.is_alive():
            return  # it died writing to the dead terminal: stopping it would wait on its full queue
        super().close()

    def _watch(self) -> None:
        while not self._stopping.is_set():
            if hung_up(self.fileno, WATCH_MS):
                self._leave(HANGUP_STATUS, terminal_gone=True)
                return

    def _on_signal(self, number: int, _frame: object) -> None:
        self._leave(128 + number, terminal_gone=hung_up(self.fileno))

    def _leave(self, status: int, *, terminal_gone: bool) -> None:
        if terminal_gone:
            self.terminal_gone = True
            self.exit_event.set()  # the input thread stops reading end-of-file
        if self._loop is not None and not self._stopping.is_set():
            self._loop.call_soon_threadsafe(self._exit_app, status)

    def _exit_app(self, status: int) -> None:
        if not self._stopping.is_set():
            self._app.exit(return_code=status)
