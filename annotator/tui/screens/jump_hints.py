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


class JumpHints(ModalScreen[object]):
    """Dismisses with the target of the typed tag, or None (escape, or a tag that is not shown).

    A tag may stand for several targets (spans that start on the same word): typing it then asks
    which one, by digit (enter: the first, the smallest), naming each by its label and text.
    """

    def __init__(self, tags: list[str], what: str, targets: list[object] | None = None,
                 groups: list[list[object]] | None = None, names: list[list[str]] | None = None) -> None:
        super().__init__()
        self.tags = tags
        #: what each tag reaches (spans or token ids), in the order of ``tags``: the first of its group
        self.targets = list(targets or [])
        self.groups = groups or [[t] for t in self.targets]
        self.names = names or [[] for _ in self.groups]
        self.what = what
        self.typed = ""
        #: the group whose member is being chosen, after its tag was typed
        self.choosing: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._prompt(), id="hint-prompt")

    def _prompt(self) -> Text:
        if self.choosing is not None:
            prompt = Text(f" {self.typed}: ", style="bold reverse")
            for number, name in enumerate(self.names[self.choosing], start=1):
                prompt.append(f" {number} ", style="bold")
                prompt.append(name + " ")
            prompt.append(" · enter: 1 · escape cancels", style="dim")
            return prompt
        prompt = Text(f" JUMP to a {self.what}: type its tag", style="bold")
        if self.typed:
            prompt.append(f"  {self.typed}…", style="bold reverse")
        prompt.append("  · escape cancels", style="dim")
        return prompt

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self.choosing is not None:
            group = self.groups[self.choosing]
            if event.key == "enter":
                self.dismiss(group[0])
            elif event.character and event.character.isdigit() and 1 <= int(event.character) <= len(group):
                self.dismiss(group[int(event.character) - 1])
            else:
                self.dismiss(None)
            return
        if event.key == "escape" or not event.character or not event.character.isprintable():
            self.dismiss(None)
            return
        self.typed += event.character.lower()
        if self.typed in self.tags:
            index = self.tags.index(self.typed)
            if len(self.groups[index]) == 1:
                self.dismiss(self.groups[index][0])
                return
            self.choosing = index
            self.query_one("#hint-prompt", Static).update(self._prompt())
        elif any(tag.startswith(self.typed) for tag in self.tags):
            self.query_one("#hint-prompt", Static).update(self._prompt())
        else:
            self.dismiss(None)
