"""Hooks review and station security into the main window of a signed-in session: the idle lock (also on the
operating system's screen lock), the review queue for reviewers, user management for administrators, the review
history tab. Who signed in and what they may read come with the window (MainWindow(session=...)); the incident
view masks the reporting party itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from ...domain.actor import Actor
from ...domain.roles import ADMINISTRATOR, REVIEWER
from ..common.application import qt_app
from ..common.elided_label import ElidedLabel
from ..common.i18n import QT_TRANSLATE_NOOP
from ..common.vocabulary import role_label
from ..incidents.incident_tabs import register_incident_tab
from ..incidents.returned import banner_text, return_note, returned_to
from ..shell.branding import window_title
from .lock import IdleLock

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...storage.repository import IncidentStore
    from ..incidents.incident_tabs import IncidentContext
    from ..shell.main_window import MainWindow
    from .screen_lock import ScreenLockWatcher
    from .users_dialog import UsersDialog

# Module functions, not a MainWindow method: lupdate gives window.tr() the variable's name as its context,
# so these name the context ("MainWindow") themselves.
translate = QCoreApplication.translate


def _stop_watching(*watchers) -> None:
    """The window is gone. A watcher Qt has deleted already (with its owner) is off every list: nothing to stop."""
    for watcher in watchers:
        if shiboken6.isValid(watcher):
            watcher.stop()


def install_signed_in(window: MainWindow, idle_minutes: float | None = None) -> IdleLock:
    """Before the window's first paint: what is built here keeps the window's store handle (startup.py)."""
    actor = window.session.actor
    register_incident_tab(QT_TRANSLATE_NOOP("IncidentView", "Review &log"), _review_tab)
    # Not a Qt child of the window: it lives exactly as long as the window's Python object refers to it.
    handle = window.store_handle
    window.idle_lock = lock = IdleLock(handle, actor, idle_minutes, runner=window.runner, watch_input=False)
    watchers: list[IdleLock | ScreenLockWatcher] = [lock]
    if idle_minutes is None:  # the station's idle-lock time, kept in the store by an administrator
        def got_minutes(minutes: int) -> None:
            if shiboken6.isValid(lock):
                lock.set_minutes(minutes)

        window.runner.run(lambda: _station_idle_minutes(handle.store), got_minutes)

    def watch_screen_lock() -> None:
        from .screen_lock import ScreenLockWatcher

        window.screen_lock = watcher = ScreenLockWatcher(window)
        watcher.screen_locked.connect(lock.lock)
        watchers.append(watcher)

    # Both start once the window is on screen (start-up speed): until then there is no input to watch,
    # and the screen-lock watcher's D-Bus connections take a few milliseconds. The idle timer runs from now.
    window.when_on_screen(lock.watch_input)
    window.when_on_screen(watch_screen_lock)
    lock.switch_requested.connect(lambda other: hand_over(window, other))
    # Both go before anything is torn down at exit: no Python event filter or slot of the lock runs while
    # PySide and Python dismantle their objects (a refcount error at exit, "bool_dealloc", came from there).
    app = qt_app()  # the app's, running

    def stop_at_quit() -> None:
        _stop_watching(*watchers)

    def window_gone(*_args) -> None:
        # The application outlives this window (another user's window may follow): its quit must not reach
        # a lock, and the dialogs kept behind it, of a window already gone.
        _stop_watching(*watchers)
        try:
            app.aboutToQuit.disconnect(stop_at_quit)
        except (RuntimeError, TypeError):
            pass

    app.aboutToQuit.connect(stop_at_quit)
    window.destroyed.connect(window_gone)
    security = translate("MainWindow", "Sec&urity")
    lock_now = window.add_menu_action(security, translate("MainWindow", "&Lock now"), lock.lock, "Ctrl+L")
    # Application-wide: Ctrl+L locks from the wizard and every dialog too, not only from the main window.
    lock_now.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    window.add_menu_action(security, translate("MainWindow", "Sign &out"), lambda: sign_out(window))
    if actor.role == REVIEWER:
        from ..review.review_queue import ReviewQueue

        window.review_queue = queue = ReviewQueue(handle, window.runner, window.session, window)
        queue.changed.connect(window.incidents.refresh)
        index = window.add_screen(translate("MainWindow", "Review &queue"), queue, closable=False)
        # The tab says how many records wait, so the reviewer sees work arrive from any screen.
        queue.count_changed.connect(lambda n, i=index: window.tabs.setTabText(
            i, translate("MainWindow", "Review &queue (%1)").replace("%1", str(n))))
        queue.refresh()
    if actor.role == ADMINISTRATOR:
        window.add_menu_action(security, translate("MainWindow", "&Users..."), lambda: _users(window, actor))
    window.statusBar().addPermanentWidget(_who(window, actor))
    window.when_on_screen(lambda: _tell_returns(window, actor))
    return lock


def _tell_returns(window: MainWindow, actor: Actor) -> None:
    """At sign-in: the records a reviewer sent back to this supervisor, with the reviewer's comment. Asked at
    the first paint, maybe before the store is open: it is asked for on the worker."""
    handle = window.store_handle
    window.runner.run(lambda: returned_to(handle.store, actor.star), lambda found: _show_returns(window, found))


def _show_returns(window: MainWindow, found: list) -> None:
    if not found or not shiboken6.isValid(window):
        return
    notes = [(inc, note) for inc in found if (note := return_note(inc)) is not None]  # each one a return
    lines = [f"{inc.report_number}: {banner_text(note)}" for inc, note in notes]
    box = QMessageBox(QMessageBox.Icon.Information, window_title(translate("MainWindow", "Returned to you")),
                      translate("MainWindow", "A reviewer returned %1 record(s) to you for changes. Open each from "
                                              "the Incidents list, fix it and submit it again.")
                      .replace("%1", str(len(found))), parent=window)
    box.setDetailedText("\n\n".join(lines))
    box.setInformativeText("\n".join(lines[:5]))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.returns_notice = box
    box.open()  # window-modal, without a nested event loop


def _station_idle_minutes(store: IncidentStore) -> int:
    from ...security.station import idle_lock_minutes

    return idle_lock_minutes(store)


def sign_out(window: MainWindow) -> None:
    """Close the window as Quit does (an open wizard asks to save first); the app then shows the sign-in
    again instead of ending (app.run)."""
    window.sign_in_next = True
    window.close()
    if window.isVisible():  # the user kept the wizard open (Cancel): still signed in
        window.sign_in_next = False


def hand_over(window: MainWindow, other: Actor, tries: int = 50) -> None:
    """Someone else signed in on the lock screen. The locked user's open work stays theirs: a row dialog still
    open (agent, footage, violation) is kept as typed in its list, the wizard is autosaved under the locked
    user's star (offered back to them alone at their next sign-in) and closed without being shown; then the
    window closes and the app opens a new one for `other` (app.run)."""
    from ..wizard.row_dialog import RowDialog

    wizard = window.wizard
    lock = window.idle_lock
    assert lock is not None  # this answers the lock's own switch_requested
    if wizard is not None and shiboken6.isValid(wizard) and (wizard.isVisible() or wizard in lock.hidden_windows()):
        open_rows = [d for d in wizard.findChildren(RowDialog) if d.running]
        if open_rows:
            for dialog in open_rows:
                dialog.accept()  # OK is never blocked by problems: the row is kept as typed
            if tries > 0:  # the dialog's loop returns first, then the row is in its page's list
                QTimer.singleShot(0, lambda: hand_over(window, other, tries - 1))
                return
        if wizard.dirty:
            wizard.autosave_now()  # queued on the database worker, which the app lets finish before going on
        wizard.dirty = False
        wizard.done(0)
    window.switch_to = other
    lock.forget_hidden()
    lock.stop()
    window.close()


def _review_tab(context: IncidentContext) -> QWidget:
    from ..review.review_queue import review_tab

    return review_tab(context)


def _users(window: MainWindow, actor: Actor) -> UsersDialog:
    from .users_dialog import UsersDialog

    lock = window.idle_lock
    assert lock is not None  # installed with the window's security menu, which offers this
    dialog = UsersDialog(window.store, actor, window, on_idle_changed=lock.set_minutes,
                         runner=window.runner)
    dialog.show()
    window.users_dialog = dialog
    return dialog


def _who(window: MainWindow, actor: Actor) -> ElidedLabel:
    return ElidedLabel(translate("MainWindow", "Signed in: %1 (%2)").replace("%1", actor.name)
                  .replace("%2", role_label(actor.role)))

