"""Table model of an incident's links: rows handed in by the tab, never fetched in data()."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...domain.identifiers import BADGE, PLATE
from ...domain.matching import CONFIRMED, SAME_EVENT, Match, Shared
from ..common.i18n import format_datetime
from ..common.rows_model import RowsModel

COL_REPORT, COL_DISTRICT, COL_DATE, COL_STRENGTH, COL_KIND, COL_STATUS, COL_SHARED = range(7)


def headers() -> tuple[str, ...]:
    return (QCoreApplication.translate("Links", "Report number"), QCoreApplication.translate("Links", "District"), QCoreApplication.translate("Links", "Occurred"), QCoreApplication.translate("Links", "Strength"), QCoreApplication.translate("Links", "Link"), QCoreApplication.translate("Links", "Status"),
            QCoreApplication.translate("Links", "Shared"))


def strength_text(m: Match) -> str:
    word = {"strong": QCoreApplication.translate("Links", "strong"), "medium": QCoreApplication.translate("Links", "medium"), "weak": QCoreApplication.translate("Links", "weak")}[m.strength]
    return f"{word} ({m.score:.2f})"


def kind_text(kind: str) -> str:
    return QCoreApplication.translate("Links", "same event") if kind == SAME_EVENT else QCoreApplication.translate("Links", "same agent or vehicle")


def shared_text(s: Shared) -> str:
    label = {PLATE: QCoreApplication.translate("Links", "plate"), BADGE: QCoreApplication.translate("Links", "badge")}.get(s.kind, QCoreApplication.translate("Links", "name"))
    if s.here == s.there:
        return f"{label} {s.there}"
    return QCoreApplication.translate("Links", "%1 %2 (this report: %3)").replace("%1", label).replace("%2", s.there).replace("%3", s.here)


def reasons_text(m: Match) -> list[str]:
    said = [shared_text(s) for s in m.shared]
    if m.distance_m is not None and m.minutes_apart is not None:
        said.append(QCoreApplication.translate("Links", "%1 m and %2 min apart").replace("%1", f"{m.distance_m:.0f}")
                    .replace("%2", f"{m.minutes_apart:.0f}"))
    return said


class LinksModel(RowsModel):
    rows: list[Match]
    column_count = COL_SHARED + 1

    def header_texts(self) -> tuple[str, ...]:
        return headers()

    def match_at(self, row: int) -> Match | None:
        """Not named `match`: that is QAbstractItemModel.match, which the views call (keyboard search)."""
        return self.row_at(row)

    def data(self, index, role=Qt.DisplayRole):
        m = self.match_at(index.row())
        if m is None:
            return None
        if role == Qt.DisplayRole:
            return self._text(m, index.column())
        if role == Qt.ToolTipRole and index.column() == COL_SHARED:
            return "\n".join(reasons_text(m))
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
            return format_datetime(o.occurred_at) if o.occurred_at else ""
        if col == COL_STRENGTH:
            return strength_text(m)
        if col == COL_KIND:
            return kind_text(m.kind)
        if col == COL_STATUS:
            return QCoreApplication.translate("Links", "confirmed") if m.decision == CONFIRMED else QCoreApplication.translate("Links", "suggested")
        return "; ".join(reasons_text(m))
