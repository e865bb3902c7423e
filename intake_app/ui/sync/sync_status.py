"""Sync in the app (offline sync): runs in the background on the io pool (every few minutes, and on "Sync now"),
its state in the status bar (last sync, pending changes, errors in plain words), and the menu that opens
the Conflicts screen (conflicts_screen.py). Nothing here touches SQL: it calls intake_app.sync, on the database
worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from ..common.elided_label import ElidedLabel

if TYPE_CHECKING:
    from ..shell.main_window import MainWindow
    from .conflicts_screen import ConflictsScreen

AUTO_SYNC_MS = 5 * 60 * 1000


class SyncController(QObject):
    """One sync at a time, never on the GUI thread; the status bar says where things stand. Built with the first
    window, maybe before its store is open: the store is asked for on the workers (`store_handle`)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window, self.store_handle, self.runner = window, window.store_handle, window.runner
        self.running = False
        self.label = ElidedLabel()  # the longest of the status bar: elided, never cut, in a narrow window
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.sync_now(quiet=True))
        self.timer.start(AUTO_SYNC_MS)
        self.show_status()
        # Tied to this controller, so it is dropped with its window.
        QTimer.singleShot(2000, self, lambda: self.sync_now(quiet=True))

    def show_status(self) -> None:
        handle = self.store_handle

        def status():
            from ...sync import state

            return state.status(handle.store)

        self.runner.run(status, self._status)

    def _status(self, s) -> None:
        if not s.enrolled:
            self.label.setText(self.tr("Sync: not connected to a server (Sync > Enroll this computer)"))
            return
        parts = [self.tr("Last sync: %1").replace("%1", s.last_sync_at.replace("T", " ")[:16] or self.tr("never")),
                 self.tr("%1 change(s) to send").replace("%1", str(s.pending))]
        if s.conflicts:
            parts.append(self.tr("%1 conflict(s) to resolve").replace("%1", str(s.conflicts)))
        if s.restored_at:  # what the server had lost with a restore from a backup, and this computer sent again
            parts.append(self.tr("Server restored from backup: re-sent %1 records").replace("%1", str(s.resent)))
        if s.last_error and s.last_error != s.alarm.split(": ", 1)[-1]:
            parts.append(self.tr("Problem: %1").replace("%1", s.last_error.split(": ", 1)[-1]))
        if s.alarm:  # first, in words and in red: not a passing sync problem but a cut audit trail
            parts.insert(0, self.tr("ALARM: the server found this computer's audit trail cut"))
            self.label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.label.setStyleSheet("")
        self.label.setText(" · ".join(parts))
        said = self._alarm_sentence(s.alarm) if s.alarm else s.last_error
        self.label.setToolTip(said)
        self.label.setAccessibleDescription(said)

    def _alarm_sentence(self, alarm: str) -> str:
        """The alarm in the user's language (kept in the store as "<time>: <the sentence in English>")."""
        from ...sync.audit_head_step import AUDIT_CUT_PREFIX

        sentence = alarm.split(": ", 1)[-1] if alarm[:1].isdigit() else alarm
        if not sentence.startswith(AUDIT_CUT_PREFIX):
            return sentence
        return self.tr("AUDIT CHAIN NOT EXTENDED: the server found that this computer's audit trail does not "
                       "continue the one it reported before: entries were removed or rewritten here. Tell the "
                       "district commander and the administrator; keep this computer as it is.")

    def sync_now(self, quiet: bool = False) -> None:
        if self.running or (quiet and not self.window.isVisible()):
            return  # an automatic try from a closed window has nobody to report to
        if quiet:
            # Not enrolled: nothing to try automatically. Asked on the db pool, never on the GUI thread.
            handle = self.store_handle

            def enrolled() -> bool:
                from ...sync import state

                return bool(state.read(handle.store, state.SERVER_URL))

            self.runner.run(enrolled, lambda yes: self._start(quiet) if yes else None)
            return
        # Asked for: a computer not enrolled yet is offered the enrollment (not told to run a command).
        handle = self.store_handle

        def enrolled_now() -> bool:
            from ...sync import state

            return bool(state.read(handle.store, state.SERVER_URL))

        self.runner.run(enrolled_now, lambda yes: self._start(quiet) if yes else self.open_enroll())

    def open_enroll(self):
        """The enrollment dialog (server address and one-time code); after it succeeds, a first sync."""
        from .enroll_dialog import EnrollDialog

        # On a user's action (the menu, or Sync now once the worker said it is not enrolled): the store is open,
        # or this waits for the rest of its opening.
        dialog = EnrollDialog(self.window.store, self.runner, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.enrolled.connect(lambda _e: (self.show_status(), self.sync_now(quiet=True)))
        self.enroll_dialog = dialog
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def _start(self, quiet: bool) -> None:
        if self.running:
            return
        self.running = True
        self.label.setText(self.tr("Syncing…"))

        def done(report) -> None:
            self.running = False
            self.show_status()
            if report.applied:
                self.window.incidents.refresh()
            if report.alarms:
                QMessageBox.critical(self.window, self.tr("Audit trail alarm"), self._alarm_sentence(report.alarms[0]))
            elif not quiet and report.error:
                QMessageBox.information(self.window, self.tr("Sync"),
                                        self.tr("Sync did not finish: %1\nEvery pending change is kept.")
                                        .replace("%1", report.error))

        def failed(exc) -> None:
            self.running = False
            self.label.setText(self.tr("Sync: %1").replace("%1", str(exc)))

        from ...sync.engine import sync_once

        handle = self.store_handle  # after a worker's answer (enrolled): open
        self.runner.run(lambda: sync_once(handle.store), done, failed, pool="io")

    def open_conflicts(self) -> ConflictsScreen:
        from .conflicts_screen import ConflictsScreen

        screen = ConflictsScreen(self.window.store, self.runner, self.window.actor, on_resolved=self.show_status)
        index = self.window.add_screen(self.tr("Conflicts"), screen)
        self.window.tabs.setCurrentIndex(index)
        return screen


def install_ui(window: MainWindow) -> None:
    controller = SyncController(window)
    window.sync_controller = controller
    menu = QCoreApplication.translate("MainWindow", "S&ync")
    window.add_menu_action(menu, QCoreApplication.translate("MainWindow", "Sync &now"), controller.sync_now, "F9")
    window.add_menu_action(menu, QCoreApplication.translate("MainWindow", "&Conflicts…"), controller.open_conflicts)
    window.add_menu_action(menu, QCoreApplication.translate("MainWindow", "&Enroll this computer…"),
                           controller.open_enroll)
