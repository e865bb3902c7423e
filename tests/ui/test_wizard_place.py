"""On the details page, coordinates typed fill the district and beat they fall in (26th Street and Pulaski:
district 10, beat 1013); both stay editable, and a district typed afterwards that disagrees is shown as a
problem naming both districts."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ..order_story import LITTLE_VILLAGE

BROADVIEW = (41.8584, -87.8534)  # the federal processing facility, outside the city


def leave(qtbot, page, edit) -> None:
    page.wizard().activateWindow()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=2000)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def type_coordinates(qtbot, page, latitude: float, longitude: float) -> None:
    for edit, value in ((page.latitude, latitude), (page.longitude, longitude)):
        edit.clear()
        qtbot.keyClicks(edit, str(value))
        leave(qtbot, page, edit)


def test_coordinates_typed_fill_the_district_and_beat_they_fall_in(qtbot, window):
    wizard = window.new_incident()
    page = wizard.currentPage()
    type_coordinates(qtbot, page, *LITTLE_VILLAGE)
    assert (page.district.currentData(), page.beat.text()) == (10, "1013")
    wizard.dirty = False


def test_the_derived_district_stays_editable_and_a_disagreeing_one_is_a_problem_naming_both(qtbot, window):
    wizard = window.new_incident()
    page = wizard.currentPage()
    type_coordinates(qtbot, page, *LITTLE_VILLAGE)
    page.district.setCurrentIndex(page.district.findData(9))
    leave(qtbot, page, page.latitude)  # leaving the unchanged coordinates keeps the choice
    assert page.district.currentData() == 9
    wizard.next()
    wizard.back()
    qtbot.waitUntil(lambda: "10" in page.p_district.text(), timeout=3000)
    text = page.p_district.text()
    assert "district 9" in text and "district 10" in text and "1013" in text, text
    wizard.dirty = False


def test_coordinates_outside_the_city_leave_the_typed_district_and_beat(qtbot, window):
    wizard = window.new_incident()
    page = wizard.currentPage()
    page.district.setCurrentIndex(page.district.findData(9))
    qtbot.keyClicks(page.beat, "0912")
    type_coordinates(qtbot, page, *BROADVIEW)
    assert (page.district.currentData(), page.beat.text()) == (9, "0912")
    wizard.dirty = False
