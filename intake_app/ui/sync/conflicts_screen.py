"""The Conflicts screen (offline sync): both versions of an incident that was edited here and on another device,
side by side; the supervisor keeps one. Nothing is merged silently. Opened from the Sync menu."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

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

from ...domain.interchange import to_dict
from ...sync import conflicts as open_conflicts

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...domain.actor import Actor
    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner


def _version_text(inc) -> str:
    data = to_dict(inc)
    data.pop("reporting_party", None)  # shown on the incident itself, not spread over this screen
    return json.dumps(data, indent=2, ensure_ascii=False)


class ConflictsScreen(QWidget):
    def __init__(self, store: IncidentStore, runner: TaskRunner, actor: Callable[[], Actor],
                 on_resolved: Callable[[], None] | None = None, parent: QWidget | None = None):
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
        self.keep.clicked.connect(lambda: self._resolve(open_conflicts.keep_mine))
        self.take.clicked.connect(lambda: self._resolve(open_conflicts.take_theirs))
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
        self.runner.run(lambda: (open_conflicts.conflicts(self.store), open_conflicts.deleted_theirs(self.store)), self._loaded)

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
            self.differences.setText(self.tr("There are no conflicts: every record on this computer agrees with "
                                             "the server's."))
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
            # The sealed envelope is made anew at each sealing: not a field anyone edits, so never "different".
            differ = [k for k in a if k not in ("updated_at", "version", "sealed") and a.get(k) != b.get(k)]
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
