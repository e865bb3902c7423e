"""The incident view's "History" tab: who changed what, when, from which machine (the audit trail, read-only)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..security.audit import AuditEntry, entries_for

CHICAGO = ZoneInfo("America/Chicago")
ACTIONS = {"create": "Created", "import": "Imported", "update": "Changed", "status": "Status changed",
           "delete": "Deleted", "baseline": "Audit trail started", "print": "Printed", "export": "Exported",
           "packet": "Referral packet", "sync": "Synced"}
NO_PARENT = QModelIndex()
HEADERS = ("When (Chicago)", "Who", "Action", "Field", "Old value", "New value", "Machine")
SHOWN = 120  # characters of a long value (a narrative) shown in the cell; the tooltip has all of it


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


class AuditHistoryModel(QAbstractTableModel):
    """Holds the rows handed to it; never reads the store."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[AuditEntry] = []

    def set_rows(self, rows: list[AuditEntry]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def cell(self, e: AuditEntry, column: int) -> str:
        return (
            e.at.astimezone(CHICAGO).strftime("%Y-%m-%d %H:%M:%S"),
            f"{e.actor_name} #{e.actor_star}" if e.actor_star else e.actor_name,
            ACTIONS.get(e.action, e.action.replace("_", " ").capitalize()),
            e.field_path,
            e.old_value,
            e.new_value,
            e.machine,
        )[column]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        text = self.cell(self.rows[index.row()], index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _short(text)
        if role == Qt.ItemDataRole.ToolTipRole and len(text) > SHOWN:
            return text
        return None


class HistoryTab(QWidget):
    def __init__(self, store, runner, incident_id: str, parent=None):
        super().__init__(parent)
        self.model = AuditHistoryModel(self)
        self.status = QLabel("Loading the history…")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("History of changes")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        runner.run(lambda: entries_for(store, incident_id), self._loaded, self._failed)

    def _loaded(self, entries: list[AuditEntry]) -> None:
        self.model.set_rows(entries)
        self.table.resizeColumnsToContents()
        for column in (4, 5):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self.status.setText(f"{len(entries)} entries, oldest first. Each is chained and signed; `intake verify` checks them.")

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(f"The history could not be read: {exc}")
