"""``DocCache``: a ``WeakKeyDictionary`` keyed by Doc (what our components read once per Doc,
forgotten with it) that answers the Doc asked last without building a weak reference: the rules ask
the same Doc's entry thousands of times in a row, and ``WeakKeyDictionary.get`` builds one each time."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary, ref


class DocCache(WeakKeyDictionary):
    """A ``WeakKeyDictionary`` with the last entry read or written kept at hand, as one pair (a weak
    reference to that Doc, the value), set in one assignment so that another thread never reads one
    Doc's reference with another's value. It keeps the value itself, so a value must not hold its
    Doc (the Doc would never be freed); a dead reference never matches a live Doc."""

    def __init__(self) -> None:
        super().__init__()
        self._hit: tuple[ref, Any] | None = None

    def get(self, key: Any, default: Any = None) -> Any:
        hit = self._hit
        if hit is not None and hit[0]() is key:
            return hit[1]
        value = super().get(key, default)
        if value is not default:
            self._hit = (ref(key), value)
        return value

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        self._hit = (ref(key), value)

    def __delitem__(self, key: Any) -> None:
        self._hit = None
        super().__delitem__(key)

    def answers(self, doc: Any) -> dict:
        """The Doc's dictionary of answers by key, made empty on first use: for a cache whose value per
        Doc is such a dictionary (each answer read off the Doc once)."""
        hit = self._hit  # (``get``'s fast path, inline: asked some 1,400 times a Doc)
        if hit is not None and hit[0]() is doc:
            return hit[1]
        known = self.get(doc)
        if known is None:
            known = self[doc] = {}
        return known

    def clear(self) -> None:
        self._hit = None
        super().clear()
