"""Run something once a widget has been painted for the first time (start-up speed).

The app opens its store in full once the first screen is on display, not before: that work is Python-heavy,
and while another thread holds the interpreter lock each of the hundreds of short Python calls that paint a
table (the model's data()) waits for it, which made the first paint several times slower."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # The window and its children are painted in one pass: after the events already queued, it is done.
            QTimer.singleShot(0, self._then)
            self.deleteLater()
        return False


def when_painted(widget: QWidget, then: Callable[[], None]) -> None:
    widget.installEventFilter(_FirstPaint(widget, then))
