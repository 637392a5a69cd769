"""Our components run with Python's cyclic garbage collector paused (``collector_paused``).

A component builds tens of thousands of short-lived objects per article (Tokens, spans, proposals,
their features) that die by reference count as it returns; while it runs, the collector's young
passes walk them again and again and promote the survivors, which then bring on full collections
over the whole heap (some 60-90 ms each with a model loaded). Paused, the collection the allocations
owe runs once after the component, over what is still alive then (issue 17, session 47: ~1.8 ms an
article less, paired, with that collection counted). Cycles a component leaves are freed then too.
"""

from __future__ import annotations

import gc
from functools import wraps
from typing import Callable, TypeVar

Call = TypeVar("Call", bound=Callable)


def collector_paused(call: Call) -> Call:
    """``call`` (a component's ``__call__``) run with the collector off, and on again after; left as it
    is when the collector is off already (by the caller, or by another thread inside a component)."""
    @wraps(call)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return call(*args, **kwargs)
        gc.disable()
        try:
            return call(*args, **kwargs)
        finally:
            gc.enable()
    return paused  # type: ignore[return-value]
