"""The "Incidents" screen: filters, a debounced full-text search box and the sortable table.

Queries run through the task runner (database pool); only the newest answer is shown, so a slow search
never overwrites a later one. Double-click or Enter opens the incident (signal `open_requested(id)`).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Status
from ...domain.geography import DISTRICTS
from ...storage.queries import IncidentFilter, IncidentSummary
from ..common.flow_layout import FlowLayout, labelled
from ..common.i18n import date_input_format
from ..common.vocabulary import vocabulary_label
from ..shell.startup import StoreHandle, store_handle
from .incident_table_model import COL_ADDRESS, COL_OCCURRED, ID_ROLE, IncidentTableModel

if TYPE_CHECKING:
    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner

CHICAGO = ZoneInfo("America/Chicago")
SEARCH_DELAY_MS = 300


class IncidentTable(QTableView):
    """The list's table. The address, the column a supervisor reads first, takes the room the others leave;
    in a narrow window (200% text on a small screen) that was a few letters, so below ADDRESS_CHARS average
    characters it stops stretching and the table scrolls sideways instead."""
    activated_row = Signal(int)
    ADDRESS_CHARS = 28

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_address()

    def fit_address(self) -> None:
        header = self.horizontalHeader()
        if header.count() <= COL_ADDRESS:
            return
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != COL_ADDRESS and not header.isSectionHidden(c))
        least = self.ADDRESS_CHARS * self.fontMetrics().averageCharWidth()
        if self.viewport().width() - others >= least:
            header.setSectionResizeMode(COL_ADDRESS, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(COL_ADDRESS, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(COL_ADDRESS, least)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class IncidentListScreen(QWidget):
    open_requested = Signal(str)
    loaded = Signal(int)  # number of rows shown

    def __init__(self, store: IncidentStore | StoreHandle, runner: TaskRunner, parent: QWidget | None = None):
        """Built with the first window, maybe before its store is open: the store is asked for on the worker."""
        super().__init__(parent)
        self._store, self._runner = store_handle(store), runner
        self._generation = 0

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Report number, narrative, address, agent name, badge, plate…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search incidents"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.addItem(self.tr("Any status"), None)
        for s in Status:
            self.status.addItem(vocabulary_label(s), s)
        self.district = QComboBox()
        self.district.setAccessibleName(self.tr("District filter"))
        self.district.addItem(self.tr("Any district"), None)
        for d in DISTRICTS:
            self.district.addItem(str(d), d)
        self.use_dates = QCheckBox(self.tr("&Between"))
        self.use_dates.setAccessibleName(self.tr("Filter by date"))
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit, name in ((self.date_from, self.tr("From date")), (self.date_to, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_input_format())  # the locale's, as the list writes dates
            edit.setEnabled(False)
            edit.setAccessibleName(name)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)

        self.model = IncidentTableModel(self)
        self.table = IncidentTable()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_OCCURRED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(COL_ADDRESS, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        self.table.setAccessibleName(self.tr("Incidents"))
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.activated_row.connect(self._open_row)
        self.message = QLabel()
        self.message.setWordWrap(True)

        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        status_label = QLabel(self.tr("S&tatus:"))
        status_label.setBuddy(self.status)
        district_label = QLabel(self.tr("Distri&ct:"))
        district_label.setBuddy(self.district)
        and_label = QLabel(self.tr("and"))
        # The search box has a line of its own; the filters wrap onto more lines in a narrow window
        # (200% text on a 1366x768 screen) instead of widening the window beyond the screen.
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        dates = QWidget()
        dates_row = QHBoxLayout(dates)
        dates_row.setContentsMargins(0, 0, 0, 0)
        for w in (self.use_dates, self.date_from, and_label, self.date_to):
            dates_row.addWidget(w)
        filters = FlowLayout()
        for shown in (labelled(status_label, self.status), labelled(district_label, self.district), dates):
            filters.addWidget(shown)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for signal in (self.status.currentIndexChanged, self.district.currentIndexChanged,
                       self.use_dates.toggled, self.date_from.dateChanged, self.date_to.dateChanged):
            signal.connect(lambda *_a: self.refresh())

    def _fit_columns(self) -> None:
        """Each column as wide as the widest value of its form (IncidentTableModel.widest_texts) or its header,
        whichever is wider; the address takes the rest, and the user may widen any. Not measured from the rows:
        Qt then asked the model about every visible cell four times over before the first page showed
        (4,000 calls; start-up speed), and the columns changed width with the rows on screen."""
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        margin = 2 * metrics.averageCharWidth()  # the cell's own margins, with room to spare
        for col in range(self.model.columnCount()):
            texts = self.model.widest_texts(col)
            if texts:
                content = max(metrics.horizontalAdvance(text) for text in texts) + margin
                self.table.setColumnWidth(col, max(content, header.sectionSizeHint(col)))

    def current_filter(self) -> IncidentFilter:
        since = until = None
        if self.use_dates.isChecked():  # a QDate's toPython() is a date (PySide6's stubs say object)
            since = datetime.combine(cast(date, self.date_from.date().toPython()), time.min, CHICAGO)
            until = datetime.combine(cast(date, self.date_to.date().toPython()), time.max, CHICAGO)
        return IncidentFilter(text=self.search.text().strip(), status=self.status.currentData(),
                              district=self.district.currentData(), occurred_from=since, occurred_to=until)

    def refresh(self) -> None:
        self._debounce.stop()
        self._generation += 1
        generation, flt, handle = self._generation, self.current_filter(), self._store
        self._runner.run(lambda: handle.store.list(flt), lambda rows: self._show(generation, rows), self._failed)

    def show_rows(self, rows: list[IncidentSummary]) -> None:
        """Rows already read for the current filter (the start-up's first page)."""
        self._show(self._generation, rows)

    def _show(self, generation: int, rows) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        self.model.set_rows(rows)
        if rows:
            self.message.setText("")
        elif self._filtered():
            self.message.setText(self.tr("No incident matches."))
        else:  # an empty store: say what to do first
            self.message.setText(self.tr("No incident on this computer yet. Use File > New incident (Ctrl+N) "
                                         "to enter the first one."))
        self.loaded.emit(len(rows))

    def _filtered(self) -> bool:
        flt = self.current_filter()
        return bool(flt.text.strip() or flt.status is not None or flt.district is not None
                    or flt.occurred_from is not None or flt.occurred_to is not None)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(self.tr("The list could not be loaded: %1").replace("%1", str(exc)))

    def _open_row(self, row: int) -> None:
        self.open_requested.emit(self.model.index(row, 0).data(ID_ROLE))

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.sibling(index.row(), 0).data(ID_ROLE) if index.isValid() else None
