"""At headquarters, a record received with its reporting party sealed: a privacy officer whose key it was
sealed to sees the party in the incident view (and the reading is audited); another user sees "sealed";
neither can edit the copy shown over the record."""

import threading
from datetime import UTC, datetime

import pytest
import shiboken6
from sqlalchemy import event

from intake_app.domain.interchange import from_dict, to_dict
from intake_app.domain.roles import REVIEWER
from intake_app.security import sealing, user_keys
from intake_app.security.audit import entries_for
from intake_app.security.privacy import MASK
from intake_app.security.session import Session
from intake_app.security.users import add_user, create_first_administrator, sign_in
from intake_app.sync.apply_step import apply_remote
from intake_app.sync.sealing_step import OPENED_ACTION
from intake_app.ui.common.tasks import TaskRunner
from intake_app.ui.incidents.incident_tabs import IncidentContext
from intake_app.ui.incidents.incident_view import IncidentView

from ..factories import make_incident
from .test_closed_before_the_answer import hold_worker
from .test_review_story import signed_in_window

OFFICER, CLERK = ("3100", "privacy officer passphrase"), ("3200", "headquarters clerk phrase")


@pytest.fixture
def received(store):
    create_first_administrator(store, "1000", "Admin Alvarez", "admin correct horse")
    admin = sign_in(store, "1000", "admin correct horse")
    add_user(store, admin, OFFICER[0], "Privacy Officer", REVIEWER, OFFICER[1])
    add_user(store, admin, CLERK[0], "HQ Clerk", REVIEWER, CLERK[1])
    sign_in(store, *OFFICER)  # makes the officer's key pair, which headquarters publishes
    inc = make_incident()
    inc.version, inc.created_at, inc.updated_at = 1, datetime.now(UTC), datetime.now(UTC)
    sealed = sealing.seal_record(to_dict(inc), [sealing.parse_public(user_keys.public_key(store, OFFICER[0]))])
    apply_remote(store, [from_dict(sealed)])
    return inc.id


def test_a_privacy_officer_sees_the_sealed_party_and_the_reading_is_audited(qtbot, store, data_dir, received):
    window = signed_in_window(qtbot, store, data_dir, *OFFICER)
    window.open_incident(received)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is not None and hasattr(window.tabs.currentWidget(), "summary"))
    view = window.tabs.currentWidget()
    assert "Test Reporter" in view.summary.toPlainText()
    assert not view.edit_button.isEnabled()
    assert [e.actor_star for e in entries_for(store, received) if e.action == OPENED_ACTION] == [OFFICER[0]]
    assert store.get(received).reporting_party.name == ""  # the store keeps it sealed


def test_a_user_without_a_key_sees_sealed(qtbot, store, data_dir, received):
    window = signed_in_window(qtbot, store, data_dir, *CLERK)
    window.open_incident(received)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is not None and hasattr(window.tabs.currentWidget(), "summary"))
    view = window.tabs.currentWidget()
    shown = view.summary.toPlainText()
    assert "Test Reporter" not in shown and "312-555-0100" not in shown
    assert "sealed" in shown
    assert not view.edit_button.isEnabled()
    assert not [e for e in entries_for(store, received) if e.action == OPENED_ACTION]


@pytest.fixture
def runner(qapp):
    """The app's own task runner: its database worker is a thread of its own."""
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def answered(qtbot, view, runner) -> None:
    """Waits for the view's answer, and for its feature tabs' own reads (delivered before the view goes)."""
    qtbot.waitUntil(lambda: not view.opening and not runner.busy, timeout=10_000)


def officer_view(qtbot, store, runner, incident, officer) -> IncidentView:
    """The incident view as any screen builds it, for the signed-in privacy officer."""
    view = IncidentView(IncidentContext(store, runner, incident, Session(officer)))
    qtbot.addWidget(view)
    return view


def test_the_sealed_party_is_opened_on_the_database_worker_and_shown_when_it_answers(qtbot, store, runner,
                                                                                       received):
    officer, incident = sign_in(store, *OFFICER), store.get(received)
    threads: list[str] = []  # the thread of every SQL statement run while the view opens the party

    def statement(*_args) -> None:
        threads.append(threading.current_thread().name)

    event.listen(store.engine, "before_cursor_execute", statement)
    try:
        view = officer_view(qtbot, store, runner, incident, officer)
        # Before the answer: the record is on screen with the party masked, and the view says why.
        assert view.opening
        assert MASK in view.summary.toPlainText() and "Test Reporter" not in view.summary.toPlainText()
        assert "Opening the sealed identity" in view.opening_note.text()
        assert not view.edit_button.isEnabled()
        with qtbot.waitSignal(view.shown, timeout=10_000):
            pass
        answered(qtbot, view, runner)
    finally:
        event.remove(store.engine, "before_cursor_execute", statement)
    assert "Test Reporter" in view.summary.toPlainText()
    assert view.opening_note is None and not view.edit_button.isEnabled()
    # The key's reading and the audit entry ran on the worker: not one statement on the GUI thread.
    assert threads and threading.main_thread().name not in threads
    assert all(name.startswith("intake-db") for name in threads)
    assert [e.actor_star for e in entries_for(store, received) if e.action == OPENED_ACTION] == [OFFICER[0]]


def test_a_party_that_cannot_be_opened_stays_masked_and_the_view_says_why(qtbot, store, runner, received):
    officer, incident = sign_in(store, *OFFICER), store.get(received)
    # The audit entry of the reading cannot be written (as on a full disk): the party is not shown unaudited.
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TRIGGER no_audit BEFORE INSERT ON audit_entries "
                             "BEGIN SELECT RAISE(FAIL, 'disk full'); END")
    view = officer_view(qtbot, store, runner, incident, officer)
    with qtbot.waitSignal(view.shown, timeout=10_000):
        pass
    answered(qtbot, view, runner)
    assert not view.opening
    assert "could not be opened" in view.opening_note.text() and "disk full" in view.opening_note.text()
    shown = view.summary.toPlainText()
    assert "Test Reporter" not in shown and "312-555-0100" not in shown and MASK in shown
    assert not view.edit_button.isEnabled()


def test_a_party_opened_for_a_view_closed_before_the_answer_is_dropped(qtbot, store, runner, received):
    officer, incident = sign_in(store, *OFFICER), store.get(received)
    release = threading.Event()
    hold_worker(runner, release)  # the worker busy (a sync pull): the opening waits behind it
    view = IncidentView(IncidentContext(store, runner, incident, Session(officer)))
    assert view.opening
    shiboken6.delete(view)  # the tab is closed before the party is opened
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)  # answered, with no error in the event loop
