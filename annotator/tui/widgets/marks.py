"""What the document editor marks over the text, as character ranges (the view paints them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Marks:
    """What is marked over the text, as character ranges: the focused span, the selection, the
    cursor, a picker's row."""

    focus: tuple[int, int] | None = None
    selection: tuple[int, int] | None = None
    cursor: tuple[int, int] | None = None
    #: the span of the row a picker would choose now
    choice: tuple[int, int] | None = None

    def ranges(self) -> set[tuple[int, int]]:
        return {m for m in (self.focus, self.selection, self.cursor, self.choice) if m is not None}
