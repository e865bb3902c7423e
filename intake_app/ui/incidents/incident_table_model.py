"""The incident list's table: IncidentSummary rows handed in with set_rows(), never fetched in data().

Summaries carry no reporting-party data, so the list cannot show it. Sorting is done in the model on the
raw values (dates sort as dates), so the view just calls sort().
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ...domain.enums import Status
from ...storage.queries import IncidentSummary
from ..common.i18n import QT_TRANSLATE_NOOP, format_datetime
from ..common.rows_model import RowsModel
from ..common.vocabulary import vocabulary_label
from .returned import returned_label

COL_REPORT, COL_STATUS, COL_DISTRICT, COL_BEAT, COL_OCCURRED, COL_ADDRESS, COL_AGENTS, COL_DEMO = range(8)
HEADERS = (QT_TRANSLATE_NOOP("IncidentTableModel", "Report number"), QT_TRANSLATE_NOOP("IncidentTableModel", "Status"),
           QT_TRANSLATE_NOOP("IncidentTableModel", "District"), QT_TRANSLATE_NOOP("IncidentTableModel", "Beat"),
           QT_TRANSLATE_NOOP("IncidentTableModel", "Occurred"), QT_TRANSLATE_NOOP("IncidentTableModel", "Address"),
           QT_TRANSLATE_NOOP("IncidentTableModel", "Agents"), QT_TRANSLATE_NOOP("IncidentTableModel", "Demo"))
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_EPOCH = datetime(1900, 1, 1, tzinfo=UTC)
_DISPLAY, _TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, Qt.ItemDataRole.TextAlignmentRole, ID_ROLE})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Wall-clock times that write widest in every locale's short format: two-digit month, day and hour, both zones.
_WIDE_TIMES = tuple(datetime(2026, month, 28, hour, 58, tzinfo=UTC) for month in (10, 12) for hour in (4, 16))


def _sort_key(row: IncidentSummary, column: int):
    return {
        COL_REPORT: row.report_number,
        COL_STATUS: (row.status.value, row.returned),
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
        self._texts: dict[int, tuple[str, ...]] = {}  # by id() of a row held in self.rows

    def header_texts(self) -> list[str]:
        return [self.tr(h) for h in HEADERS]

    def arrange(self, rows: list[IncidentSummary]) -> None:
        column, order = self._sort
        rows.sort(key=lambda r: _sort_key(r, column), reverse=order == Qt.SortOrder.DescendingOrder)

    def set_rows(self, rows) -> None:
        self._texts.clear()
        super().set_rows(rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):
        # Qt asks for every role of every visible cell, often several times over (to size the columns, then to
        # paint): some 4,600 calls for the first page, most of the time the app took to draw it (start-up speed). So
        # the roles this table never answers are turned away first, and a row's texts are made once.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == _DISPLAY:
            texts = self._texts.get(id(row))
            if texts is None:
                texts = self._texts[id(row)] = tuple(self._text(row, c) for c in range(self.column_count))
            return texts[col]
        if role == ID_ROLE:
            return row.id
        if role == _TOOLTIP:
            return self.tr("Synthetic demo record: not a real incident") if col == COL_DEMO and row.is_demo else None
        return _RIGHT if col in (COL_DISTRICT, COL_AGENTS) else None  # the alignment

    def widest_texts(self, col: int) -> list[str]:
        """What the column can show at its widest: every column holds values of a fixed form, so its width
        is known without reading any row. Empty for the address, which takes the room left."""
        if col == COL_REPORT:
            return ["D888-8888-WWW-88888", self.tr("(not yet numbered)")]
        if col == COL_STATUS:
            return [vocabulary_label(status) for status in Status] + [returned_label()]
        if col == COL_OCCURRED:
            return [format_datetime(moment) for moment in _WIDE_TIMES]
        return {COL_DISTRICT: ["88"], COL_BEAT: ["8888"], COL_AGENTS: ["888"], COL_DEMO: ["DEMO"]}.get(col, [])

    def _text(self, row: IncidentSummary, col: int) -> str:
        if col == COL_REPORT:
            return row.report_number or self.tr("(not yet numbered)")
        if col == COL_STATUS:
            return returned_label() if row.returned else vocabulary_label(row.status)
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
