"""Sync in the app (issue 4): runs in the background on the io pool (every few minutes, and on "Sync now"),
its state in the status bar (last sync, pending changes, errors in plain words), and a Conflicts screen
where the supervisor sees both versions of an incident and chooses. Nothing here touches SQL: it calls
intake_app.sync."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.interchange import to_dict
from ..sync import remote, state

AUTO_SYNC_MS = 5 * 60 * 1000


def _version_text(inc) -> str:
    data = to_dict(inc)
    data.pop("reporting_party", None)  # shown on the incident itself, not spread over this screen
    return json.dumps(data, indent=2, ensure_ascii=False)


class ConflictsScreen(QWidget):
    def __init__(self, store, runner, actor, on_resolved=None, parent=None):
        super().__init__(parent)
        self.store, self.runner, self.actor, self.on_resolved = store, runner, actor, on_resolved
        self.conflicts: list = []
        self.deleted: set[str] = set()  # conflicts whose other side deleted the draft
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        self.mine, self.theirs = QPlainTextEdit(), QPlainTextEdit()
        for view in (self.mine, self.theirs):
            view.setReadOnly(True)
        self.keep = QPushButton(self.tr("&Keep mine"))
        self.take = QPushButton(self.tr("&Take theirs"))
        self.keep.clicked.connect(lambda: self._resolve(remote.keep_mine))
        self.take.clicked.connect(lambda: self._resolve(remote.take_theirs))
        self.hint = QLabel(self.tr("Both versions are kept until you choose. Nothing is merged silently."))
        self.differences = QLabel()
        self.differences.setWordWrap(True)  # a deletion's explanation is a sentence, not a list of fields
        versions = QHBoxLayout()
        for title, view in ((self.tr("Mine (this computer)"), self.mine), (self.tr("Theirs (the server)"), self.theirs)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(view)
            versions.addLayout(column)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.keep)
        buttons.addWidget(self.take)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.differences)
        layout.addLayout(versions, 3)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.runner.run(lambda: (remote.conflicts(self.store), remote.deleted_theirs(self.store)), self._loaded)

    def _loaded(self, loaded) -> None:
        self.conflicts, self.deleted = loaded
        conflicts = self.conflicts
        self.list.clear()
        for mine, theirs in conflicts:
            text = (self.tr("%1 — yours v%2, deleted on another device") if mine.id in self.deleted
                    else self.tr("%1 — yours v%2, server's v%3").replace("%3", str(theirs.version)))
            QListWidgetItem(text.replace("%1", mine.report_number or mine.id).replace("%2", str(mine.version)), self.list)
        if conflicts:
            self.list.setCurrentRow(0)
        else:
            self.mine.setPlainText("")
            self.theirs.setPlainText("")
        self.keep.setEnabled(bool(conflicts))
        self.take.setEnabled(bool(conflicts))

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.conflicts):
            mine, theirs = self.conflicts[row]
            self.mine.setPlainText(_version_text(mine))
            self.theirs.setPlainText(_version_text(theirs))
            if mine.id in self.deleted:  # the right-hand side is the draft as it was when it was deleted
                self.differences.setText(self.tr("Another device deleted this draft (theirs shows it as it was deleted). "
                                                 "Take theirs deletes it here too; Keep mine keeps your version everywhere."))
                return
            a, b = to_dict(mine), to_dict(theirs)
            differ = [k for k in a if k not in ("updated_at", "version") and a.get(k) != b.get(k)]
            self.differences.setText(self.tr("Different: %1").replace("%1", ", ".join(differ) or self.tr("nothing but the save time")))

    def _resolve(self, how) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        incident_id = self.conflicts[row][0].id

        def done(_stored) -> None:
            self.refresh()
            if self.on_resolved:
                self.on_resolved()

        self.runner.run(lambda: how(self.store, incident_id, self.actor()), done,
                        lambda exc: QMessageBox.warning(self, self.tr("Conflict"), str(exc)))


class SyncController(QObject):
    """One sync at a time, never on the GUI thread; the status bar says where things stand."""

    def __init__(self, window):
        super().__init__(window)
        self.window, self.store, self.runner = window, window.store, window.runner
        self.running = False
        self.label = QLabel()
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.sync_now(quiet=True))
        self.timer.start(AUTO_SYNC_MS)
        self.show_status()
        # Tied to this controller, so it is dropped with its window.
        QTimer.singleShot(2000, self, lambda: self.sync_now(quiet=True))

    def show_status(self) -> None:
        self.runner.run(lambda: state.status(self.store), self._status)

    def _status(self, s) -> None:
        if not s.enrolled:
            self.label.setText(self.tr("Sync: not connected to a server"))
            return
        parts = [self.tr("Last sync: %1").replace("%1", s.last_sync_at.replace("T", " ")[:16] or self.tr("never")),
                 self.tr("%1 change(s) to send").replace("%1", str(s.pending))]
        if s.conflicts:
            parts.append(self.tr("%1 conflict(s) to resolve").replace("%1", str(s.conflicts)))
        if s.last_error:
            parts.append(self.tr("Problem: %1").replace("%1", s.last_error.split(": ", 1)[-1]))
        self.label.setText(" · ".join(parts))
        self.label.setToolTip(s.last_error)

    def sync_now(self, quiet: bool = False) -> None:
        if self.running or (quiet and not self.window.isVisible()):
            return  # an automatic try from a closed window has nobody to report to
        if quiet:
            # Not enrolled: nothing to try automatically. Asked on the db pool, never on the GUI thread.
            store = self.store
            self.runner.run(lambda: bool(state.read(store, state.SERVER_URL)),
                            lambda enrolled: self._start(quiet) if enrolled else None)
            return
        self._start(quiet)

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
            if not quiet and report.error:
                QMessageBox.information(self.window, self.tr("Sync"),
                                        self.tr("Sync did not finish: %1\nEvery pending change is kept.")
                                        .replace("%1", report.error))

        def failed(exc) -> None:
            self.running = False
            self.label.setText(self.tr("Sync: %1").replace("%1", str(exc)))

        # Imported on the first sync, not at start-up: the client (httpx) and the server's schemas (pydantic)
        # cost a large share of the app's start (issue 8), and the first automatic try comes seconds later.
        from ..sync.engine import sync_once

        self.runner.run(lambda: sync_once(self.store), done, failed, pool="io")

    def open_conflicts(self) -> ConflictsScreen:
        screen = ConflictsScreen(self.store, self.runner, self.window.actor, on_resolved=self.show_status)
        index = self.window.add_screen(self.tr("Conflicts"), screen)
        self.window.tabs.setCurrentIndex(index)
        return screen


def install_ui(window) -> None:
    controller = SyncController(window)
    window.sync_controller = controller
    menu = QCoreApplication.translate("MainWindow", "&Sync")
    window.add_menu_action(menu, QCoreApplication.translate("MainWindow", "Sync &now"), controller.sync_now, "F9")
    window.add_menu_action(menu, QCoreApplication.translate("MainWindow", "&Conflicts…"), controller.open_conflicts)
