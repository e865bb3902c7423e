"""A main-window tab whose screen is built the first time the tab is shown.

For screens that pull in heavy modules (QtCharts for the dashboard...): importing and building them at start-up
delayed the first usable window (start-up speed) for tabs that many sessions never open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

Screen = TypeVar("Screen", bound=QWidget)


class LazyScreen(QWidget, Generic[Screen]):
    """`content` is the screen once built (None before). Not named `screen`: that is QWidget.screen(), the
    display the widget is on, which Qt and screen_fit call on any widget."""

    def __init__(self, build: Callable[[], Screen], parent=None):
        super().__init__(parent)
        self._build = build
        self.content: Screen | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def built(self) -> Screen:
        """The screen, built now if the tab has not been shown yet."""
        if self.content is None:
            self.content = self._build()
            self._layout.addWidget(self.content)
        return self.content

    def showEvent(self, event) -> None:
        self.built()
        super().showEvent(event)
