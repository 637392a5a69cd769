"""The footer: one line naming the keys the screen offers now (its shown bindings, in the order
Textual's ``Footer`` gives them, disabled ones dimmed). Textual's footer recomposes a widget per
key whenever the bindings change (starting a selection cost a frame and more); this one only
redraws its line, and only when the text changed."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

_DIM = Style(dim=True)


class KeyFooter(Widget, can_focus=False):
    """The screen's shown keys as ``key Description`` pairs; clicking one presses its key."""

    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description"}

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        #: what is shown: (key display, description, key to press, enabled), in order
        self.keys: list[tuple[str, str, str, bool]] = []
        #: shown instead of the keys while the editor takes keys itself (a jump's tags)
        self.prompt: Text | None = None
        #: the cells each key takes on the line: (first column, past the last, key, enabled)
        self._cells: list[tuple[int, int, str, bool]] = []

    def on_mount(self) -> None:
        # At once (not a message later): the footer changes in the same screen update as the rest.
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed, immediate=True)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        keys: list[tuple[str, str, str, bool]] = []
        # A screen may leave out keys that work but matter less now (d and s on a suggestion).
        seen: set[str] = set(getattr(screen, "footer_hidden", frozenset)())
        for _, binding, enabled, _ in screen.active_bindings.values():
            # One entry per action, as Textual's footer shows it (tab and j are one "next span").
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append((self.app.get_key_display(binding), binding.description, binding.key, enabled))
        if keys != self.keys:
            self.keys = keys
            self.refresh()

    def show_prompt(self, prompt: Text | None) -> None:
        """Show ``prompt`` on the line instead of the keys (None: the keys again)."""
        self.prompt = prompt
        self.refresh()

    def render(self) -> Text:
        if self.prompt is not None:
            self._cells = []
            return self.prompt
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        self._cells = []
        for display, description, key, enabled in self.keys:
            if line:
                line.append(" ")
            start = line.cell_len
            line.append(display, style=key_style if enabled else key_style + _DIM)
            if description:
                line.append(" " + description, style=description_style if enabled else description_style + _DIM)
            self._cells.append((start, line.cell_len, key, enabled))
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key, enabled in self._cells:
            if start <= event.x < end:
                event.stop()
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return
