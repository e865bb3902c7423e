"""Table model of an incident's links: rows handed in by the tab, never fetched in data()."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..domain.matching import CONFIRMED, SAME_EVENT, Match

CHICAGO = ZoneInfo("America/Chicago")
COL_REPORT, COL_DISTRICT, COL_DATE, COL_STRENGTH, COL_KIND, COL_STATUS, COL_SHARED = range(7)
NO_PARENT = QModelIndex()
HEADERS = ("Report number", "District", "Occurred", "Strength", "Link", "Status", "Shared")


class LinksModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Match] = []

    def set_rows(self, rows: list[Match]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def match(self, row: int) -> Match | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=NO_PARENT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        m = self.match(index.row())
        if m is None:
            return None
        if role == Qt.DisplayRole:
            return self._text(m, index.column())
        if role == Qt.ToolTipRole and index.column() == COL_SHARED:
            return "\n".join(m.reasons())
        if role == Qt.TextAlignmentRole and index.column() in (COL_DISTRICT, COL_STRENGTH):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    @staticmethod
    def _text(m: Match, col: int) -> str:
        o = m.other
        if col == COL_REPORT:
            return o.report_number or o.id
        if col == COL_DISTRICT:
            return str(o.district) if o.district is not None else ""
        if col == COL_DATE:
            return o.occurred_at.astimezone(CHICAGO).strftime("%Y-%m-%d %H:%M") if o.occurred_at else ""
        if col == COL_STRENGTH:
            return f"{m.strength} ({m.score:.2f})"
        if col == COL_KIND:
            return "same event" if m.kind == SAME_EVENT else "same agent/vehicle"
        if col == COL_STATUS:
            return "confirmed" if m.decision == CONFIRMED else "suggested"
        return "; ".join(m.reasons())
