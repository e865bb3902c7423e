"""From a referred incident's view the reviewer records the Touhy requests sent for federal evidence and, when the
agency answers, their status; a request the validator refuses says why in the dialog and records nothing."""

from __future__ import annotations

from PySide6.QtCore import QDate

from intake_app.domain.enums import Agency, TouhyStatus
from intake_app.security.session import Session
from intake_app.ui.incidents.incident_tabs import IncidentContext
from intake_app.ui.incidents.incident_view import IncidentView
from intake_app.ui.review.touhy_dialog import TouhyDialog
from tests.sync_tasks import SyncTaskRunner

from .test_felony_review_ui import referred


def dialog_for(qtbot, store, actor) -> TouhyDialog:
    ctx = IncidentContext(store, SyncTaskRunner(), referred(store, actor), Session(actor))
    dialog = TouhyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(dialog: TouhyDialog, agency: Agency, what: str) -> None:
    dialog.agency.setCurrentIndex(dialog.agency.findData(agency))
    dialog.what.setText(what)
    dialog.sent_on.setDate(QDate(2026, 11, 4))


def test_a_touhy_request_added_in_the_dialog_is_stored_and_listed(qtbot, store, actor):
    dialog = dialog_for(qtbot, store, actor)
    fill(dialog, Agency.ICE_ERO, "Agents' body camera video")
    dialog.add.click()
    [request] = store.get(dialog.ctx.incident.id).felony_review.touhy_requests
    assert (request.agency, request.what, request.sent_on.isoformat()) == (
        Agency.ICE_ERO, "Agents' body camera video", "2026-11-04")
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Agents' body camera video"
    assert dialog.table.item(0, 3).text() == "Pending"
    assert dialog.what.text() == ""


def test_the_status_chosen_for_the_selected_request_is_stored(qtbot, store, actor):
    dialog = dialog_for(qtbot, store, actor)
    fill(dialog, Agency.ICE_ERO, "Video")
    dialog.add.click()
    fill(dialog, Agency.CBP_BORDER_PATROL, "Radio logs")
    dialog.add.click()
    dialog.table.selectRow(0)
    dialog.status.setCurrentIndex(dialog.status.findData(TouhyStatus.DENIED))
    dialog.set_status.click()
    stored = store.get(dialog.ctx.incident.id).felony_review.touhy_requests
    assert [t.status for t in stored] == [TouhyStatus.DENIED, TouhyStatus.PENDING]
    assert dialog.table.item(0, 3).text() == "Denied"


def test_a_request_that_says_nothing_is_refused_in_the_dialog_naming_the_field(qtbot, store, actor):
    dialog = dialog_for(qtbot, store, actor)
    before = dialog.ctx.incident.version
    fill(dialog, Agency.ICE_ERO, "  ")
    dialog.add.click()
    assert "Touhy request" in dialog.message.text() and "required" in dialog.message.text()
    assert store.get(dialog.ctx.incident.id).version == before
    assert dialog.table.rowCount() == 0


def test_the_status_controls_wait_for_a_request_to_be_chosen(qtbot, store, actor):
    dialog = dialog_for(qtbot, store, actor)
    assert not dialog.set_status.isEnabled()


def test_the_incident_view_offers_the_touhy_requests(qtbot, store, actor):
    from intake_app.ui.review import felony_review_feature

    felony_review_feature.install_ui(None)  # as the main window does at start-up
    ctx = IncidentContext(store, SyncTaskRunner(), referred(store, actor), Session(actor))
    view = IncidentView(ctx)
    qtbot.addWidget(view)
    from PySide6.QtWidgets import QPushButton

    assert "&Touhy requests…" in [b.text() for b in view.findChildren(QPushButton)]



def touhy_button(qtbot, store, actor, incident):
    from PySide6.QtWidgets import QPushButton

    from intake_app.ui.review import felony_review_feature

    felony_review_feature.install_ui(None)  # as the main window does at start-up
    view = IncidentView(IncidentContext(store, SyncTaskRunner(), incident, Session(actor)))
    qtbot.addWidget(view)
    [button] = [b for b in view.findChildren(QPushButton) if "Touhy" in b.text()]
    return button


def test_a_drafts_touhy_button_is_disabled_and_says_why(qtbot, store, actor):
    from ..order_story import refused_credentials_story

    button = touhy_button(qtbot, store, actor, store.save(refused_credentials_story(), actor))
    assert not button.isEnabled()
    assert button.toolTip() == "Touhy requests are recorded after the referral to CCSAO."


def test_a_referred_incidents_touhy_button_is_enabled(qtbot, store, actor):
    button = touhy_button(qtbot, store, actor, referred(store, actor))
    assert button.isEnabled() and button.toolTip() == ""
