"""What every wizard page shares: a scrolling form, red problem labels under fields, time conversion."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...domain.problems import Problem
from ..domain_text import problem_message

NOT_SET = QDateTime(QDate(2000, 1, 1), QTime(0, 0))
PROBLEM_STYLE = "color: #b00020;"  # dark red: readable on white (contrast 7:1); text, not colour alone
PROBLEM_STYLE_ON_DARK = "color: #ffff00;"  # high contrast / dark palettes: dark red on black is unreadable


def problem_style() -> str:
    dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return PROBLEM_STYLE_ON_DARK if dark else PROBLEM_STYLE


def problem_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(problem_style())
    label.hide()
    return label


def show_problem_text(label: QLabel, messages: list[str], field: QWidget | None = None) -> None:
    text = "\n".join(messages)
    label.setText(text)
    label.setVisible(bool(text))
    if field is not None:
        field.setToolTip(text)
        field.setAccessibleDescription(text)


def datetime_edit(optional: bool) -> QDateTimeEdit:
    from .time_field import OptionalDateTimeEdit  # typeable while "(not set)" (time_field.py)

    edit = OptionalDateTimeEdit() if optional else QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    if optional:  # the minimum shows as "not set" so an empty time is possible
        edit.setMinimumDateTime(NOT_SET)
        edit.setSpecialValueText(QCoreApplication.translate("Wizard", "(not set)"))
        edit.setDateTime(NOT_SET)
    return edit


def set_edit_time(edit: QDateTimeEdit, value: datetime | None, zone: str) -> None:
    if value is None:
        edit.setDateTime(edit.minimumDateTime())
        return
    local = value.astimezone(ZoneInfo(zone))
    edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))


def edit_time(edit: QDateTimeEdit, zone: str) -> datetime | None:
    """The wall-clock time typed, in the record's zone (None when left at "not set")."""
    qdt = edit.dateTime()
    if edit.specialValueText() and qdt == edit.minimumDateTime():
        return None
    return datetime.combine(qdt.date().toPython(), qdt.time().toPython(), ZoneInfo(zone))


def follow_focus(owner: QWidget, handler) -> None:
    """`handler(old, new)` on every focus change in the app while `owner` exists. The application's signal
    outlives every form: the connection is dropped when `owner` goes, and nothing is called on a deleted one
    (an error raised there would surface in whatever runs next)."""
    import shiboken6

    app = QApplication.instance()

    def changed(old, new) -> None:
        if shiboken6.isValid(owner) and (old is None or shiboken6.isValid(old)) and (
                new is None or shiboken6.isValid(new)):
            handler(old, new)

    app.focusChanged.connect(changed)

    def drop(*_args) -> None:
        try:
            app.focusChanged.disconnect(changed)
        except (RuntimeError, TypeError):  # already gone with the application
            pass

    owner.destroyed.connect(drop)


class IncidentPage(QWizardPage):
    """A page that loads from and writes into the wizard's Incident.

    Subclasses build their form in `self.form` (inside a scroll area, for 1366x768), implement
    load(incident) / store(incident) and show_problems(problems), and call self.changed.emit() on edits."""

    changed = Signal()
    step_key = ""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setTitle(title)
        self.loaded = False
        self.body = QWidget()
        self.form = QFormLayout(self.body)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.scroll = scroll
        # A field reached by Alt+letter or Tab is scrolled into view (at 200% text the form is taller than
        # the window, and the focus went to a field below its edge).
        follow_focus(self, self._show_focused)

    def _show_focused(self, _old, new) -> None:
        if new is not None and self.body.isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new)

    def add_field(self, text: str, field: QWidget, accessible: str) -> QLabel:
        """A labelled field (label with mnemonic and buddy) and a hidden red problem label under it."""
        label = QLabel(text)
        label.setBuddy(field)
        field.setAccessibleName(accessible)
        self.form.addRow(label, field)
        problems = problem_label()
        self.form.addRow("", problems)
        return problems

    def initializePage(self) -> None:
        self._loading = True
        self.load(self.wizard().incident)
        self._loading = False
        self.loaded = True
        self.wizard().refresh_problems()

    def emit_changed(self, *_args) -> None:
        if not getattr(self, "_loading", False):
            self.changed.emit()

    # Subclasses implement these.
    def load(self, incident) -> None:
        raise NotImplementedError

    def store(self, incident) -> None:
        raise NotImplementedError

    def show_problems(self, problems: list[Problem]) -> None:
        raise NotImplementedError


def messages_for(problems: list[Problem], prefix: str) -> list[str]:
    """Messages of problems at `prefix` or below it (e.g. "location" covers "location.latitude"), in the
    interface language."""
    return [problem_message(p) for p in problems if p.path == prefix or p.path.startswith(prefix + ".")
            or p.path.startswith(prefix + "[")]


def enum_data(kind, combo):
    """A combo's current value as the domain enum: Qt hands a StrEnum back as a plain str."""
    data = combo.currentData()
    return None if data is None or data == "" else kind(data)
