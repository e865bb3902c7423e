"""The review and station security story on one station PC: a supervisor enters and submits; a reviewer signs in on the same PC and
returns it with a comment; the supervisor sees the comment, corrects and resubmits; the reviewer approves;
the history shows every step with who and when; after an idle period the app locks without losing an open
wizard's unsaved text."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from intake_app.domain.enums import Status
from intake_app.domain.roles import REVIEWER, SUPERVISOR
from intake_app.domain.settings import StationSettings
from intake_app.security.session import Session
from intake_app.security.users import add_user, create_first_administrator, sign_in
from intake_app.ui.security.security_feature import install_signed_in
from intake_app.ui.security.sign_in import SignInDialog
from intake_app.ui.shell.main_window import MainWindow
from tests.station_settings import set_up_station
from tests.sync_tasks import SyncTaskRunner

from .test_wizard_stories import details_then_a_present_party, fill_the_rest

LEFT = Qt.MouseButton.LeftButton
SGT_PASS, LT_PASS = "sergeant battery staple", "lieutenant blue river"


def users(store):
    # No supervisor in the settings: the wizard names whoever signed in.
    set_up_station(store, StationSettings(district=9))
    create_first_administrator(store, "1000", "Admin Alvarez", "admin correct horse")
    admin = sign_in(store, "1000", "admin correct horse")
    add_user(store, admin, "2231", "Sgt. Maria Test", SUPERVISOR, SGT_PASS)
    add_user(store, admin, "3100", "Lt. Ray Review", REVIEWER, LT_PASS)
    add_user(store, admin, "2400", "Sgt. Other Shift", SUPERVISOR, "other shift passphrase")


def signed_in_window(qtbot, store, data_dir, star, passphrase):
    dialog = SignInDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.star, star)
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)  # the passphrase is checked on the worker
    assert dialog.result() == SignInDialog.DialogCode.Accepted, dialog.message.text()
    window = MainWindow(store, SyncTaskRunner(), data_dir=data_dir, session=Session(dialog.actor))
    qtbot.addWidget(window)
    install_signed_in(window, idle_minutes=60)
    window.show()
    return window


def submit_new_incident(qtbot, window):
    wizard = window.new_incident()
    rp = details_then_a_present_party(qtbot, wizard)
    rp.name.setText("Rosa Witness")
    qtbot.keyClicks(rp.phone, "312-555-0177")
    qtbot.keyClicks(rp.address, "4021 W Witness Ln")
    wizard.next()
    fill_the_rest(qtbot, wizard)
    assert wizard.problems() == []
    wizard.submit()


def submitted_by_sergeant(qtbot, store, data_dir):
    """The station's people; the sergeant signs in, submits one incident for review (the receipt offer
    dismissed) and closes her window. Returns the record's summary."""
    users(store)
    sergeant = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    submit_new_incident(qtbot, sergeant)
    sergeant.receipt_offer.done(0)
    sergeant.close()
    [summary] = store.list()
    return summary


def packet_text(store, incident_id) -> str:
    """The referral packet's text as a reader sees it (lines joined)."""
    from intake_app.reports.packet import build_packet
    from intake_app.reports.packet_source import packet_input

    from ..reports.helpers import page_texts

    return " ".join(" ".join(text.split()) for text in page_texts(build_packet(packet_input(store, incident_id))))


def select_first(queue):
    queue.items.selectRow(0)
    return queue.selected_id()


def approve_and_sign(qtbot, queue, passphrase):
    dialog = queue.approve()
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.passphrase, passphrase)
    dialog.sign()
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)


def review_tab_text(window, incident_id):
    window.open_incident(incident_id)
    view = window.tabs.currentWidget()
    tab = next(view.tabs.widget(i) for i in range(view.tabs.count()) if view.tabs.tabText(i) == "Review &log")
    return view, tab.toPlainText()


def test_submit_return_correct_resubmit_approve_and_idle_lock(qtbot, store, data_dir):
    users(store)
    sgt_window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    submit_new_incident(qtbot, sgt_window)
    [summary] = store.list()
    assert store.get(summary.id).status == Status.IN_REVIEW
    sgt_window.close()

    lt_window = signed_in_window(qtbot, store, data_dir, "3100", LT_PASS)
    queue = lt_window.review_queue
    assert select_first(queue) == summary.id
    qtbot.mouseClick(queue.return_button, LEFT)  # no comment yet: refused, nothing changes
    assert "comment" in queue.message.text() and store.get(summary.id).status == Status.IN_REVIEW
    qtbot.keyClicks(queue.comment, "Add the agent's vehicle color")
    qtbot.mouseClick(queue.return_button, LEFT)
    assert store.get(summary.id).status == Status.DRAFT
    lt_window.close()

    sgt_window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    _view, history = review_tab_text(sgt_window, summary.id)
    assert "Add the agent's vehicle color" in history and "Lt. Ray Review" in history
    wizard = sgt_window.open_wizard(store.get(summary.id))
    wizard.current_incident()
    wizard.incident.agents[0].vehicle.color = "Black"
    wizard.submit()
    assert store.get(summary.id).status == Status.IN_REVIEW
    sgt_window.close()

    lt_window = signed_in_window(qtbot, store, data_dir, "3100", LT_PASS)
    select_first(lt_window.review_queue)
    approve_and_sign(qtbot, lt_window.review_queue, LT_PASS)
    approved = store.get(summary.id)
    assert approved.status == Status.APPROVED
    steps = [(c.to_status, c.by_star) for c in approved.history]
    assert steps == [(Status.IN_REVIEW, "2231"), (Status.DRAFT, "3100"), (Status.IN_REVIEW, "2231"),
                     (Status.APPROVED, "3100")]
    view, history = review_tab_text(lt_window, summary.id)
    assert history.count("Sgt. Maria Test") == 2 and history.count("Lt. Ray Review") == 2
    assert not view.edit_button.isEnabled()  # approved: read-only
    packet = packet_text(store, summary.id)
    review, custody = packet.split("Review When Who Status Comment")[1].split("Chain of custody")
    assert "Lt. Ray Review (star 3100) In review -> Draft Add the agent's vehicle color" in review
    assert review.count("Sgt. Maria Test (star 2231) Draft -> In review") == 2
    assert "Lt. Ray Review (star 3100) In review -> Approved" in review
    custody_rows = custody.split("Audit-chain head")[0]
    assert custody_rows.count("Lt. Ray Review (star 3100) Status changed status: In review ->") == 2  # in words
    assert "Name: Sgt. Maria Test Name: Lt. Ray Review Star: 2231 Star: 3100" in packet  # the attestation

    lock = lt_window.idle_lock
    lock.set_minutes(0.0005)  # 30 ms of no input
    qtbot.waitUntil(lambda: lock.locked, timeout=2000)
    assert not lt_window.isVisible() and lock.screen.isVisible()


