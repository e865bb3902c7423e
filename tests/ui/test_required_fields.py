"""Required fields are marked from the one validator, and their problems show only once the user leaves a
field or presses Next: nothing is red when the wizard opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from intake_app.domain.validation import required_paths
from intake_app.ui.wizard.common import PROBLEM_STYLE


def red_labels(page) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel)
            if label.styleSheet() == PROBLEM_STYLE and label.isVisibleTo(page) and label.text()]


def focus(qtbot, top_level, widget) -> None:
    top_level.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)


@pytest.fixture
def wizard(window):
    """A new incident's wizard on its first page (the window fixture marks it unchanged before closing it)."""
    return window.new_incident()


def test_the_validator_names_the_fields_a_complete_record_needs():
    assert {"district", "beat", "occurred_at", "location.address", "source", "narrative"} <= required_paths()
    assert "location.latitude" not in required_paths()


def test_required_fields_are_marked_and_named_required_with_a_legend(wizard):
    page = wizard.currentPage()
    assert page.legend is not None and "*" in page.legend.text() and page.legend.isVisibleTo(page)
    beat_label = page.form.labelForField(page.beat)
    assert beat_label.text() == "&Beat *:"
    assert page.beat.accessibleName() == "Beat (required)"
    assert page.form.labelForField(page.latitude).text() == "Lat&itude:"
    assert page.latitude.accessibleName() == "Latitude"


def test_nothing_is_red_when_the_wizard_opens(qtbot, wizard):
    page = wizard.currentPage()
    wizard.refresh_problems()
    assert red_labels(page) == []
    assert not page.p_beat.isVisibleTo(page) and not page.p_address.isVisibleTo(page)


def test_tabbing_out_of_an_empty_required_field_shows_its_message_only(qtbot, wizard):
    page = wizard.currentPage()
    focus(qtbot, wizard, page.beat)
    qtbot.keyClick(page.beat, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.p_beat.isVisibleTo(page), timeout=3000)
    assert page.p_beat.text() == "Beat is required"
    assert page.beat.accessibleDescription() == "Beat is required"
    assert not page.p_address.isVisibleTo(page) and not page.p_narrative.isVisibleTo(page)


def test_problems_show_once_the_user_leaves_a_field_after_typing(qtbot, wizard):
    page = wizard.currentPage()
    focus(qtbot, wizard, page.beat)
    qtbot.keyClicks(page.beat, "77")
    page.address.setFocus()  # leaves the beat
    qtbot.waitUntil(lambda: page.p_beat.isVisibleTo(page) and page.p_beat.text() != "", timeout=3000)


def test_next_shows_every_message_of_the_page(qtbot, wizard):
    page = wizard.currentPage()
    wizard.next()
    wizard.back()
    qtbot.waitUntil(lambda: page.p_narrative.isVisibleTo(page), timeout=3000)
    shown = red_labels(page)
    for message in ("Beat is required", "Address is required",
                    "Source of the report is required", "Narrative is required"):
        assert message in shown


def test_the_footage_dialog_marks_its_required_times_from_the_validator(qtbot):
    from intake_app.domain.records import FootageItem
    from intake_app.ui.wizard.footage_page import FootageDialog

    assert {"footage[].start", "footage[].end"} <= required_paths()
    dialog = FootageDialog(FootageItem(), 1, "America/Chicago")
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "&Start *:" in labels and "&End *:" in labels and "E&vidence ID:" in labels
    assert dialog.start.accessibleName() == "Start time (required)"
    assert dialog.legend is not None and "*" in dialog.legend.text()


def test_the_violation_dialog_marks_the_statute_required(qtbot, store):
    from intake_app.domain.records import Violation
    from intake_app.ui.wizard.violations_page import ViolationDialog

    dialog = ViolationDialog(Violation(), 1, store.catalogue, [])
    qtbot.addWidget(dialog)
    assert dialog.form.labelForField(dialog.statutes).text() == "S&tatute *:"
    assert dialog.statutes.accessibleName() == "Statute (required)"


def test_a_new_footage_dialog_shows_no_problem_until_a_field_is_left(qtbot):
    from intake_app.domain.records import FootageItem
    from intake_app.ui.wizard.footage_page import FootageDialog

    dialog = FootageDialog(FootageItem(), 1, "America/Chicago")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.problems.isVisibleTo(dialog)
    focus(qtbot, dialog, dialog.device_id)
    qtbot.keyClick(dialog.device_id, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: dialog.problems.isVisibleTo(dialog), timeout=2000)
    assert "Start time is required" in dialog.problems.text()
