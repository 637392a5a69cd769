"""Who is annotating: the first screen of a browser visitor (``annotator serve``), before any document."""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static


class LoginScreen(Screen[str]):
    """Asks for a name; ``claim(name)`` opens that person's file and returns why not, or None.

    The screen dismisses with the name only once the claim succeeded, so a visitor whose name
    is taken (open in another page) or not on the list stays here with the reason in view.
    """

    def __init__(self, claim: Callable[[str], str | None], names: list[str] | None = None,
                 purpose: str = "annotate") -> None:
        super().__init__()
        self.claim = claim
        self.names = names or []
        self.purpose = purpose

    def compose(self) -> ComposeResult:
        with Vertical(id="login"):
            yield Static(Text(f"Who is going to {self.purpose}?", style="bold"), id="login-title")
            hint = (f"One of: {', '.join(self.names)}" if self.names
                    else "Your name (letters, digits, . _ -); your decisions go to NAME.jsonl")
            yield Static(Text(hint), id="login-hint")
            yield Input(placeholder="name, then enter", id="login-name")
            yield Static(Text(""), id="login-error")

    @on(Input.Submitted, "#login-name")
    def submit(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        problem = self.claim(name)
        if problem is not None:
            self.query_one("#login-error", Static).update(Text(problem, style="bold"))
            return
        self.dismiss(name)
