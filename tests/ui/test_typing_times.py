"""Footage Start/End can be typed into while they show "(not set)": Up or a digit starts from the incident's
time (never 2001-01-01), End starts from Start, and "Now" sets the present minute."""

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from intake_app.ui.wizard.footage_page import FootageDialog

from .test_wizard_stories import fill_details


def footage_dialog_then(qtbot, window, during):
    wizard = window.new_incident()
    fill_details(qtbot, wizard.currentPage())  # the incident happened three hours ago
    occurred = wizard.pages[0].occurred.dateTime()
    for _ in range(3):
        wizard.next()
    seen = {}

    def act():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FootageDialog)
        seen.update(during(dialog))
        dialog.reject()

    QTimer.singleShot(0, act)
    qtbot.mouseClick(wizard.currentPage().add_button, Qt.MouseButton.LeftButton)
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
