"""Making document text safe to draw: control characters become visible symbols, one for one.

The mapping keeps every character at its offset, so spans drawn over the safe text line up with
the document; nothing in a document can send an escape sequence or a bidi override to the terminal.
"""

from __future__ import annotations

import unicodedata

#: Invisible direction overrides and isolates: shown, never obeyed.
_BIDI_CONTROLS = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C}


def _visible(code: int) -> str:
    if code == 0x09:
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␛ for ESC, ␍ for CR
    if code == 0x7F:
        return "␡"
    if 0x80 <= code <= 0x9F or code in _BIDI_CONTROLS:
        return "�"
    return chr(code)


_TABLE = {code: _visible(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), *_BIDI_CONTROLS]}
_KEEP_NEWLINE = {**_TABLE, 0x0A: "\n"}


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """The text with every control character replaced by one visible character."""
    out = text.translate(_KEEP_NEWLINE if keep_newlines else _TABLE)
    # Other format characters (category Cf, e.g. zero-width or line/paragraph separators) are
    # left alone except the line and paragraph separators, which terminals treat as line breaks.
    return out.replace("\u2028", "↵").replace("\u2029", "¶")


def excerpt(text: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters, for lists and dialogs."""
    flat = " ".join(printable(text, keep_newlines=False).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def is_word(token_text: str) -> bool:
    """Whether a token starts with a letter or digit (``w``/``b`` jump between these)."""
    return bool(token_text) and unicodedata.category(token_text[0])[0] in "LN"
