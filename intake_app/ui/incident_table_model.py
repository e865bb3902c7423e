"""The incident list's table: IncidentSummary rows handed in with set_rows(), never fetched in data().

Summaries carry no reporting-party data, so the list cannot show it. Sorting is done in the model on the
raw values (dates sort as dates), so the view just calls sort().
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt

from ..storage.queries import IncidentSummary
from .i18n import format_datetime
from .rows_model import RowsModel
from .vocabulary import vocabulary_label

COL_REPORT, COL_STATUS, COL_DISTRICT, COL_BEAT, COL_OCCURRED, COL_ADDRESS, COL_AGENTS, COL_DEMO = range(8)
HEADERS = (QT_TRANSLATE_NOOP("IncidentTableModel", "Report number"), QT_TRANSLATE_NOOP("IncidentTableModel", "Status"),
           QT_TRANSLATE_NOOP("IncidentTableModel", "District"), QT_TRANSLATE_NOOP("IncidentTableModel", "Beat"),
           QT_TRANSLATE_NOOP("IncidentTableModel", "Occurred"), QT_TRANSLATE_NOOP("IncidentTableModel", "Address"),
           QT_TRANSLATE_NOOP("IncidentTableModel", "Agents"), QT_TRANSLATE_NOOP("IncidentTableModel", "Demo"))
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_EPOCH = datetime(1900, 1, 1, tzinfo=UTC)


def _sort_key(row: IncidentSummary, column: int):
    return {
        COL_REPORT: row.report_number,
        COL_STATUS: row.status.value,
        COL_DISTRICT: row.district or 0,
        COL_BEAT: row.beat,
        COL_OCCURRED: row.occurred_at or _EPOCH,
        COL_ADDRESS: row.address.casefold(),
        COL_AGENTS: row.agent_count,
        COL_DEMO: row.is_demo,
    }[column]


class IncidentTableModel(RowsModel):
    rows: list[IncidentSummary]
    column_count = len(HEADERS)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sort = (COL_OCCURRED, Qt.SortOrder.DescendingOrder)

    def header_texts(self) -> list[str]:
        return [self.tr(h) for h in HEADERS]

    def arrange(self, rows: list[IncidentSummary]) -> None:
        column, order = self._sort
        rows.sort(key=lambda r: _sort_key(r, column), reverse=order == Qt.SortOrder.DescendingOrder)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_DEMO and row.is_demo:
            return self.tr("Synthetic demo record: not a real incident")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_DISTRICT, COL_AGENTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: IncidentSummary, col: int) -> str:
        if col == COL_REPORT:
            return row.report_number or self.tr("(not yet numbered)")
        if col == COL_STATUS:
            return vocabulary_label(row.status)
        if col == COL_DISTRICT:
            return str(row.district) if row.district else ""
        if col == COL_BEAT:
            return row.beat
        if col == COL_OCCURRED:
            return format_datetime(row.occurred_at)
        if col == COL_ADDRESS:
            return row.address
        if col == COL_AGENTS:
            return str(row.agent_count)
        if col == COL_DEMO:
            return "DEMO" if row.is_demo else ""
        return ""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self.arrange(self.rows)
        self.layoutChanged.emit()
