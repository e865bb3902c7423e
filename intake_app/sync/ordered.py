"""Work handed to one helper thread in order, used by the push (answers written while the next batch is on
its way) and the pull (a page committed while the next is checked)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class Ordered:
    """Work handed to one other thread, one piece at a time and in order: a piece starts once the one before
    has ended, and its error is raised here, at the next hand-over or wait."""

    def __init__(self, pool: ThreadPoolExecutor):
        self._pool = pool
        self._current: Future[Any] | None = None

    def then(self, work: Callable[..., Any], *args: Any) -> None:
        self.wait()
        self._current = self._pool.submit(work, *args)

    def wait(self) -> None:
        current, self._current = self._current, None
        if current is not None:
            current.result()
