"""A sergeant and a lieutenant share one station PC. What one typed stays theirs: an open row dialog survives the
idle lock, closing the lock window does not quit, Ctrl+L locks from the wizard, the lieutenant signs in from the
lock screen without the sergeant's work being shown or lost, and an autosave is offered to its author alone."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from intake_app.security.session import Session
from intake_app.ui.security.security_feature import install_signed_in, sign_out
from intake_app.ui.shell.main_window import MainWindow
from intake_app.ui.wizard.agents_page import AgentDialog
from tests.sync_tasks import SyncTaskRunner

from .test_review_story import LT_PASS, SGT_PASS, signed_in_window, users
from .test_wizard_stories import details_then_a_present_party

LEFT = Qt.MouseButton.LeftButton


def party_typed(qtbot, wizard):
    rp = details_then_a_present_party(qtbot, wizard)
    qtbot.keyClicks(rp.name, "Rosa Witness")
    qtbot.keyClicks(rp.phone, "312-555-0177")
    wizard.next()  # the agents page


def sergeant_typing_a_new_incident(qtbot, store, data_dir):
    """The station's people; the sergeant signs in and types a new incident up to its agents page (the details
    and a reporting party filled). Returns (her window, the wizard)."""
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    wizard = window.new_incident()
    party_typed(qtbot, wizard)
    return window, wizard


def open_agent_dialog_then(qtbot, page, during):
    """Press Add agent…, type a badge, then run `during(dialog)` while the dialog is still open."""
    seen = {}

    def act():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AgentDialog)
        qtbot.keyClicks(dialog.badge, "E-4471")
        seen["dialog"] = dialog
        during(dialog)

    QTimer.singleShot(0, act)
    qtbot.mouseClick(page.add_button, LEFT)
    return seen["dialog"]


def test_an_open_agent_dialog_and_its_typing_survive_the_idle_lock(qtbot, store, data_dir):
    window, wizard = sergeant_typing_a_new_incident(qtbot, store, data_dir)
    lock = window.idle_lock
    after_unlock = {}

    def lock_and_unlock(dialog):
        lock.lock()
        assert not dialog.isVisible() and lock.screen.isVisible()
        qtbot.keyClicks(lock.screen.passphrase, SGT_PASS)
        lock.screen.unlock()
        after_unlock["visible"] = dialog.isVisible()
        after_unlock["badge"] = dialog.badge.text()
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    open_agent_dialog_then(qtbot, wizard.currentPage(), lock_and_unlock)
    assert after_unlock == {"visible": True, "badge": "E-4471"}
    assert [a.badge for a in wizard.current_incident().agents] == ["E-4471"]
    wizard.dirty = False


def test_closing_the_lock_window_keeps_the_app_and_its_unsaved_wizard(qtbot, store, data_dir):
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    wizard = window.new_incident()
    qtbot.keyClicks(wizard.currentPage().narrative, "Typed before the lock")
    quits = []
    QApplication.instance().lastWindowClosed.connect(lambda: quits.append(True))
    window.idle_lock.lock()
    window.idle_lock.screen.close()
    assert window.idle_lock.screen.isVisible() and window.idle_lock.locked
    assert quits == [] and "Unlock first" in window.idle_lock.screen.message.text()
    assert "Typed before the lock" in wizard.current_incident().narrative
    wizard.dirty = False


def test_ctrl_l_locks_while_the_wizard_has_the_focus(qtbot, store, data_dir):
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    wizard = window.new_incident()
    wizard.activateWindow()
    narrative = wizard.currentPage().narrative
    narrative.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is narrative, timeout=2000)
    qtbot.keyClick(narrative, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.idle_lock.locked and not wizard.isVisible()
    wizard.dirty = False


def test_the_lieutenant_signs_in_from_the_lock_screen_and_the_sergeants_work_stays_hers(qtbot, store, data_dir):
    window, wizard = sergeant_typing_a_new_incident(qtbot, store, data_dir)
    lock = window.idle_lock
    handed = []
    lock.switch_requested.connect(handed.append)

    def lieutenant_takes_over(dialog):
        lock.lock()
        qtbot.mouseClick(lock.screen.other_user, LEFT)
        assert lock.screen.star.isVisible()
        qtbot.keyClicks(lock.screen.star, "3100")
        qtbot.keyClicks(lock.screen.passphrase, LT_PASS)
        lock.screen.unlock()

    dialog = open_agent_dialog_then(qtbot, wizard.currentPage(), lieutenant_takes_over)
    qtbot.waitUntil(lambda: window.switch_to is not None, timeout=3000)
    assert [a.star for a in handed] == ["3100"] and window.switch_to.name == "Lt. Ray Review"
    assert not wizard.isVisible() and not dialog.isVisible() and not window.isVisible()
    # What the sergeant typed (the open agent dialog included) is her autosave, not the lieutenant's.
    [(_when, kept)] = store.autosaves("2231")
    assert kept.reporting_party.name == "Rosa Witness" and [a.badge for a in kept.agents] == ["E-4471"]
    assert store.autosaves("3100") == []


def offered_boxes(window):
    """The autosave boxes the window offers, each answered Discard... except they are only recorded."""
    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            next(b for b in box.buttons() if "Restore" in b.text()).click()

    QTimer.singleShot(0, answer)
    window.offer_autosaves()
    return seen


def test_a_second_supervisor_is_not_offered_the_sergeants_autosave_and_never_sees_the_party(qtbot, store, data_dir):
    window, wizard = sergeant_typing_a_new_incident(qtbot, store, data_dir)
    wizard.autosave_now()
    wizard.dirty = False
    window.close()  # the app dies before she saves

    other = signed_in_window(qtbot, store, data_dir, "2400", "other shift passphrase")
    assert offered_boxes(other) == [] and other.wizard is None
    sergeant = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    assert len(offered_boxes(sergeant)) == 1
    assert sergeant.wizard.current_incident().reporting_party.name == "Rosa Witness"
    sergeant.wizard.dirty = False


def test_sign_out_closes_the_window_for_the_next_sign_in(qtbot, store, data_dir):
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    sign_out(window)
    assert not window.isVisible() and window.sign_in_next


def test_sign_out_with_an_unsaved_wizard_asks_first_and_cancel_keeps_everything(qtbot, store, data_dir, monkeypatch):
    users(store)
    window = signed_in_window(qtbot, store, data_dir, "2231", SGT_PASS)
    wizard = window.new_incident()
    qtbot.keyClicks(wizard.currentPage().narrative, "Not yet saved")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel))
    sign_out(window)
    assert asked and window.isVisible() and wizard.isVisible() and not window.sign_in_next
    wizard.dirty = False


def test_a_window_without_a_lock_screen_ever_shown_closes_cleanly(qtbot, store, data_dir):
    users(store)
    from intake_app.security.users import sign_in

    window = MainWindow(store, SyncTaskRunner(), data_dir=data_dir, session=Session(sign_in(store, "2231", SGT_PASS)))
    qtbot.addWidget(window)
    install_signed_in(window, idle_minutes=60)
    window.idle_lock.stop()
    assert window.idle_lock._screen is None
