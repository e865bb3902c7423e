"""A one-line label that never cuts its text silently: in a window too narrow for it (the status bar at 800 px
in Spanish) it ends in "…" and its tooltip and accessible name carry the whole text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel

ELLIPSIS_ROOM = 48  # the least it shrinks to: a word and "…"


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self._full = ""
        self._tip = ""  # the tooltip the owner set (e.g. the sync error in words), kept beside the full text
        self.setText(text)

    def text(self) -> str:  # noqa: D102 - the whole text, whatever the width shows
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self.setAccessibleName(text)
        self.updateGeometry()
        self._fit()

    def setToolTip(self, tip: str) -> None:  # noqa: N802 - Qt's name
        self._tip = tip
        self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802 - as wide as the whole text when there is room
        hint = super().sizeHint()
        margins = self.contentsMargins()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right() + 2,
                     hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - may shrink; the text is then elided, not cut
        return QSize(min(ELLIPSIS_ROOM, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.contentsRect().width())
        QLabel.setText(self, shown)
        # The owner's tooltip first (what a sync alarm means), then the whole text the width shortened.
        tips = [t for t in (self._tip, self._full if shown != self._full else "") if t and t != shown]
        QLabel.setToolTip(self, "\n\n".join(dict.fromkeys(tips)))
