"""A layout that wraps its items onto more lines when the window is narrow (Qt's FlowLayout example).

Rows of filters or action buttons laid out side by side set the window's minimum width to their sum; at
200% text on a 1366x768 screen (683 logical pixels wide) that pushed the main window off the screen.
Wrapping keeps every control visible and the minimum width to the widest single item."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self) -> int:
        """The gap between items, across and down: the one given, else the style's layout spacing, as Qt's
        own layouts have it. Not QStyle.layoutSpacing(): Fusion answers -1 there (Qt's common style has no
        preference), which left the items overlapping by a pixel. QLayout.spacing() asks the style in C++, so PySide need
        not set up QStyle's many enums while the first window is built (start-up)."""
        if self._spacing >= 0:
            return self._spacing
        spacing = self.spacing()
        return spacing if spacing >= 0 else 6  # not in a widget yet: Fusion's spacing

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        gap = self._gap()
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y, line_height = area.x(), y + line_height + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint.boundedTo(area.size()).expandedTo(item.minimumSize())))
            x += hint.width() + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


def labelled(label: QWidget, field: QWidget) -> QWidget:
    """A label and its field kept together on one line of a flow."""
    return _one_line((label, field), wide=field)


def with_button(field: QWidget, button: QWidget) -> QWidget:
    """A field and the button that fills it (a file or folder chooser) on one line, the field taking the width."""
    return _one_line((field, button), wide=field)


def _one_line(widgets: tuple[QWidget, ...], *, wide: QWidget) -> QWidget:
    """The widgets side by side with no margin around them; `wide` takes the width left."""
    line = QWidget()
    row = QHBoxLayout(line)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget, 1 if widget is wide else 0)
    return line
