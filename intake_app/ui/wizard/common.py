"""What every wizard page shares: a scrolling form, red problem labels under fields, time conversion."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Literal, cast, overload
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...domain.instants import AmbiguousLocalTime, NonExistentLocalTime, is_ambiguous, local_time
from ...domain.problems import Problem, Severity
from ...domain.validation import required_paths
from ..common.application import qt_app
from ..common.domain_text import problem_message
from ..common.i18n import datetime_input_format, format_wall
from .time_field import OptionalDateTimeEdit, WallTimeEdit

if TYPE_CHECKING:
    from .incident_wizard import IncidentWizard

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
    page = _page_of(label)
    if page is not None and not page.shows_all_problems and not page.was_left(field):
        messages = []  # not in red before the user has left this field, pressed Next or saved
    text = "\n".join(messages)
    label.setText(text)
    label.setVisible(bool(text))
    if field is not None:
        field.setToolTip(text)
        field.setAccessibleDescription(text)


def _page_of(widget: QWidget) -> IncidentPage | None:
    """The wizard page a widget is on (None in a dialog of its own, e.g. a footage dialog opened from it)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, IncidentPage):
        if parent.isWindow():
            return None
        parent = parent.parentWidget()
    return parent


def required_label(text: str) -> str:
    """A field's label marked as required: "&Beat:" -> "&Beat *:" (the page's legend says what * means)."""
    return text[:-1] + " *:" if text.endswith(":") else text + " *"


def required_name(accessible: str) -> str:
    return QCoreApplication.translate("Wizard", "%1 (required)").replace("%1", accessible)


def required_legend() -> QLabel:
    legend = QLabel(QCoreApplication.translate("Wizard", "Fields marked * are required to submit."))
    legend.setWordWrap(True)
    return legend


def add_labelled_row(form: QFormLayout, legend: QLabel | None, text: str, field: QWidget, accessible: str,
                     path: str = "") -> tuple[QLabel, QLabel | None]:
    """A labelled field in `form` (label with mnemonic and buddy, the accessible name on the field or its
    focus proxy: a time row's goes on its edit). One at a `path` the validator requires
    (validation.required_paths, e.g. "footage[].start") is marked so, and the form gets its legend, once:
    (the label, the form's legend or None)."""
    if path and path in required_paths():
        text, accessible = required_label(text), required_name(accessible)
        if legend is None:
            legend = required_legend()
            form.insertRow(0, legend)
    label = QLabel(text)
    label.setBuddy(field)
    (field.focusProxy() or field).setAccessibleName(accessible)
    form.addRow(label, field)
    return label, legend


def scrolling_form() -> tuple[QWidget, QFormLayout, QScrollArea]:
    """A form whose long rows wrap, in a scroll area that resizes it: the body of a wizard page and of a row
    dialog, which must fit a 1366x768 screen at 200% (their content scrolls)."""
    body = QWidget()
    form = QFormLayout(body)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    return body, form, scroll


@overload
def datetime_edit(optional: Literal[True]) -> OptionalDateTimeEdit: ...
@overload
def datetime_edit(optional: Literal[False]) -> WallTimeEdit: ...
def datetime_edit(optional: bool) -> WallTimeEdit:
    edit = OptionalDateTimeEdit() if optional else WallTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(datetime_input_format())  # the locale's, as every screen writes times
    if optional:  # the minimum shows as "not set" so an empty time is possible
        edit.setMinimumDateTime(NOT_SET)
        edit.setSpecialValueText(QCoreApplication.translate("Wizard", "(not set)"))
        edit.setDateTime(NOT_SET)
    # A wall time the clocks passed twice (fall back) needs a choice: which one. Shown beside the edit
    # (time_row) only while the time typed is such a time.
    fold = edit.fold_choice
    fold.setAccessibleName(QCoreApplication.translate("Wizard", "Which of the two times"))
    fold.hide()
    edit.dateTimeChanged.connect(lambda *_: _update_fold_choice(edit))
    return edit


