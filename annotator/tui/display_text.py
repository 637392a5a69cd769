"""Document text as the screens show it: one-line excerpts for lists and dialogs, lines wrapped to
the view, and what counts
as a word for ``w``/``b`` and jump tags. Making text safe to draw (control characters as visible
symbols, one for one) is ``core/terminal_text.printable``, the one rule the CLI shares.
"""

from __future__ import annotations

import re
import unicodedata

from rich.cells import cell_len, get_character_cell_size

from annotator.core.terminal_text import printable  # the one rule, shared with the CLI


def excerpt(text: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters, for lists and dialogs."""
    flat = " ".join(printable(text, keep_newlines=False).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def is_word(token_text: str) -> bool:
    """Whether a token starts with a letter or digit (``w``/``b`` jump between these)."""
    return bool(token_text) and unicodedata.category(token_text[0])[0] in "LN"


_CHUNK = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Character ranges of the visual lines of ``text`` wrapped at word edges to ``width`` cells."""
    width = max(width, 4)
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        base = position
        position += len(paragraph) + 1
        line_start, cells = base, 0
        for match in _CHUNK.finditer(paragraph):
            chunk_start = base + match.start()
            chunk = match.group()
            word = chunk.rstrip()
            word_cells = cell_len(word)
            if cells and cells + word_cells > width:
                lines.append((line_start, chunk_start))
                line_start, cells = chunk_start, 0
            if word_cells > width:
                # A word wider than the view (a URL, a run of symbols) is cut where it must be.
                for offset, char in enumerate(word, start=chunk_start):
                    size = get_character_cell_size(char)
                    if cells and cells + size > width:
                        lines.append((line_start, offset))
                        line_start, cells = offset, 0
                    cells += size
                cells += len(chunk) - len(word)
            else:
                cells += cell_len(chunk)
        lines.append((line_start, base + len(paragraph)))
    return lines
