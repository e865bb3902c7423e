"""A task runner for tests: the work runs at once on the calling thread, with the app's callback contract
(intake_app.ui.common.tasks.TaskRunner), so a test reads the result on the next line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from intake_app.ui.common.tasks import Done, Failed, _default_error


class SyncTaskRunner(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.busy = False

    def run(self, func: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None,
            pool: str = "db") -> None:
        try:
            value = func()
        except Exception as exc:
            (on_error or _default_error)(exc)
            return
        if on_done is not None:
            on_done(value)

    def shutdown(self, wait: bool = True) -> None:
        pass
