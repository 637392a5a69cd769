"""Document text as the screens show it: one-line excerpts for lists and dialogs, and what counts
as a word for ``w``/``b`` and jump tags. Making text safe to draw (control characters as visible
symbols, one for one) is ``core/terminal_text.printable``, the one rule the CLI shares.
"""

from __future__ import annotations

import unicodedata

from annotator.core.terminal_text import printable  # the one rule, shared with the CLI


def excerpt(text: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters, for lists and dialogs."""
    flat = " ".join(printable(text, keep_newlines=False).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def is_word(token_text: str) -> bool:
    """Whether a token starts with a letter or digit (``w``/``b`` jump between these)."""
    return bool(token_text) and unicodedata.category(token_text[0])[0] in "LN"
