"""Jump hints (as in vimium or avy): every span or word on screen gets a tag of one or two letters,
drawn over the text; typing a tag dismisses with its target, anything else with None."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

#: Home row first: the nearest targets get the easiest letters.
HINT_LETTERS = "asdfghjklqwertyuiopzxcvbnm"


def hint_tags(count: int, letters: str = HINT_LETTERS) -> list[str]:
    """``count`` prefix-free tags, as many single letters as possible, the rest two letters."""
    size = len(letters)
    if count <= size:
        return list(letters[:count])
    # k single letters leave size - k letters as prefixes of two-letter tags.
    singles = max(k for k in range(size + 1) if k + (size - k) * size >= count) if count <= size * size else 0
    tags = list(letters[:singles])
    for prefix in letters[singles:]:
        for second in letters:
            if len(tags) == count:
                return tags
            tags.append(prefix + second)
    return tags


class JumpHints(ModalScreen["int | None"]):
    """Dismisses with the index of the typed tag's target, or None (escape, or a tag that is not shown)."""

    def __init__(self, tags: list[str], what: str, targets: list[object] | None = None) -> None:
        super().__init__()
        self.tags = tags
        #: what each tag reaches (spans or token ids), in the order of ``tags``
        self.targets = list(targets or [])
        self.what = what
        self.typed = ""

    def compose(self) -> ComposeResult:
        yield Static(self._prompt(), id="hint-prompt")

    def _prompt(self) -> Text:
        prompt = Text(f" JUMP to a {self.what}: type its tag", style="bold")
        if self.typed:
            prompt.append(f"  {self.typed}…", style="bold reverse")
        prompt.append("  · escape cancels", style="dim")
        return prompt

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if event.key == "escape" or not event.character or not event.character.isprintable():
            self.dismiss(None)
            return
        self.typed += event.character.lower()
        if self.typed in self.tags:
            self.dismiss(self.tags.index(self.typed))
        elif any(tag.startswith(self.typed) for tag in self.tags):
            self.query_one("#hint-prompt", Static).update(self._prompt())
        else:
            self.dismiss(None)
