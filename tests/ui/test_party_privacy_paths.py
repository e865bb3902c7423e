"""The reporting party (who may fear exposure) stays hidden from a user the privacy rule does not name, on
every path that shows an incident: the list, the incident view however it is built, the Links tab and the
review queue. The administrator (the station's clerk for users and settings) is such a user; the supervisor
who entered the record and reviewers read it."""

import pytest

from intake_app.domain.enums import Status
from intake_app.security.session import Session
from intake_app.security.users import sign_in
from intake_app.ui.incidents.incident_tabs import IncidentContext
from intake_app.ui.incidents.incident_view import IncidentView
from intake_app.ui.links.links_tab import LinksTab
from intake_app.ui.review.review_queue import ReviewQueue
from intake_app.ui.shell.main_window import MainWindow
from tests.sync_tasks import SyncTaskRunner

from ..links.helpers import incident_at, plate_agent
from .test_review_story import LT_PASS, SGT_PASS, users

PARTY = ("Test Reporter", "312-555-0100")  # the factory's reporting party
PASSPHRASES = {"1000": "admin correct horse", "2231": SGT_PASS, "3100": LT_PASS}
ENTERED_BY, CLERK, REVIEWER_LT = "2231", "1000", "3100"  # the sergeant entered both records


def shows_party(text: str) -> bool:
    return any(part in text for part in PARTY)


def cells(model) -> str:
    return "\n".join(str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount()))


@pytest.fixture
def linked(store):
    """Two records of the same car, entered by the sergeant; the second one is submitted for review."""
    users(store)  # the station's users: administrator 1000, sergeant 2231, reviewer 3100
    sergeant = signed_in(store, ENTERED_BY)
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), sergeant)
    second = store.save(incident_at(minutes_later=90, agents=[plate_agent("ABC 1234")]), sergeant)
    store.change_status(second.id, Status.IN_REVIEW, sergeant)
    assert first.reporting_party.name == PARTY[0]
    return first, store.get(second.id)


def signed_in(store, star):
    return sign_in(store, star, PASSPHRASES[star])


def window_for(qtbot, store, data_dir, star) -> MainWindow:
    window = MainWindow(store, SyncTaskRunner(), data_dir=data_dir, session=Session(signed_in(store, star)))
    qtbot.addWidget(window)
    return window


def opened_view(window, incident) -> IncidentView:
    window.open_incident(incident.id)
    view = window.tabs.currentWidget()
    assert isinstance(view, IncidentView)
    return view


def test_the_clerk_opening_an_incident_sees_the_party_masked_and_cannot_edit(qtbot, store, data_dir, linked):
    view = opened_view(window_for(qtbot, store, data_dir, CLERK), linked[0])
    assert not shows_party(view.summary.toPlainText())
    assert not shows_party(str(view.context.incident.reporting_party))  # nor in what the feature tabs get
    assert not view.edit_button.isEnabled()


def test_an_incident_view_built_by_any_screen_applies_the_rule_itself(qtbot, store, linked):
    view = IncidentView(IncidentContext(store, SyncTaskRunner(), linked[0], Session(signed_in(store, CLERK))))
    qtbot.addWidget(view)
    assert not shows_party(view.summary.toPlainText())


def test_the_supervisor_who_entered_it_reads_the_party_and_may_edit_the_draft(qtbot, store, data_dir, linked):
    view = opened_view(window_for(qtbot, store, data_dir, ENTERED_BY), linked[0])
    assert PARTY[0] in view.summary.toPlainText()
    assert view.edit_button.isEnabled()


def test_the_incident_list_never_shows_the_party(qtbot, store, data_dir, linked):
    window = window_for(qtbot, store, data_dir, CLERK)
    window.incidents.refresh()
    assert window.incidents.model.rowCount() == 2
    assert not shows_party(cells(window.incidents.model))


def test_the_links_tab_shows_the_linked_record_without_its_party(qtbot, store, data_dir, linked):
    view = opened_view(window_for(qtbot, store, data_dir, CLERK), linked[0])
    [tab] = [view.tabs.widget(i) for i in range(view.tabs.count()) if isinstance(view.tabs.widget(i), LinksTab)]
    tab.refresh()
    assert tab.model.rowCount() == 1
    assert not shows_party(cells(tab.model))


@pytest.mark.parametrize(("reader", "reads_party"), [(CLERK, False), (REVIEWER_LT, True)])
def test_the_review_queue_shows_the_selected_record_as_the_session_may_read_it(qtbot, store, linked, reader,
                                                                               reads_party):
    queue = ReviewQueue(store, SyncTaskRunner(), Session(signed_in(store, reader)))
    qtbot.addWidget(queue)
    queue.refresh()
    queue.items.selectRow(0)
    assert queue.selected is not None and queue.selected.id == linked[1].id
    assert shows_party(queue.summary.toPlainText()) is reads_party
