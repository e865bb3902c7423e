"""Footage Start/End can be typed into while they show "(not set)": Up or a digit starts from the incident's
time (never 2001-01-01), End starts from Start, and "Now" sets the present minute."""

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from intake_app.ui.wizard.footage_page import FootageDialog

from .test_wizard_stories import fill_details


def shown(kind):
    """The open dialog of this kind (not whatever modal window an earlier test may have left open)."""
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def close_row_dialogs():
    """Whatever happened in the test, no row dialog stays open to be found by the next test."""
    from intake_app.ui.wizard.row_dialog import RowDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, RowDialog) and widget.running:
            widget.reject()


def footage_dialog_then(qtbot, window, during):
    wizard = window.new_incident()
    fill_details(qtbot, wizard.currentPage())  # the incident happened three hours ago
    occurred = wizard.pages[0].occurred.dateTime()
    for _ in range(3):
        wizard.next()
    seen = {}

    def act():
        try:
            seen.update(during(shown(FootageDialog)))
        finally:
            close_row_dialogs()

    QTimer.singleShot(0, act)
    wizard.currentPage().add_button.click()  # (a modal window an earlier test left open would eat a mouse click)
    wizard.dirty = False
    return occurred, seen


def test_up_on_an_empty_start_takes_the_incidents_time_and_end_follows_start(qtbot, window):
    def press_up(dialog):
        assert dialog.start.is_empty()
        dialog.start.setFocus()
        qtbot.keyClick(dialog.start, Qt.Key.Key_Up)
        dialog.end.setFocus()
        qtbot.keyClick(dialog.end, Qt.Key.Key_Up)
        return {"start": dialog.start.dateTime(), "end": dialog.end.dateTime()}

    occurred, seen = footage_dialog_then(qtbot, window, press_up)
    assert seen["start"] == occurred and seen["end"] == occurred


def test_a_digit_typed_into_an_empty_start_types_the_year(qtbot, window):
    def type_year(dialog):
        dialog.start.setFocus()
        qtbot.keyClicks(dialog.start, "2025")
        return {"start": dialog.start.dateTime()}

    occurred, seen = footage_dialog_then(qtbot, window, type_year)
    assert seen["start"].date().year() == 2025 and seen["start"].time() == occurred.time()


def test_now_sets_the_present_minute(qtbot, window):
    def press_now(dialog):
        [now] = [b for b in dialog.findChildren(QPushButton, "now_button")
                 if b.parentWidget().isAncestorOf(dialog.start)]
        qtbot.mouseClick(now, Qt.MouseButton.LeftButton)
        return {"start": dialog.start.dateTime()}

    _occurred, seen = footage_dialog_then(qtbot, window, press_now)
    assert abs(seen["start"].secsTo(QDateTime.currentDateTime())) < 120


def test_the_violation_dialog_opens_with_the_cursor_in_the_statute_search(qtbot, window):
    from intake_app.ui.wizard.violations_page import ViolationDialog

    wizard = window.new_incident()
    for _ in range(5):  # to the violations page, after the On scene page
        wizard.next()
    seen = {}

    def act():
        try:
            dialog = shown(ViolationDialog)
            seen["focus"] = dialog.focusWidget() is dialog.search
        finally:
            close_row_dialogs()

    QTimer.singleShot(0, act)
    wizard.currentPage().add_button.click()  # (a modal window an earlier test left open would eat a mouse click)
    wizard.dirty = False
    assert seen == {"focus": True}


def test_enter_on_an_agent_row_edits_that_agent_and_does_not_go_to_the_next_page(qtbot, window):
    from intake_app.domain.records import Agent
    from intake_app.ui.wizard.agents_page import AgentDialog

    wizard = window.new_incident()
    wizard.next()
    wizard.next()
    page = wizard.currentPage()
    page.items = [Agent(badge="E-4471")]
    page._fill()
    page.table.selectRow(0)
    page.table.setFocus()
    seen = {}

    def act():
        try:
            seen["badge"] = shown(AgentDialog).badge.text()
        finally:
            close_row_dialogs()

    QTimer.singleShot(0, act)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert seen == {"badge": "E-4471"} and wizard.currentPage() is page
    wizard.dirty = False


def test_a_row_problem_does_not_repeat_the_fields_name():
    from intake_app.domain.problems import Problem, Severity
    from intake_app.ui.common.domain_text import problem_line

    line = problem_line(Problem("footage[0].start", "Start time is required", Severity.INCOMPLETE), within_row=True)
    assert line == "Start time is required"


def test_a_field_that_gets_the_focus_is_scrolled_into_view(qtbot, window):
    wizard = window.new_incident()
    wizard.resize(600, 300)  # smaller than the form: it scrolls
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.scroll_area.verticalScrollBar().maximum() > 0, timeout=2000)
    field = page.narrative
    page.scroll_area.verticalScrollBar().setValue(0)
    wizard.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: page.scroll_area.verticalScrollBar().value() > 0, timeout=2000)
    top = field.mapTo(page.scroll_area.viewport(), field.rect().topLeft()).y()
    assert 0 <= top < page.scroll_area.viewport().height()
    wizard.dirty = False
