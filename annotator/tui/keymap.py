"""The keys: the defaults shipped in ``default_keys.json``, and users' own keymaps over them.

A keymap is a JSON file that maps binding ids (listed on the help screen) to keys, written as the
defaults write them:

    {"accept": "y", "reject": "ctrl+x", "next_span": "tab,l"}
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from textual.binding import Binding

from annotator.core.sources import InputError

#: Every owner's default bindings, ``{owner: {binding id: Binding's fields}}``: the keys in
#: Textual's names, comma-separated as in a keymap; an owner's order is its footer's and help's.
DEFAULT_KEYS = Path(__file__).with_name("default_keys.json")


@cache
def _default_tables() -> dict[str, dict[str, dict]]:
    return json.loads(DEFAULT_KEYS.read_text(encoding="utf-8"))


def shipped_bindings(owner: str) -> list[Binding]:
    """The default bindings of ``owner`` (``document_screen``, ``review_screen``, ``document_editor``)."""
    return [Binding(id=binding_id, **fields) for binding_id, fields in _default_tables()[owner].items()]


def default_bindings() -> dict[str, list[str]]:
    """Binding id → its default keys, for every screen a keymap can reach."""
    return {binding_id: [k.strip() for k in fields["key"].split(",")]
            for table in _default_tables().values() for binding_id, fields in table.items()}


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
