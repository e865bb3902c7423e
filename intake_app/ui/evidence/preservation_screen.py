"""The "Preservation alerts" screen: body-worn and in-car footage not yet confirmed preserved, soonest
deadline first, with Mark requested / Mark preserved (with the evidence-management id)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...domain.actor import Actor
from ...domain.enums import FootageKind, Preservation
from ...storage.preservation_queries import alert_page, mark_preservation
from ...storage.queries import FIRST_ALERTS, AlertPage, PreservationAlert
from ..common.i18n import QT_TRANSLATE_NOOP, format_datetime
from ..common.rows_model import RowsModel, lay_out_rows_screen, rows_table
from ..common.vocabulary import vocabulary_label
from ..shell.startup import StoreHandle, store_handle

if TYPE_CHECKING:
    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner

HEADERS = (QT_TRANSLATE_NOOP("PreservationScreen", "Deadline"), QT_TRANSLATE_NOOP("PreservationScreen", "Days left"),
           QT_TRANSLATE_NOOP("PreservationScreen", "Report number"), QT_TRANSLATE_NOOP("PreservationScreen", "Camera"),
           QT_TRANSLATE_NOOP("PreservationScreen", "Device"), QT_TRANSLATE_NOOP("PreservationScreen", "Officer star"),
           QT_TRANSLATE_NOOP("PreservationScreen", "Status"), QT_TRANSLATE_NOOP("PreservationScreen", "Evidence ID"),
           # What the hold request finds the footage by, and what the deadline means (50 ILCS 706/10-20).
           QT_TRANSLATE_NOOP("PreservationScreen", "RD number"), QT_TRANSLATE_NOOP("PreservationScreen", "OEMC event"),
           QT_TRANSLATE_NOOP("PreservationScreen", "Deadline is"))

URGENT_DAYS = 14


class PreservationModel(RowsModel):
    rows: list[PreservationAlert]
    column_count = len(HEADERS)

    def __init__(self, parent=None, clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        super().__init__(parent)
        self.clock = clock

    def header_texts(self) -> list[str]:
        return [QCoreApplication.translate("PreservationScreen", h) for h in HEADERS]

    @staticmethod
    def _meaning(a: PreservationAlert) -> str:
        if a.flagged:
            return QCoreApplication.translate("PreservationScreen", "kept until (flagged)")
        if a.kind in (FootageKind.BODY_WORN, FootageKind.IN_CAR):
            return QCoreApplication.translate("PreservationScreen", "the date to flag by (else purged)")
        return QCoreApplication.translate("PreservationScreen", "purged after")

    def _days(self, a: PreservationAlert) -> int | None:
        return a.days_left(self.clock())

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        days = self._days(a)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 1:
                if days is None and a.kind == FootageKind.PRIVATE:
                    return QCoreApplication.translate("PreservationScreen", "owner may overwrite it any day")
                if days is None:
                    return QCoreApplication.translate("PreservationScreen", "unknown start")
                if days < 0:
                    # Whole days past the deadline (5 days and an hour is 5, where -days_left would say 6).
                    past = (self.clock() - a.deadline).days
                    return QCoreApplication.translate("PreservationScreen", "%1 days OVERDUE").replace("%1", str(past))
                return QCoreApplication.translate("PreservationScreen", "%1 days").replace("%1", str(days))
            return (
                format_datetime(a.deadline) if a.deadline else "—",
                None, a.report_number, vocabulary_label(a.kind), a.device_id, a.officer_star, vocabulary_label(a.status),
                a.evidence_id, a.cpd_rd_number, a.oemc_event_number, self._meaning(a),
            )[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and a.kind == FootageKind.PRIVATE:
            return QBrush(QColor("#fff3cd"))  # urgent: no deadline of ours protects it
        if role == Qt.ItemDataRole.ForegroundRole and a.kind == FootageKind.PRIVATE:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.BackgroundRole and days is not None and days < URGENT_DAYS:
            return QBrush(QColor("#f8d7da") if days < 0 else QColor("#fff3cd"))
        if role == Qt.ItemDataRole.ForegroundRole and days is not None and days < URGENT_DAYS:
            return QBrush(QColor("#000000"))
        return None


class PreservationScreen(QWidget):
    def __init__(self, store: IncidentStore | StoreHandle, runner: TaskRunner, actor: Callable[[], Actor],
                 parent: QWidget | None = None):
        """Its tab is in the first window: opened at once, it may be built before the store is open."""
        super().__init__(parent)
        self._store, self._runner, self._actor = store_handle(store), runner, actor
        self.model = PreservationModel(self)
        self.status = QLabel(self.tr("Loading…"))
        self.status.setWordWrap(True)
        self.table = rows_table(self.model, self.tr("Footage awaiting preservation"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.evidence_id = QLineEdit()
        self.evidence_id.setPlaceholderText(self.tr("Evidence-management ID (e.g. Evidence.com), needed for Preserved"))
        self.evidence_id.setAccessibleName(self.tr("Evidence-management ID"))
        self.requested_button = QPushButton(self.tr("Mark &requested"))
        self.preserved_button = QPushButton(self.tr("Mark &preserved"))
        self.refresh_button = QPushButton(self.tr("Refresh &now"))
        self.more_button = QPushButton(self.tr("Show &more"))
        self.more_button.setToolTip(self.tr("List the next items by deadline"))
        self.more_button.hide()
        self.requested_button.clicked.connect(lambda: self._mark(Preservation.REQUESTED))
        self.preserved_button.clicked.connect(lambda: self._mark(Preservation.PRESERVED))
        self.refresh_button.clicked.connect(self.refresh)
        self.more_button.clicked.connect(self.show_more)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        lay_out_rows_screen(self, self.status, self.table, self.evidence_id,
                            self.requested_button, self.preserved_button, self.more_button, self.refresh_button)
        self._selection_changed()
        # Start-up speed: nothing is read before the screen is shown, so the incident list has the
        # database to itself at start-up.
        self.page_size, self._pages = FIRST_ALERTS, 1  # the soonest deadlines; "Show more" lists another page

    def selected(self) -> PreservationAlert | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selection_changed(self, *_args) -> None:
        alert = self.selected()
        self.requested_button.setEnabled(alert is not None and alert.status == Preservation.NOT_REQUESTED)
        self.preserved_button.setEnabled(alert is not None)
        if alert is not None:
            self.evidence_id.setText(alert.evidence_id)

    def refresh(self) -> None:
        handle, limit = self._store, self.page_size * self._pages
        def page() -> AlertPage:
            return alert_page(handle.store, limit=limit)

        self._runner.run(page, self._loaded, self._failed)

    def show_more(self) -> None:
        self._pages += 1
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Read again each time the screen is shown (a few milliseconds, off the GUI thread): records saved,
        # synced or marked elsewhere and a retention changed in Settings show without pressing Refresh.
        self.refresh()

    def _loaded(self, page: AlertPage) -> None:
        self.model.set_rows(page.alerts)
        self._selection_changed()
        listed_all = len(page.alerts) >= page.total
        self.more_button.setVisible(not listed_all)
        if not page.total:
            self.status.setText(self.tr("All body-worn and in-car footage is confirmed preserved."))
            return
        # The counts cover every item, not only the ones listed (the query counts them all).
        # "Footage...: 1" reads right for one item and for many, in both languages, without plural forms.
        text = self.tr("Footage not yet confirmed preserved: %1, soonest deadline first.")
        if page.overdue:
            text = self.tr("Footage not yet confirmed preserved: %1, soonest deadline first; past the "
                           "deadline: %2.").replace("%2", str(page.overdue))
        text = text.replace("%1", str(page.total))
        if not listed_all:
            text += " " + self.tr("Listed: the %1 soonest.").replace("%1", str(len(page.alerts)))
        self.status.setText(text)

    def _mark(self, status: Preservation) -> None:
        alert = self.selected()
        if alert is None:
            return
        handle, actor, evidence = self._store, self._actor(), self.evidence_id.text().strip()
        def mark():
            return mark_preservation(handle.store, alert.incident_id, alert.footage_id, status, actor, evidence_id=evidence)

        self._runner.run(mark, lambda _saved: self.refresh(), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Not done: %1").replace("%1", str(exc)))
