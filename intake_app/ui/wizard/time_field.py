"""A date-time field that may be left empty ("(not set)") and is still typeable.

QDateTimeEdit's "not set" is its minimum (2000-01-01) shown as special text: typing into it did nothing, and Up
stepped to 2001-01-01. Here the first key, Up/Down or the wheel on an empty field first puts a suggested time in
it (near the incident's, as the dialog says), then does what the key does; a "Now" button sets the present
minute. The time conversion (the record's zone, DST) stays in common.set_edit_time/edit_time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QHBoxLayout, QPushButton, QWidget

STEP_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def _this_minute() -> QDateTime:
    now = QDateTime.currentDateTime()
    return QDateTime(now.date(), QTime(now.time().hour(), now.time().minute()))


class WallTimeEdit(QDateTimeEdit):
    """A wall-clock time in a record's zone (`zone_name`), with `fold_choice`: which of the two times it is when
    the clocks passed it twice (fall back). common.datetime_edit makes them and keeps the choice in step."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fold_choice = QComboBox()
        self.zone_name = "America/Chicago"


class OptionalDateTimeEdit(WallTimeEdit):
    """`suggest()` gives the time an empty field takes when the user starts on it (default: this minute)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.suggest: Callable[[], QDateTime] = _this_minute

    def is_empty(self) -> bool:
        return bool(self.specialValueText()) and self.dateTime() == self.minimumDateTime()

    def _fill(self) -> None:
        self.setDateTime(self.suggest())
        self.setCurrentSectionIndex(0)
        self.setSelectedSection(QDateTimeEdit.Section.YearSection)

    def keyPressEvent(self, event) -> None:
        if self.is_empty():
            if event.key() in STEP_KEYS:  # the suggestion is the first step, not 2001-01-01
                self._fill()
                event.accept()
                return
            if event.text() and event.text().isdigit():
                self._fill()  # then the digit types over the selected year, as in a filled field
        super().keyPressEvent(event)

    def stepBy(self, steps: int) -> None:
        if self.is_empty():
            self._fill()
            return
        super().stepBy(steps)


def with_now_button(edit: WallTimeEdit, on_now: Callable[[], None] | None = None) -> QWidget:
    """The field and a "Now" button beside it (the button is not in the tab order: the field takes keys)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(edit.fold_choice)  # "which of the two times" in the fall-back hour
    now = QPushButton(QCoreApplication.translate("Wizard", "Now"))
    now.setObjectName("now_button")
    now.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    now.setAccessibleName(QCoreApplication.translate("Wizard", "Set to now"))

    def set_now() -> None:
        edit.setDateTime(_this_minute())
        if on_now is not None:
            on_now()

    now.clicked.connect(set_now)
    layout.addWidget(now)
    row.setFocusProxy(edit)
    return row
