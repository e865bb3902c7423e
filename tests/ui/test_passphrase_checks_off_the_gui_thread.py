"""Signing in and unlocking check a passphrase with scrypt, which is slow on purpose: the check runs on the
task runner's worker, the screen says it is checking, and the window keeps responding meanwhile."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from intake_app.domain.roles import SUPERVISOR
from intake_app.security.users import add_user, create_first_administrator, sign_in
from intake_app.ui.common.tasks import TaskRunner
from intake_app.ui.security.lock import IdleLock
from intake_app.ui.security.sign_in import FirstAdministratorDialog, SignInDialog

LEFT = Qt.MouseButton.LeftButton
SGT_PASS = "sergeant battery staple"


def with_supervisor(store):
    create_first_administrator(store, "1000", "Admin Alvarez", "admin correct horse")
    admin = sign_in(store, "1000", "admin correct horse")
    add_user(store, admin, "2231", "Sgt. Maria Test", SUPERVISOR, SGT_PASS)


def sign_in_dialog(qtbot, store):
    runner = TaskRunner()
    dialog = SignInDialog(store, runner=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_sign_in(qtbot, dialog, star, passphrase):
    qtbot.keyClicks(dialog.star, star)
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def test_the_right_passphrase_signs_in_after_a_visible_check(qtbot, store):
    with_supervisor(store)
    dialog = sign_in_dialog(qtbot, store)
    click_sign_in(qtbot, dialog, "2231", SGT_PASS)

    # The answer comes back through the event loop, so right after the click the dialog is still checking.
    assert dialog.checking and "Checking" in dialog.message.text()
    assert not dialog.buttons.isEnabled() and dialog.passphrase.isReadOnly()
    assert dialog.passphrase.text() == SGT_PASS and dialog.result() != SignInDialog.DialogCode.Accepted

    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert (dialog.actor.name, dialog.actor.star) == ("Sgt. Maria Test", "2231")
    assert dialog.passphrase.text() == ""  # the passphrase does not linger in a widget


def test_a_wrong_passphrase_shows_the_message_and_keeps_the_star_number(qtbot, store):
    with_supervisor(store)
    dialog = sign_in_dialog(qtbot, store)
    click_sign_in(qtbot, dialog, "2231", "not my passphrase")
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)

    assert "Wrong star number or passphrase" in dialog.message.text()
    assert dialog.star.text() == "2231" and dialog.passphrase.text() == ""
    assert dialog.buttons.isEnabled() and not dialog.passphrase.isReadOnly()
    assert dialog.isVisible() and dialog.actor is None


def test_the_event_loop_keeps_running_while_the_passphrase_is_checked(qtbot, store):
    with_supervisor(store)
    dialog = sign_in_dialog(qtbot, store)
    ticks_while_checking = []
    timer = QTimer(interval=1)
    timer.timeout.connect(lambda: ticks_while_checking.append(1) if dialog.checking else None)
    timer.start()
    click_sign_in(qtbot, dialog, "2231", SGT_PASS)
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    timer.stop()
    # On the GUI thread the check would block the loop and the timer could not tick until it was over.
    assert len(ticks_while_checking) >= 1
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_the_rate_limit_still_applies_and_a_second_click_during_a_check_is_not_a_second_try(qtbot, store):
    with_supervisor(store)
    dialog = sign_in_dialog(qtbot, store)
    click_sign_in(qtbot, dialog, "2231", "guess one two")
    dialog.try_sign_in()  # Enter pressed again while checking: ignored, not counted
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    assert "Wrong" in dialog.message.text()

    for _ in range(2):
        dialog.passphrase.setText("guess guess guess")
        dialog.try_sign_in()
        qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    assert "Try again in 30 seconds" in dialog.message.text()  # the third failure starts the delay

    dialog.passphrase.setText(SGT_PASS)  # even the right passphrase waits for the delay
    dialog.try_sign_in()
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    assert "Try again in" in dialog.message.text() and dialog.actor is None


def test_cancel_waits_for_a_running_check(qtbot, store):
    with_supervisor(store)
    dialog = sign_in_dialog(qtbot, store)
    click_sign_in(qtbot, dialog, "2231", SGT_PASS)
    dialog.reject()  # Escape during the check: the check's answer must still find its dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_the_first_administrator_is_created_off_the_gui_thread(qtbot, store):
    dialog = FirstAdministratorDialog(store, runner=TaskRunner())
    qtbot.addWidget(dialog)
    dialog.name.setText("Admin Alvarez")
    dialog.star.setText("1000")
    dialog.passphrase.setText("admin correct horse")
    dialog.repeat.setText("admin correct horse")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert dialog.checking and not dialog.buttons.isEnabled()
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    assert dialog.result() == FirstAdministratorDialog.DialogCode.Accepted
    assert sign_in(store, "1000", "admin correct horse").name == "Admin Alvarez"


def test_unlocking_checks_the_passphrase_on_the_worker_and_keeps_the_hidden_window(qtbot, store):
    from PySide6.QtWidgets import QLineEdit

    with_supervisor(store)
    actor = sign_in(store, "2231", SGT_PASS)
    typed = QLineEdit("Typed before the lock")
    qtbot.addWidget(typed)
    typed.show()
    lock = IdleLock(store, actor, minutes=60, runner=TaskRunner())
    try:
        lock.lock()
        screen = lock.screen
        assert not typed.isVisible() and screen.isVisible()

        qtbot.keyClicks(screen.passphrase, "wrong passphrase")
        qtbot.mouseClick(screen.button, LEFT)
        assert screen.checking and not screen.button.isEnabled() and screen.passphrase.text() == "wrong passphrase"
        qtbot.waitUntil(lambda: not screen.checking, timeout=5000)
        assert lock.locked and "Wrong" in screen.message.text() and screen.passphrase.text() == ""

        qtbot.keyClicks(screen.passphrase, SGT_PASS)
        qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
        assert lock.locked  # still checking: the windows stay hidden until the answer
        qtbot.waitUntil(lambda: not lock.locked, timeout=5000)
        assert typed.isVisible() and typed.text() == "Typed before the lock" and not screen.isVisible()
    finally:
        lock.stop()
        lock.screen.close()


def test_an_administrator_adds_a_user_while_the_window_keeps_responding(qtbot, store):
    from intake_app.ui.security.users_dialog import UsersDialog

    with_supervisor(store)
    admin = sign_in(store, "1000", "admin correct horse")
    dialog = UsersDialog(store, admin, runner=TaskRunner())
    qtbot.addWidget(dialog)
    dialog.star.setText("12a")  # a mistake: refused with its field named, nothing typed is lost
    dialog.name.setText("Lt. Ray Review")
    dialog.role.setCurrentText("reviewer")
    dialog.passphrase.setText("lieutenant blue river")
    dialog.repeat.setText("lieutenant blue river")  # typed twice, as the dialog asks
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert dialog.checking and not dialog.add_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    assert dialog.message.text().startswith("star:") and dialog.name.text() == "Lt. Ray Review"
    assert dialog.passphrase.text() == "lieutenant blue river"

    dialog.star.setText("3100")
    qtbot.mouseClick(dialog.add_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    assert "Added Lt. Ray Review" in dialog.message.text() and dialog.passphrase.text() == ""
    assert any(dialog.users.item(i).text().startswith("3100") for i in range(dialog.users.count()))
    assert sign_in(store, "3100", "lieutenant blue river").role == "reviewer"
