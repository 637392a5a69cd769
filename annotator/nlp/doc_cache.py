"""``DocCache``: a ``WeakKeyDictionary`` keyed by Doc (what our components read once per Doc,
forgotten with it) that answers the Doc asked last without building a weak reference: the rules ask
the same Doc's entry thousands of times in a row, and ``WeakKeyDictionary.get`` builds one each time."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary, ref


class DocCache(WeakKeyDictionary):
    """A ``WeakKeyDictionary`` with the last entry read or written kept at hand. It keeps a weak
    reference to that Doc and the value itself (so a value must not hold its Doc, or the Doc would
    never be freed); a dead reference never matches a live Doc."""

    def __init__(self) -> None:
        super().__init__()
        self._last: ref | None = None
        self._last_value: Any = None

    def get(self, key: Any, default: Any = None) -> Any:
        last = self._last
        if last is not None and last() is key:
            return self._last_value
        value = super().get(key, default)
        if value is not default:
            self._last, self._last_value = ref(key), value
        return value

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        self._last, self._last_value = ref(key), value

    def __delitem__(self, key: Any) -> None:
        self._last = self._last_value = None
        super().__delitem__(key)

    def clear(self) -> None:
        self._last = self._last_value = None
        super().clear()
