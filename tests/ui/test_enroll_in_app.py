"""An administrator enrolls the station from the app: Sync > Enroll this computer asks for the server's address
and the one-time code, enrolls off the GUI thread, and says plainly what is wrong (the address or the code)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from intake_app.sync import state
from intake_app.ui.common import i18n
from intake_app.ui.common.tasks import TaskRunner
from intake_app.ui.sync.enroll_dialog import CODE, URL, EnrollDialog

from ..sync.conftest import admin, free_port, pg_url, server  # noqa: F401  (the real server and database)
from .english_left import english_left
from .mnemonics import clashes


@pytest.fixture
def sync_server(request):
    """The session's real server (tests/sync/conftest.py) and the administrator's codes for it."""
    return request.getfixturevalue("server"), request.getfixturevalue("admin")


@pytest.fixture
def runner(qapp):
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def dialog(qtbot, station, runner):
    made = EnrollDialog(station, runner)
    qtbot.addWidget(made)
    made.show()
    return made


def enroll_with(qtbot, dialog, url: str, code: str) -> None:
    dialog.url.setText(url)
    dialog.code.setText(code)
    dialog.enroll_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)


def test_sync_now_on_a_computer_not_enrolled_offers_the_enrollment(qtbot, window):
    window.sync_controller.timer.stop()
    window.sync_controller.sync_now()
    qtbot.waitUntil(lambda: getattr(window.sync_controller, "enroll_dialog", None) is not None, timeout=3000)
    assert window.sync_controller.enroll_dialog.isVisible()
    assert "Enroll this computer" in window.sync_controller.label.text()
    window.sync_controller.enroll_dialog.reject()


def test_the_code_from_the_administrator_enrolls_the_station_off_the_gui_thread(qtbot, dialog, sync_server, station):
    running, codes = sync_server
    dialog.url.setText(running.base)
    dialog.code.setText(codes.code(district=9))
    dialog.enroll_button.click()
    assert dialog.running and not dialog.enroll_button.isEnabled()  # the window keeps working meanwhile
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.failed_field == "" and "now enrolled with" in dialog.message.text(), dialog.message.text()
    assert state.read(station, state.SERVER_URL) == running.base
    assert state.status(station).enrolled


def test_a_refused_code_is_said_at_the_code_and_nothing_is_enrolled(qtbot, dialog, sync_server, station):
    running, _codes = sync_server
    enroll_with(qtbot, dialog, running.base, "not-a-real-code")
    assert dialog.failed_field == CODE
    assert dialog.message.text().startswith("Enrollment code: the server refused this code")
    assert QApplication.focusWidget() in (dialog.code, None)
    assert not state.status(station).enrolled


def test_an_address_that_is_not_a_server_is_said_at_the_address(qtbot, dialog, station):
    enroll_with(qtbot, dialog, "sync.example.org", "ABCD-1234")
    assert dialog.failed_field == URL
    assert dialog.message.text().startswith("Server address: sync.example.org is not a secure server address")
    assert not state.status(station).enrolled


def test_a_server_that_does_not_answer_is_said_at_the_address(qtbot, dialog, station):
    address = f"http://127.0.0.1:{free_port()}"
    enroll_with(qtbot, dialog, address, "ABCD-1234")
    assert dialog.failed_field == URL
    assert dialog.message.text().startswith(f"Server address: the server at {address} cannot be reached")
    assert not state.status(station).enrolled


def test_an_empty_code_is_asked_for_before_anything_is_sent(qtbot, dialog, station):
    dialog.url.setText("https://sync.example.org")
    dialog.enroll_button.click()
    assert not dialog.running and dialog.failed_field == CODE
    assert dialog.message.text().startswith("Enrollment code: enter the one-time code")


def test_the_enrollment_dialog_has_unique_mnemonics(dialog):
    assert clashes(dialog) == {}


def test_the_enrollment_dialog_is_in_spanish_with_unique_mnemonics(qtbot, station, runner):
    i18n.install_language("es")
    try:
        spanish = EnrollDialog(station, runner)
        qtbot.addWidget(spanish)
        spanish.show()
        assert spanish.windowTitle().startswith("Inscribir esta computadora")
        assert spanish.enroll_button.text() == "&Inscribir"
        assert english_left(spanish) == []
        assert clashes(spanish) == {}
    finally:
        i18n.install_language("en")
