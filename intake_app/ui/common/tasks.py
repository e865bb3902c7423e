"""The one task runner of the app (the Picard/Anki pattern).

Everything that touches the database runs on ONE worker thread ("db" pool), so writes never race and the
GUI thread never waits on SQLite. Work that does not touch the database (hashing, sync I/O, PDF) may use the
"io" pool. Results come back on the GUI thread through a signal owned by the runner (a QObject living on the
GUI thread), so callbacks may touch widgets. No QRunnable owns signals; nothing calls processEvents().

    runner.run(lambda: store.list(flt), on_done=model.set_rows, on_error=show_error)
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

# What a callback returns is not used (a widget's setter, a dialog's open()...).
Done = Callable[[Any], object]
Failed = Callable[[BaseException], object]


def _default_error(exc: BaseException) -> None:
    log.error("background task failed: %s", "".join(traceback.format_exception(exc)))


def _owner_deleted(callback: Callable[[Any], None]) -> bool:
    """A method of a widget closed while its work ran (an incident's tab, a dialog): nobody is left to show the
    answer to, and calling it would raise 'C++ object already deleted' in the event loop (the crash dialog)."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


class TaskRunner(QObject):
    _finished = Signal(object, object, object)  # callback, value, ok-flag (True = done, False = error)

    def __init__(self, parent: QObject | None = None, io_workers: int = 2):
        super().__init__(parent)
        self._pools = {
            "db": ThreadPoolExecutor(max_workers=1, thread_name_prefix="intake-db"),
            "io": ThreadPoolExecutor(max_workers=io_workers, thread_name_prefix="intake-io"),
        }
        self._pending = 0
        # Queued: the slot always runs on the thread that owns the runner (the GUI thread).
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(self, func: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None,
            pool: str = "db") -> None:
        on_error = on_error or _default_error
        self._pending += 1

        def work() -> None:
            try:
                value = func()
            except BaseException as exc:  # delivered to on_error on the GUI thread
                self._finished.emit(on_error, exc, False)
            else:
                self._finished.emit(on_done, value, True)

        self._pools[pool].submit(work)

    def _deliver(self, callback, value, ok) -> None:
        self._pending -= 1
        if callback is None or _owner_deleted(callback):
            return
        callback(value)

    def shutdown(self, wait: bool = True) -> None:
        """At exit: let queued database writes (an autosave, a save) finish."""
        for pool in self._pools.values():
            pool.shutdown(wait=wait)

