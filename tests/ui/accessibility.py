"""Checks that screen-reader and keyboard users can reach and understand every field.

Qt names a field for assistive technology from its accessibleName, else from the QLabel whose buddy it is;
buttons and check boxes name themselves from their text. `unnamed_inputs` lists the fields that have none
of these (the accessibility test walks every wizard page with it). Test code: the app names its fields itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

INPUT_TYPES = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton,
               QAbstractItemView, QAbstractSlider)


def plain(text: str) -> str:
    """Label text as read aloud: without the mnemonic's ampersand and a trailing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def _inside_another_input(widget: QWidget, root: QWidget) -> bool:
    """Parts Qt builds inside a field (a combo's popup list, a date edit's editor, a clear button)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, INPUT_TYPES) or parent.isWindow():
            return True
        parent = parent.parentWidget()
    return False


def is_input(widget: QWidget, root: QWidget | None = None) -> bool:
    if not isinstance(widget, INPUT_TYPES) or isinstance(widget, (QScrollBar, QHeaderView)):
        return False  # scroll bars and table headers belong to their view, which carries the name
    if root is not None and _inside_another_input(widget, root):
        return False
    if isinstance(widget, QTextEdit | QPlainTextEdit) and widget.isReadOnly() and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
        return False
    return True


def buddies(root: QWidget) -> dict[int, QLabel]:
    return {id(label.buddy()): label for label in root.findChildren(QLabel) if label.buddy() is not None}


def accessible_name(widget: QWidget, labels: dict[int, QLabel]) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    if id(widget) in labels:
        return plain(labels[id(widget)].text())
    if isinstance(widget, QAbstractButton):
        return plain(widget.text()) or widget.toolTip()
    return ""


def inputs(root: QWidget, *, visible_only: bool = False) -> list[QWidget]:
    found = [w for w in root.findChildren(QWidget) if is_input(w, root)]
    return [w for w in found if w.isVisibleTo(root)] if visible_only else found


def unnamed_inputs(root: QWidget, *, visible_only: bool = False) -> list[QWidget]:
    labels = buddies(root)
    return [w for w in inputs(root, visible_only=visible_only) if not accessible_name(w, labels)]


def unreachable_by_keyboard(root: QWidget) -> list[QWidget]:
    """Enabled, visible inputs that Tab never stops at."""
    return [w for w in inputs(root, visible_only=True)
            if w.isEnabled() and not (w.focusPolicy() & Qt.FocusPolicy.TabFocus)
            and not isinstance(w, QAbstractButton)]  # buttons also answer their mnemonic / Space


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}(objectName={widget.objectName()!r}, toolTip={widget.toolTip()!r})"

