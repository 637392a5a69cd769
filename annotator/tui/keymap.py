"""Users' own keys: a JSON file that maps binding ids (listed on the help screen) to keys.

    {"accept": "y", "reject": "ctrl+x", "next_span": "tab,l"}
"""

from __future__ import annotations

import json
from pathlib import Path

from textual.binding import Binding

from annotator.core.sources import InputError


def default_bindings() -> dict[str, list[str]]:
    """Binding id → its default keys, for every screen a keymap can reach."""
    from annotator.tui.screens.annotate import AnnotateScreen
    from annotator.tui.screens.review import ReviewScreen
    from annotator.tui.widgets.document_editor import DocumentEditor

    found: dict[str, list[str]] = {}
    for owner in (AnnotateScreen, ReviewScreen, DocumentEditor):
        for cls in owner.__mro__:
            for binding in cls.__dict__.get("BINDINGS", ()):
                if isinstance(binding, Binding) and binding.id:
                    found.setdefault(binding.id, [k.strip() for k in binding.key.split(",")])
    return found


def read_keymap(path: str | Path) -> dict[str, str]:
    """The keymap in ``path``, checked: known ids, string keys, and no key given two jobs."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(name, None, "no such file") from None
    except UnicodeDecodeError:
        raise InputError(name, None, "not valid UTF-8") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(name, err.lineno, f"invalid JSON: {err.msg} at column {err.colno}") from None
    if not isinstance(data, dict):
        raise InputError(name, 1, 'a keymap is a JSON object of binding ids and keys, e.g. {"accept": "y"}')
    defaults = default_bindings()

    def line_of(binding_id: str) -> int:
        return text[: max(text.find(json.dumps(binding_id)), 0)].count("\n") + 1

    keymap: dict[str, str] = {}
    for binding_id, keys in data.items():
        if binding_id not in defaults:
            raise InputError(name, line_of(binding_id), f"unknown binding id {binding_id!r}; the help "
                             "screen (?) lists every id")
        if not isinstance(keys, str) or not [k for k in keys.split(",") if k.strip()]:
            raise InputError(name, line_of(binding_id), f"{binding_id!r} needs keys as a string, "
                             'e.g. "y" or "ctrl+y,f2"')
        keymap[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    owner: dict[str, str] = {}
    for binding_id, keys in defaults.items():
        for key in keymap.get(binding_id, ",".join(keys)).split(","):
            other = owner.setdefault(key, binding_id)
            if other != binding_id:
                clash = binding_id if binding_id in keymap else other
                raise InputError(name, line_of(clash), f"key {key!r} would do both {other!r} and "
                                 f"{binding_id!r}; give one of them another key")
    return keymap
