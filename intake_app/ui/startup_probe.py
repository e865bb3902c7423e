"""Start-up measurement hook (tests/benchmarks/test_startup_benchmark.py).

With INTAKE_STARTUP_PROBE set, the app prints `ready <seconds> rows=<n>` and quits as soon as the main
window is shown and the first page of the incident list holds rows. The variable's value is the launch
time (seconds since the epoch, from the launching process) so <seconds> covers the whole start,
interpreter included; any other value measures from this module's import. Without it: does nothing.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

ENV = "INTAKE_STARTUP_PROBE"
_IMPORTED = time.time()


def launched_at(value: str) -> float:
    try:
        stamp = float(value)
    except ValueError:
        return _IMPORTED
    return stamp if stamp > 1e9 else _IMPORTED


def arm(window: QWidget, model: QAbstractItemModel) -> None:
    value = os.environ.get(ENV, "")
    if not value:
        return
    start = launched_at(value)
    done = []

    def report() -> None:
        print(f"ready {time.time() - start:.3f} rows={model.rowCount()}", flush=True)
        QCoreApplication.quit()

    def check(*_args) -> None:
        if not done and window.isVisible() and model.rowCount() > 0:
            done.append(True)
            QTimer.singleShot(0, report)  # after the events already queued (the window's first paint)

    model.modelReset.connect(check)
    model.rowsInserted.connect(check)
    model.layoutChanged.connect(check)
    QTimer.singleShot(0, check)
