"""The last few results of a costly reading, kept by key for the next page view in this process:
the review's grouping and signals, the opportunities' counts."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from flask import current_app


class Recent:
    """Keep the `size` results used last, by key; safe to share between threads."""

    def __init__(self, size: int):
        self.size = size
        self._kept: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key) -> Any | None:
        """Return the result kept for the key, or None."""
        with self._lock:
            if key not in self._kept:
                return None
            self._kept.move_to_end(key)
            return self._kept[key]

    def put(self, key, value) -> Any:
        """Keep a result, forgetting the one used longest ago when full; return the result."""
        with self._lock:
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return value

    def keep(self, key, make: Callable[[], Any]) -> Any:
        """Return the result kept for the key, or make it (outside the lock) and keep it."""
        known = self.get(key)
        return self.put(key, make()) if known is None else known

    def clear(self) -> None:
        """Forget every result."""
        with self._lock:
            self._kept.clear()


def kept(name: str, size: int) -> Recent:
    """Return this app's results of one kind (an app per worker process, and per test)."""
    if name not in current_app.extensions:
        current_app.extensions.setdefault(name, Recent(size))
    return current_app.extensions[name]
