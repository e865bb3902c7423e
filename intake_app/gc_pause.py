"""Garbage collection held off while a batch of records is parsed, checked and stored: a pulled page of the
change feed on a station (sync/engine.py). The server holds its pushed batches off with its own
(server/collection.py).

A batch is up to 1,000 records, each a few hundred small objects that live until the page is stored. Python's
collector counts those allocations and walks the growing heap again and again meanwhile (measured: about a
quarter of a 10,000-record pull), although none of it is garbage yet and the records hold no reference
cycles. Collection resumes after the batch; whatever cycles a batch leaves are collected then.

(The desktop app's start is not held: it saved 0.5 ms of a 150-175 ms start; ui/shell/startup.py.)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class _Pause:
    """Counts holders, so nested and concurrent pauses end when the last one does, and collection comes back
    only if it was on before the first began."""

    def __init__(self):
        self.lock = threading.Lock()
        self.holders = 0
        self.was_enabled = True

    @contextmanager
    def __call__(self) -> Iterator[None]:
        release = self.hold()
        try:
            yield
        finally:
            release()

    def hold(self) -> Callable[[], None]:
        """A pause that lasts until the returned function is called (again: nothing), for a pause that
        ends somewhere else than where it began."""
        with self.lock:
            if self.holders == 0:
                self.was_enabled = gc.isenabled()
                gc.disable()
            self.holders += 1
        released: list[bool] = []

        def release() -> None:
            with self.lock:
                if released:
                    return
                released.append(True)
                self.holders -= 1
                if self.holders == 0 and self.was_enabled:
                    gc.enable()

        return release


collection_paused = _Pause()
