"""The Touhy requests of a referred incident (federal evidence asked for under 28 CFR 16.21 ff.): the requests sent,
each with its status, which the reviewer changes when the agency answers, and a form to add one. Each change is a
new version of the record (reports/felony_review.py: checked by the one validator, audited, synced); a refused
change says why in the dialog, naming the field, and changes nothing."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...domain.enums import Agency, TouhyStatus
from ...reports.felony_review import add_touhy_request, set_touhy_status
from ..common.domain_text import problem_line
from ..common.vocabulary import vocabulary_label
from ..incidents.incident_tabs import IncidentContext


class TouhyDialog(QDialog):
    def __init__(self, ctx: IncidentContext):
        super().__init__(ctx.parent)
        self.ctx = ctx
        self.setWindowTitle(QCoreApplication.translate("TouhyRequests", "Touhy requests"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("TouhyRequests", "Agency"),
            QCoreApplication.translate("TouhyRequests", "Evidence requested"),
            QCoreApplication.translate("TouhyRequests", "Sent"), QCoreApplication.translate("TouhyRequests", "Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(QCoreApplication.translate("TouhyRequests", "Touhy requests sent"))
        self.table.itemSelectionChanged.connect(self._selected)
        requests_label = QLabel(QCoreApplication.translate("TouhyRequests", "&Requests sent:"))
        requests_label.setBuddy(self.table)

        self.status = QComboBox()
        for s in TouhyStatus:
            self.status.addItem(vocabulary_label(s), s)
        self.status.setAccessibleName(QCoreApplication.translate("TouhyRequests", "Status of the selected request"))
        status_label = QLabel(QCoreApplication.translate("TouhyRequests", "&Status:"))
        status_label.setBuddy(self.status)
        self.set_status = QPushButton(QCoreApplication.translate("TouhyRequests", "Set s&tatus"))
        self.set_status.clicked.connect(self._set_status)
        status_row = QHBoxLayout()
        status_row.addWidget(status_label)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.set_status)

        self.agency = QComboBox()
        for a in Agency:
            self.agency.addItem(vocabulary_label(a), a)
        self.agency_name = QLineEdit()
        self.agency_name.setPlaceholderText(QCoreApplication.translate("TouhyRequests", "for another federal agency, e.g. DOJ"))
        self.what = QLineEdit()
        self.what.setPlaceholderText(QCoreApplication.translate("TouhyRequests", "e.g. the agents' body camera video"))
        self.sent_on = QDateEdit(QDate.currentDate())
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("yyyy-MM-dd")
        self.add = QPushButton(QCoreApplication.translate("TouhyRequests", "&Add request"))
        self.add.clicked.connect(self._add)
        new = QGroupBox(QCoreApplication.translate("TouhyRequests", "New request"))
        form = QFormLayout(new)
        for text, field, name in (
                (QCoreApplication.translate("TouhyRequests", "A&gency:"), self.agency,
                 QCoreApplication.translate("TouhyRequests", "Agency")),
                (QCoreApplication.translate("TouhyRequests", "Agency &name:"), self.agency_name,
                 QCoreApplication.translate("TouhyRequests", "Agency name")),
                (QCoreApplication.translate("TouhyRequests", "&Evidence requested:"), self.what,
                 QCoreApplication.translate("TouhyRequests", "Evidence requested")),
                (QCoreApplication.translate("TouhyRequests", "Sent &on:"), self.sent_on,
                 QCoreApplication.translate("TouhyRequests", "Date sent"))):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(name)
            form.addRow(label, field)
        form.addRow(self.add)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(QCoreApplication.translate("TouhyRequests", "Message"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(requests_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(status_row)
        layout.addWidget(new)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 460)
        self._fill()

    def _requests(self):
        return self.ctx.incident.felony_review.touhy_requests

    def _fill(self, select: int | None = None) -> None:
        requests = self._requests()
        self.table.setRowCount(len(requests))
        for row, t in enumerate(requests):
            if t.agency == Agency.OTHER_FEDERAL and t.agency_name:
                agency = f"{vocabulary_label(t.agency)}: {t.agency_name}"
            else:
                agency = vocabulary_label(t.agency)
            for col, text in enumerate((agency, t.what, t.sent_on.isoformat() if t.sent_on else "-",
                                        vocabulary_label(t.status))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if requests:
            self.table.selectRow(len(requests) - 1 if select is None else select)
        self._selected()

    def _row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selected(self) -> None:
        row = self._row()
        for w in (self.status, self.set_status):
            w.setEnabled(row is not None)
        if row is not None:
            self.status.setCurrentIndex(self.status.findData(self._requests()[row].status))

    def _run(self, work, done_text: str, select) -> None:
        def done(inc) -> None:
            self.ctx.incident = inc
            self._fill(select(inc))
            self.message.setText(done_text)

        def failed(exc: BaseException) -> None:
            problems = getattr(exc, "problems", None)
            why = "\n".join(problem_line(p) for p in problems) if problems else str(exc)
            self.message.setText(QCoreApplication.translate("TouhyRequests", "Not recorded: %1").replace("%1", why))

        self.ctx.runner.run(work, done, failed)

    def _add(self) -> None:
        store, ref, actor = self.ctx.store, self.ctx.incident.id, self.ctx.actor()
        agency, agency_name, what = Agency(self.agency.currentData()), self.agency_name.text(), self.what.text()
        # PySide6's stubs type toPython() as object; a QDate's is a datetime.date.
        sent_on = cast(date, self.sent_on.date().toPython())

        def added(inc):
            self.what.clear()
            self.agency_name.clear()
            return len(inc.felony_review.touhy_requests) - 1

        self._run(lambda: add_touhy_request(store, ref, actor, agency=agency, what=what, sent_on=sent_on,
                                            agency_name=agency_name), QCoreApplication.translate("TouhyRequests", "Touhy request recorded."), added)

    def _set_status(self) -> None:
        row = self._row()
        if row is None:
            return
        store, ref, actor = self.ctx.store, self.ctx.incident.id, self.ctx.actor()
        request_id, status = self._requests()[row].id, TouhyStatus(self.status.currentData())
        self._run(lambda: set_touhy_status(store, ref, actor, request_id, status), QCoreApplication.translate("TouhyRequests", "Status recorded."),
                  lambda _inc: row)
