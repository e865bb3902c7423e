"""Start-up measurement hook (tests/benchmarks/test_startup_benchmark.py).

With INTAKE_STARTUP_PROBE set, the app prints `ready <seconds> rows=<n>` and quits as soon as the main
window has been painted with the first page of the incident list in it. The variable's value is the launch
time (seconds since the epoch, from the launching process) so <seconds> covers the whole start,
interpreter included; any other value measures from this module's import. Without it: does nothing.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from .first_paint import when_painted

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
    done: list[bool] = []
    painted: list[bool] = []

    def report() -> None:
        print(f"ready {time.time() - start:.3f} rows={model.rowCount()}", flush=True)
        QCoreApplication.quit()

    def check(*_args) -> None:
        if not done and painted and model.rowCount() > 0:
            done.append(True)
            QTimer.singleShot(0, report)  # rows after the first paint: after the repaint already queued

    def on_paint() -> None:  # the whole window has been painted
        painted.append(True)
        if not done and model.rowCount() > 0:
            done.append(True)
            report()

    # Ready means painted with rows: the rows may be set as the window is shown, before anything is painted.
    when_painted(window, on_paint)
    model.modelReset.connect(check)
    model.rowsInserted.connect(check)
    model.layoutChanged.connect(check)
