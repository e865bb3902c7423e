"""A main-window tab whose screen is built the first time the tab is shown.

For screens that pull in heavy modules (QtCharts for the dashboard...): importing and building them at start-up
delayed the first usable window (start-up speed) for tabs that many sessions never open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyScreen(QWidget):
    def __init__(self, build: Callable[[], QWidget], parent=None):
        super().__init__(parent)
        self._build = build
        self.screen: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def built(self) -> QWidget:
        """The screen, built now if the tab has not been shown yet."""
        if self.screen is None:
            self.screen = self._build()
            self.layout().addWidget(self.screen)
        return self.screen

    def showEvent(self, event) -> None:
        self.built()
        super().showEvent(event)