def test_input_restarts_the_idle_timer_once_the_window_is_on_screen(qtbot, store, data_dir):
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    on_screen = []
    window.when_on_screen(lambda: on_screen.append(True))  # after the lock's own: it watches input by then
    qtbot.waitUntil(lambda: on_screen == [True], timeout=5000)
    timer = window.idle_lock.timer
    timer.stop()  # stopped here so that only the input below can start it again
    qtbot.keyClick(window.incidents.search, "a")
    assert timer.isActive() and timer.remainingTime() > timer.interval() - 1000
    timer.stop()
    qtbot.mouseClick(window.incidents.search, LEFT)
    assert timer.isActive()
    assert not window.idle_lock.locked


def test_the_lock_keeps_an_open_wizard_and_needs_the_passphrase(qtbot, store, data_dir):
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    wizard = window.new_incident()
    qtbot.keyClicks(wizard.currentPage().narrative, "Typed before the lock")
    window.idle_lock.lock()
    assert not wizard.isVisible() and not window.isVisible()
    qtbot.keyClicks(window.idle_lock.screen.passphrase, "wrong passphrase")
    window.idle_lock.screen.unlock()
    assert window.idle_lock.locked and "Wrong" in window.idle_lock.screen.message.text()
    qtbot.keyClicks(window.idle_lock.screen.passphrase, SGT_PASS)
    window.idle_lock.screen.unlock()
    assert not window.idle_lock.locked and wizard.isVisible()
    assert "Typed before the lock" in wizard.currentPage().narrative.toPlainText()
    wizard.save_draft()  # so closing the window at the end of the test asks nothing


def test_the_sign_in_dialog_says_when_to_try_again(qtbot, store):
    users(store)
    dialog = SignInDialog(store)
    qtbot.addWidget(dialog)
    for _ in range(3):
        dialog.star.setText("2231")
        dialog.passphrase.setText("guess guess guess")
        dialog.try_sign_in()
        qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    assert "Try again in 30 seconds" in dialog.message.text() and dialog.actor is None


def test_another_supervisor_sees_the_reporting_party_masked_and_cannot_edit(qtbot, store, data_dir):
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    submit_new_incident(qtbot, window)
    [summary] = store.list()
    window.close()
    other = signed_in_window(qtbot, store, data_dir, "2400", "other shift passphrase")
    other.open_incident(summary.id)
    view = other.tabs.currentWidget()
    shown = view.summary.toPlainText()
    assert "Rosa Witness" not in shown and "312-555-0177" not in shown and "Witness Ln" not in shown
    assert not view.edit_button.isEnabled()
    assert store.get(summary.id).reporting_party.name == "Rosa Witness"
    assert store.get(summary.id).reporting_party.address == "4021 W Witness Ln"


def test_closing_the_window_after_its_idle_lock_is_gone_raises_nothing(qtbot, store, data_dir):
    """Seen in scripts/screenshots.py: the window's destroyed signal stopped an IdleLock Qt had deleted."""
    import shiboken6

    users(store)
    # not qtbot's: this test deletes it
    window = MainWindow(store, SyncTaskRunner(), data_dir=data_dir, session=Session(sign_in(store, "2231", SGT_PASS)))
    install_signed_in(window, idle_minutes=60)
    lock = window.idle_lock
    shiboken6.delete(lock)
    shiboken6.delete(window)  # its destroyed signal runs now; pytest-qt fails the test on an error in a slot
    assert not shiboken6.isValid(lock) and not shiboken6.isValid(window)


def test_after_submit_the_report_number_is_shown_and_the_receipt_comes_in_the_partys_language(qtbot, store, data_dir,
                                                                                             tmp_path):
    from pypdf import PdfReader

    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    wizard = window.new_incident()
    rp = details_then_a_present_party(qtbot, wizard)
    rp.name.setText("Rosa Witness")
    rp.language.setCurrentIndex(rp.language.findData("es"))
    wizard.next()
    fill_the_rest(qtbot, wizard)
    wizard.submit()
    [summary] = store.list()
    offer = window.receipt_offer
    assert offer.isVisible() and f"Submitted for review as report {summary.report_number}." == offer.text()
    assert "español" in offer.informativeText()
    offer.save_to(tmp_path / "receipt.pdf")
    text = PdfReader(str(tmp_path / "receipt.pdf")).pages[0].extract_text()
    assert summary.report_number in text and "Número de denuncia" in text
    assert offer.isVisible() and "Saved" in offer.informativeText()
