"""The wizard on the clock-change days in Chicago: a time the clocks skipped is refused at the field, and a
time they passed twice asks which one (CDT or CST) before it is taken."""

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime

from intake_app.domain.enums import Status
from intake_app.ui.common.i18n import format_wall


def _type_occurred(page, year, month, day, hour, minute):
    page.occurred.setDateTime(QDateTime(QDate(year, month, day), QTime(hour, minute)))
    page.wizard().reveal(0)  # the user leaves the field: the page's problems are shown from then on


def test_a_time_the_clocks_skipped_is_refused_at_the_field_and_never_stored(qtbot, window, station):
    wizard = window.new_incident()
    page = wizard.currentPage()
    _type_occurred(page, 2026, 3, 8, 2, 20)
    wizard.refresh_problems()

    assert page.p_occurred.isVisibleTo(page)
    # The skipped time is named as the inputs show times, in the user's locale.
    assert f"{format_wall(datetime(2026, 3, 8, 2, 20))} did not exist in America/Chicago" in page.p_occurred.text()
    assert page.occurred.toolTip() == page.p_occurred.text()
    assert any(p.path == "occurred_at" and p.severity.value == "invalid" for p in wizard.problems())
    wizard.save_draft()
    for summary in station.list():
        stored = station.get(summary.id)
        # The record keeps the time it had (a new one: when the wizard opened); never the skipped wall time.
        # (Not "hour != 2": the opening time is itself 2 o'clock when the test runs between 2 and 3 a.m.)
        assert stored.occurred_at is None or (stored.occurred_at.date(), stored.occurred_at.hour) != (date(2026, 3, 8), 2)


def test_a_time_that_happened_twice_asks_cdt_or_cst_and_keeps_the_choice(qtbot, window, station):
    wizard = window.new_incident()
    page = wizard.currentPage()
    _type_occurred(page, 2026, 11, 1, 1, 30)
    wizard.refresh_problems()

    choice = page.occurred.fold_choice
    assert choice.isVisibleTo(page)
    assert [choice.itemText(i).split(" ")[0] for i in (1, 2)] == ["CDT", "CST"]
    assert "happened twice" in page.p_occurred.text() and "CDT or CST" in page.p_occurred.text()

    choice.setCurrentIndex(choice.findData(1))  # the second 1:30, standard time
    wizard.refresh_problems()
    assert not [p for p in wizard.problems() if p.path == "occurred_at" and "twice" in p.template]
    taken = wizard.current_incident().occurred_at
    assert taken.astimezone(UTC) == datetime(2026, 11, 1, 7, 30, tzinfo=UTC)
    assert wizard.current_incident().status == Status.DRAFT


def test_the_footage_dialog_refuses_a_skipped_start_time_and_takes_a_real_one(qtbot):
    from intake_app.domain.records import FootageItem
    from intake_app.ui.wizard.footage_page import FootageDialog

    dialog = FootageDialog(FootageItem(), 1, "America/Chicago")
    qtbot.addWidget(dialog)
    dialog.start.setDateTime(QDateTime(QDate(2026, 3, 8), QTime(2, 50)))
    dialog.end.setDateTime(QDateTime(QDate(2026, 3, 8), QTime(3, 10)))

    dialog.accept()
    assert dialog.result() != FootageDialog.DialogCode.Accepted
    assert f"{format_wall(datetime(2026, 3, 8, 2, 50))} did not exist in America/Chicago" in dialog.problems.text()
    assert dialog.result_item().start is None  # never taken

    dialog.start.setDateTime(QDateTime(QDate(2026, 3, 8), QTime(1, 50)))
    dialog.accept()
    assert dialog.result() == FootageDialog.DialogCode.Accepted
    item = dialog.result_item()
    assert (item.end.astimezone(UTC) - item.start.astimezone(UTC)).total_seconds() == 20 * 60


def test_a_record_of_the_second_one_thirty_opens_with_cst_chosen_and_keeps_its_instant(qtbot, window, station, actor):
    from datetime import date, time

    from intake_app.domain.instants import local_time
    from tests.factories import make_incident

    second = local_time(date(2026, 11, 1), time(1, 30), "America/Chicago", fold=1)
    saved = station.save(make_incident(occurred_at=second), actor)
    wizard = window.open_wizard(station.get(saved.id))
    page = wizard.currentPage()
    wizard.refresh_problems()

    choice = page.occurred.fold_choice
    assert choice.isVisibleTo(page) and choice.currentData() == 1 and choice.currentText().startswith("CST")
    assert wizard.current_incident().occurred_at.astimezone(UTC) == second.astimezone(UTC)
    assert not [p for p in wizard.problems() if p.path == "occurred_at"]
    wizard.dirty = False


def test_the_time_edits_keep_their_accessible_names_beside_the_choice(qtbot, window):
    page = window.new_incident().currentPage()
    assert page.occurred.accessibleName() == "Occurred at (date and time) (required)"
    assert page.occurred.fold_choice.accessibleName() == "Which of the two times"
