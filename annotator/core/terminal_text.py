"""Text from records made safe to show in a terminal: one rule for document text, labels, names and errors.

Control characters become visible symbols one for one (ESC as ``␛``), C1 controls and bidi
overrides become ``�``, and lone surrogates (which cannot be encoded) become ``�``, so nothing read
from a file can send an escape sequence, reorder a line or crash the output. Rich markup is a
separate matter: print these strings with markup off (``terminal_console``) or as ``rich.text.Text``.
"""

from __future__ import annotations

#: Invisible direction overrides and isolates: shown, never obeyed.
_BIDI_CONTROLS = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C}
_SURROGATES = range(0xD800, 0xE000)


def _visible(code: int) -> str:
    if code == 0x09:
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␛ for ESC, ␍ for CR
    if code == 0x7F:
        return "␡"
    return "�"


_TABLE = {code: _visible(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), *_BIDI_CONTROLS]}
_TABLE[0x2028] = "↵"  # line and paragraph separators: terminals may treat them as line breaks
_TABLE[0x2029] = "¶"
_KEEP_NEWLINE = {**_TABLE, 0x0A: "\n"}


def printable(text: str, *, keep_newlines: bool = True) -> str:
    """The text with every control character replaced by one visible character (same length)."""
    out = text.translate(_KEEP_NEWLINE if keep_newlines else _TABLE)
    if not out.isascii() and _has_surrogate(out):
        out = "".join("�" if ord(c) in _SURROGATES else c for c in out)
    return out


def one_line(text: str) -> str:
    """``printable`` for a single line of output: a newline shows as ``␊``."""
    return printable(text, keep_newlines=False)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
