"""The incident view's "History" tab: who changed what, when, from which machine (the audit trail, read-only)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...domain.enums import Agency, FootageKind, IdentifiedBy, Preservation, Source, Status
from ...security.audit import AuditEntry, entries_for
from ..common.domain_text import field_place
from ..common.i18n import QT_TRANSLATE_NOOP, format_datetime
from ..common.rows_model import RowsModel
from ..common.vocabulary import vocabulary_label

if TYPE_CHECKING:
    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner

CHICAGO = ZoneInfo("America/Chicago")
CONTEXT = "HistoryTab"
ACTIONS = {"create": QT_TRANSLATE_NOOP("HistoryTab", "Created"), "import": QT_TRANSLATE_NOOP("HistoryTab", "Imported"),
           "update": QT_TRANSLATE_NOOP("HistoryTab", "Changed"),
           "status": QT_TRANSLATE_NOOP("HistoryTab", "Status changed"),
           "delete": QT_TRANSLATE_NOOP("HistoryTab", "Deleted"),
           "baseline": QT_TRANSLATE_NOOP("HistoryTab", "Audit trail started"),
           "print": QT_TRANSLATE_NOOP("HistoryTab", "Printed"), "export": QT_TRANSLATE_NOOP("HistoryTab", "Exported"),
           "packet": QT_TRANSLATE_NOOP("HistoryTab", "Referral packet"),
           "sync": QT_TRANSLATE_NOOP("HistoryTab", "Synced")}
HEADERS = (QT_TRANSLATE_NOOP("HistoryTab", "When"), QT_TRANSLATE_NOOP("HistoryTab", "Who"),
           QT_TRANSLATE_NOOP("HistoryTab", "Action"), QT_TRANSLATE_NOOP("HistoryTab", "Field"),
           QT_TRANSLATE_NOOP("HistoryTab", "Old value"), QT_TRANSLATE_NOOP("HistoryTab", "New value"),
           QT_TRANSLATE_NOOP("HistoryTab", "Machine"))
SHOWN = 120  # characters of a long value (a narrative) shown in the cell; the tooltip has all of it


# Fields whose stored values are codes ("in_review", "body_worn_camera"): shown as the screens name them.
_CODED = {"status": Status, "preservation_status": Preservation, "kind": FootageKind, "agency": Agency,
          "source": Source, "identified_by": IdentifiedBy}


def value_words(path: str, value: str) -> str:
    """A stored value in the user's words and language: "In review", not "in_review"."""
    kind = _CODED.get(path.rsplit(".", 1)[-1]) if path else None
    if kind is not None and value:
        try:
            return vocabulary_label(kind(value))
        except ValueError:
            return value
    if path.endswith(("_at", ".start", ".end", "deadline")) and value:
        try:  # a stored moment (ISO 8601) in the one date format of the screens
            return format_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value
    return value


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


class AuditHistoryModel(RowsModel):
    rows: list[AuditEntry]
    column_count = len(HEADERS)

    def header_texts(self) -> list[str]:
        return [QCoreApplication.translate(CONTEXT, h) for h in HEADERS]

    def cell(self, e: AuditEntry, column: int) -> str:
        return (
            format_datetime(e.at),
            f"{e.actor_name} #{e.actor_star}" if e.actor_star else e.actor_name,
            QCoreApplication.translate(CONTEXT, ACTIONS[e.action]) if e.action in ACTIONS
            else e.action.replace("_", " ").capitalize(),
            field_place(e.field_path) if e.field_path else "",  # "Footage 2, Evidence ID", as the screens number
            value_words(e.field_path, e.old_value),
            value_words(e.field_path, e.new_value),
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
    def __init__(self, store: IncidentStore, runner: TaskRunner, incident_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = AuditHistoryModel(self)
        self.status = QLabel(self.tr("Loading the history…"))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("History of changes"))
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
        self.status.setText(self.tr("%1 entries, oldest first. Each is chained and signed; `intake verify` checks them.")
                            .replace("%1", str(len(entries))))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("The history could not be read: %1").replace("%1", str(exc)))
