"""Where the cursor lands: what ``/`` finds (the next span with the query as its label, else the next
place the text has it), the line ``/`` is typed on, and the span a token is in."""

from __future__ import annotations

from bisect import bisect_right

from rich.text import Text

from annotator.core.records import QUOTE, Span, Task


def find(task: Task, spans: list[Span], query: str, here: int, *, labels: bool = True
         ) -> tuple[Span | int, int] | None:
    """After character ``here`` (wrapping round): with ``labels``, the next span labelled ``query``
    when it is in capitals (``/GPE``); else the next place the text has it, case aside: the smallest
    span starting on that word, or the token there; with the character offset of the hit. None: nowhere."""
    labelled = [s for s in spans if s.label == query.strip().upper()]
    if labels and labelled and query.strip().isupper():
        span = next((s for s in labelled if s.start > here), labelled[0])
        return span, span.start
    text, needle = task.text.casefold(), query.casefold()
    found = text.find(needle, here + 1)
    if found < 0:
        found = text.find(needle)
    if found < 0:
        return None
    token = max(bisect_right([t.start for t in task.tokens], found) - 1, 0)
    starting = [s for s in task.spans if s.start == task.tokens[token].start]
    if labels and starting:
        return min(starting, key=lambda s: s.end - s.start), found
    return token, found


def span_at(spans: list[Span], token: int) -> Span | None:
    """The span to focus when the cursor is on ``token``: the smallest that holds it (a name before
    the quote it is in)."""
    holding = [s for s in spans if s.token_start <= token <= s.token_end]
    return min(holding, key=lambda s: (s.token_end - s.token_start, s.label == QUOTE)) if holding else None


class SearchLine:
    """The text typed after ``/``, as the editor's jump tags are: ``key`` takes each key and says
    when the search is typed (enter: the text, or the last search again when none; escape: None).
    Not a modal screen (which repaints the whole screen under it on every frame); the footer line
    shows ``prompt()``."""

    def __init__(self, last: str) -> None:
        self.last = last
        self.typed = ""

    def prompt(self) -> Text:
        prompt = Text(" / ", style="bold reverse")
        prompt.append(self.typed)
        prompt.append("▏", style="bold")
        if not self.typed:
            hint = (f"search text or a label (enter: '{self.last}' again)" if self.last else
                    "search text, or a label such as PERSON; enter jumps, ; jumps again")
            prompt.append(hint, style="dim")
        prompt.append("  · escape cancels", style="dim")
        return prompt

    def key(self, key: str, character: str | None) -> tuple[bool, str | None]:
        if key == "enter":
            return True, self.typed or self.last or None
        if key == "escape":
            return True, None
        if key in ("backspace", "ctrl+h"):
            self.typed = self.typed[:-1]
        elif character and character.isprintable():
            self.typed += character
        return False, None


def next_from(spans: list[Span], here: int, step: int) -> Span | None:
    """The first of ``spans`` (in text order) starting after character ``here`` (``step`` < 0:
    the last starting before it), around the end; None when there are none."""
    if not spans:
        return None
    if step > 0:
        return next((s for s in spans if s.start > here), spans[0])
    return next((s for s in reversed(spans) if s.start < here), spans[-1])
