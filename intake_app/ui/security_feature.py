"""Hooks issue 6 into the main window once a user has signed in: whose actions these are, the idle lock
(also on the operating system's screen lock), the review queue for reviewers, user management for administrators, the review history tab, and the
reporting party masked for roles that do not need it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.actor import Actor
from ..domain.roles import ADMINISTRATOR, REVIEWER
from ..security.privacy import for_viewer
from .incident_tabs import register_incident_tab
from .lock import IdleLock
from .vocabulary import role_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .users_dialog import UsersDialog

# Module functions, not a MainWindow method: lupdate gives window.tr() the variable's name as its context,
# so these name the context ("MainWindow") themselves.
translate = QCoreApplication.translate


def _stop_watching(*watchers) -> None:
    """The window is gone. A watcher Qt has deleted already (with its owner) is off every list: nothing to stop."""
    for watcher in watchers:
        if shiboken6.isValid(watcher):
            watcher.stop()


def install_signed_in(window, actor: Actor, idle_minutes: float | None = None) -> IdleLock:
    window.actor = lambda: actor  # every change from this window is made as the signed-in user
    window.signed_in_as = actor
    _mask_reporting_party(window, actor)
    register_incident_tab(QT_TRANSLATE_NOOP("IncidentView", "Re&view"), _review_tab)
    # Not a Qt child of the window: it lives exactly as long as the window's Python object refers to it.
    window.idle_lock = lock = IdleLock(window.store, actor, idle_minutes, runner=window.runner, watch_input=False)
    watchers = [lock]

    def watch_screen_lock() -> None:
        from .screen_lock import ScreenLockWatcher  # with the watcher, once the window is on screen

        window.screen_lock = watcher = ScreenLockWatcher(window)
        watcher.screen_locked.connect(lock.lock)
        watchers.append(watcher)

    # Both start once the window is on screen (issue 8: start-up speed): until then there is no input to watch,
    # and the screen-lock watcher's D-Bus connections take a few milliseconds. The idle timer runs from now.
    window.when_on_screen(lock.watch_input)
    window.when_on_screen(watch_screen_lock)
    window.destroyed.connect(lambda *_a: _stop_watching(*watchers))
    security = translate("MainWindow", "&Security")
    window.add_menu_action(security, translate("MainWindow", "&Lock now"), window.idle_lock.lock, "Ctrl+L")
    if actor.role == REVIEWER:
        from .review_queue import ReviewQueue  # reviewers only

        window.review_queue = ReviewQueue(window.store, window.runner, window.actor, window)
        window.review_queue.changed.connect(window.incidents.refresh)
        window.add_screen(translate("MainWindow", "Review queue"), window.review_queue, closable=False)
    if actor.role == ADMINISTRATOR:
        window.add_menu_action(security, translate("MainWindow", "&Users..."), lambda: _users(window, actor))
    window.statusBar().addPermanentWidget(_who(window, actor))
    return window.idle_lock


def _review_tab(context) -> QWidget:
    from .review_queue import review_tab  # when an incident is first opened (issue 8: start-up)

    return review_tab(context)


def _users(window, actor: Actor) -> UsersDialog:
    from .users_dialog import UsersDialog  # on first use: it needs the users' module and so SQLAlchemy

    dialog = UsersDialog(window.store, actor, window, on_idle_changed=window.idle_lock.set_minutes,
                         runner=window.runner)
    dialog.show()
    window.users_dialog = dialog
    return dialog


def _who(window, actor: Actor):
    from PySide6.QtWidgets import QLabel

    return QLabel(translate("MainWindow", "Signed in: %1 (%2)").replace("%1", actor.name)
                  .replace("%2", role_label(actor.role)))


def _mask_reporting_party(window, actor: Actor) -> None:
    """The incident view shows the record as this user may see it (reporting party masked if not needed)."""
    original = window._show_incident

    def show(incident) -> None:
        from ..sync.sealing_step import reveal

        # Received sealed: opened only with this user's key (an audited unmasking), else shown as "sealed".
        opened, how = reveal(window.store, actor, incident)
        shown = opened if how != "clear" else for_viewer(actor, incident)
        original(shown)
        if shown is not incident:  # a masked, sealed or opened copy is never edited and saved over the record
            view = window.tabs.currentWidget()
            view.edit_button.setEnabled(False)
            view.edit_button.setToolTip(translate("MainWindow", "Only the supervisor who entered it or a reviewer "
                                                             "can edit it."))

    window._show_incident = show