def time_row(edit: WallTimeEdit) -> QWidget:
    """The edit with its "which of the two times" choice beside it, as one form row."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(edit.fold_choice)
    row.setFocusProxy(edit)
    return row


def _wall(edit: QDateTimeEdit) -> tuple[date, time]:
    qdt = edit.dateTime()
    # PySide6's stubs type toPython() as object; a QDate's is a datetime.date, a QTime's a datetime.time.
    day, clock = cast(date, qdt.date().toPython()), cast(time, qdt.time().toPython())
    return day, clock.replace(second=0, microsecond=0)


def _update_fold_choice(edit: WallTimeEdit) -> None:
    fold = edit.fold_choice
    day, clock = _wall(edit)
    unset = bool(edit.specialValueText()) and edit.dateTime() == edit.minimumDateTime()
    if unset or not is_ambiguous(day, clock, edit.zone_name):
        fold.hide()
        fold.clear()
        return
    try:
        local_time(day, clock, edit.zone_name)
    except AmbiguousLocalTime as exc:
        first, second = exc.choices
        labels = [QCoreApplication.translate("Wizard", "(which one?)"),
                  QCoreApplication.translate("Wizard", "%1 (the first, before the clocks went back)").replace("%1", first.tzname() or ""),
                  QCoreApplication.translate("Wizard", "%1 (the second, after the clocks went back)").replace("%1", second.tzname() or "")]
        if [fold.itemText(i) for i in range(fold.count())] != labels:
            chosen = fold.currentData()
            fold.blockSignals(True)
            fold.clear()
            for label, value in zip(labels, (None, 0, 1), strict=True):
                fold.addItem(label, value)
            fold.setCurrentIndex(max(0, fold.findData(chosen)) if chosen is not None else 0)
            fold.blockSignals(False)
    fold.show()


def set_edit_time(edit: WallTimeEdit, value: datetime | None, zone: str) -> None:
    edit.zone_name = zone
    if value is None:
        edit.setDateTime(edit.minimumDateTime())
        return
    local = value.astimezone(ZoneInfo(zone))
    edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))
    _update_fold_choice(edit)
    if edit.fold_choice.isVisible() or edit.fold_choice.count():
        edit.fold_choice.setCurrentIndex(edit.fold_choice.findData(local.fold))


def edit_time(edit: WallTimeEdit, zone: str) -> datetime | None:
    """The instant of the wall-clock time typed, in the record's zone (None when left at "not set").

    Raises NonExistentLocalTime for a time the clocks skipped (spring forward) and AmbiguousLocalTime for one
    they passed twice (fall back) while the user has not said which; time_problems words both for the field."""
    if edit.zone_name != zone:
        edit.zone_name = zone
        _update_fold_choice(edit)
    if edit.specialValueText() and edit.dateTime() == edit.minimumDateTime():
        return None
    day, clock = _wall(edit)
    return local_time(day, clock, zone, fold=edit.fold_choice.currentData() if edit.fold_choice.count() else None)


def time_problems(edit: WallTimeEdit, zone: str, path: str) -> list[Problem]:
    """What is wrong with the wall time typed, at the field's path: nothing, a time that did not exist, or a
    time that happened twice with no choice made."""
    try:
        edit_time(edit, zone)
    except NonExistentLocalTime as exc:
        template = QCoreApplication.translate(
            "Wizard", "{time} did not exist in {zone}: the clocks went forward an hour. Enter the time the clocks showed")
        return [Problem(path, template, Severity.INVALID, {"time": format_wall(exc.wall), "zone": zone})]
    except AmbiguousLocalTime as exc:
        first, second = exc.choices
        template = QCoreApplication.translate(
            "Wizard", "{time} happened twice in {zone} (the clocks went back): choose {first} or {second} beside it")
        return [Problem(path, template, Severity.INVALID, {"time": format_wall(exc.wall), "zone": zone,
                                                          "first": first.tzname() or "", "second": second.tzname() or ""})]
    return []


def follow_focus(owner: QWidget, handler) -> None:
    """`handler(old, new)` on every focus change in the app while `owner` exists. The application's signal
    outlives every form: the connection is dropped when `owner` goes, and nothing is called on a deleted one
    (an error raised there would surface in whatever runs next)."""
    app = qt_app()

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


def incident_wizard_of(page: QWizardPage) -> IncidentWizard:
    """The IncidentWizard a page is on: the pages read and refresh its record. A page on no wizard, or on
    another kind, is a programming error."""
    from .incident_wizard import IncidentWizard  # at call time: that module imports the pages

    wizard = page.wizard()
    if not isinstance(wizard, IncidentWizard):
        raise RuntimeError(f"{type(page).__name__} is not on an IncidentWizard")
    return wizard


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
        self.shows_all_problems = False  # set by the wizard once the user pressed Next, Back, saved or submitted
        self.left_fields: list[QWidget] = []  # fields the user has left: their problems show
        self.legend: QLabel | None = None
        self.body, self.form, scroll = scrolling_form()
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.scroll_area = scroll  # not `scroll`: that is QWidget.scroll(dx, dy)
        # A field reached by Alt+letter or Tab is scrolled into view (at 200% text the form is taller than
        # the window, and the focus went to a field below its edge).
        follow_focus(self, self._show_focused)

    def _show_focused(self, _old, new) -> None:
        if new is not None and self.body.isAncestorOf(new):
            self.scroll_area.ensureWidgetVisible(new)

    def was_left(self, field: QWidget | None) -> bool:
        return field is not None and any(w is field or field.isAncestorOf(w) for w in self.left_fields)

    def field_left(self, widget: QWidget) -> None:
        if self.body.isAncestorOf(widget) and not any(w is widget for w in self.left_fields):
            self.left_fields.append(widget)

    def add_field(self, text: str, field: QWidget, accessible: str, path: str = "") -> QLabel:
        """A labelled field (label with mnemonic and buddy) and a hidden red problem label under it. A field
        at a `path` the validator requires (validation.required_paths) is marked so, with the page's legend."""
        label, self.legend = add_labelled_row(self.form, self.legend, text, field, accessible, path)
        problems = problem_label()
        self.form.addRow("", problems)
        return problems

    def initializePage(self) -> None:
        self._loading = True
        self.load(incident_wizard_of(self).incident)
        self._loading = False
        self.loaded = True
        incident_wizard_of(self).refresh_problems()

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

    def time_problems(self) -> list[Problem]:
        """Wall times typed on this page that stand for no single instant (see common.time_problems)."""
        return []


def messages_for(problems: list[Problem], prefix: str) -> list[str]:
    """Messages of problems at `prefix` or below it (e.g. "location" covers "location.latitude"), in the
    interface language."""
    return [problem_message(p) for p in problems if p.path == prefix or p.path.startswith(prefix + ".")
            or p.path.startswith(prefix + "[")]


def select_or_keep(combo: QComboBox, value: str) -> None:
    """Shows `value` chosen; a value the list does not offer (a time zone, a language, footage no longer in the
    list) is added as it is, so what the record holds is kept, not silently replaced by the first item."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


def enum_data(kind, combo):
    """A combo's current value as the domain enum: Qt hands a StrEnum back as a plain str."""
    data = combo.currentData()
    return None if data is None or data == "" else kind(data)
