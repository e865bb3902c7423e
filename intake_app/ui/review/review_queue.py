"""The reviewer's screen (review and station security): incidents in review and approved ones waiting to be referred or
recorded; approve, return with a required comment, mark referred/recorded. The store checks the role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Status
from ...security.privacy import masked
from ...storage.queries import IncidentFilter
from ..common.i18n import QT_TRANSLATE_NOOP, format_datetime
from ..common.vocabulary import vocabulary_label
from ..shell.startup import StoreHandle, store_handle

if TYPE_CHECKING:
    from ...domain.records import Incident
    from ...security.session import Session
    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner
    from ..incidents.incident_tabs import IncidentContext
    from .approve_dialog import ApproveDialog


def _review(action: str, *args):
    """A review step, on the database worker."""
    from ...security import review

    return getattr(review, action)(*args)


@dataclass(frozen=True)
class InboxRow:
    """One record waiting for the reviewer, as the inbox lists it."""

    id: str
    report_number: str
    status: Status
    submitted_by: str
    submitted_at: datetime | None
    felony: bool
    district: int | None


def _submission(incident):
    """(who, when) of the last submission for review, or the record's supervisor and update time."""
    for change in reversed(incident.history):
        if change.to_status == Status.IN_REVIEW:
            return change.by_name, change.at
    return incident.supervisor.name, incident.updated_at


def _waiting(store: IncidentStore) -> list[InboxRow]:
    """In review first (oldest submission first: it has waited longest), then approved ones to refer."""
    from ...domain.workflow import has_felony

    rows = []
    for status in (Status.IN_REVIEW, Status.APPROVED):
        found = []
        for summary in store.list(IncidentFilter(status=status)):
            incident = store.get(summary.id)
            who, when = _submission(incident)
            found.append(InboxRow(incident.id, incident.report_number, incident.status, who, when,
                                  has_felony(incident), incident.district))
        rows += sorted(found, key=lambda r: r.submitted_at or datetime.max.replace(tzinfo=UTC))
    return rows


def age_text(since: datetime | None, now: datetime) -> str:
    """How long a record has waited, in the largest whole unit: "3 h", "2 d"."""
    if since is None:
        return ""
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("ReviewQueue", "%1 min").replace("%1", str(minutes))
    if minutes < 48 * 60:
        return QCoreApplication.translate("ReviewQueue", "%1 h").replace("%1", str(minutes // 60))
    return QCoreApplication.translate("ReviewQueue", "%1 d").replace("%1", str(minutes // (24 * 60)))


HEADERS = (QT_TRANSLATE_NOOP("ReviewQueue", "Report"), QT_TRANSLATE_NOOP("ReviewQueue", "Status"),
           QT_TRANSLATE_NOOP("ReviewQueue", "Submitted by"), QT_TRANSLATE_NOOP("ReviewQueue", "Submitted"),
           QT_TRANSLATE_NOOP("ReviewQueue", "Waiting"), QT_TRANSLATE_NOOP("ReviewQueue", "Felony"))


class ReviewQueue(QWidget):
    """The reviewer's inbox: who submitted what and when, felony or not, how long it has waited; the selected
    record's summary beside the buttons. The buttons act only on a row that is visibly selected; Approve is a
    confirm-and-sign step (ApproveDialog)."""

    changed = Signal()
    count_changed = Signal(int)  # records waiting for review (in review only), for the tab's title

    def __init__(self, store: IncidentStore | StoreHandle, runner: TaskRunner, session: Session,
                 parent: QWidget | None = None):
        """Built with a reviewer's first window, maybe before its store is open: the list is asked for on the
        worker; a record is shown, and acted on, once the worker has answered (the store is open)."""
        super().__init__(parent)
        self.store_handle, self.runner, self.session = store_handle(store), runner, session
        self.rows: list[InboxRow] = []
        self.selected: Incident | None = None
        self.items = QTableWidget(0, len(HEADERS))
        self.items.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.setTabKeyNavigation(False)
        self.items.verticalHeader().setVisible(False)
        self.items.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.setAccessibleName(self.tr("Incidents waiting for review"))
        self.items.itemSelectionChanged.connect(self._selection_changed)
        items_label = QLabel(self.tr("Waitin&g for you:"))
        items_label.setBuddy(self.items)
        self.empty = QLabel(self.tr("Nothing is waiting for review. Records that supervisors submit appear here."))
        self.empty.setWordWrap(True)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setTabChangesFocus(True)
        self.summary.setAccessibleName(self.tr("Selected record"))
        self.summary.setPlaceholderText(self.tr("Select a record to read it here."))
        summary_label = QLabel(self.tr("Record:"))
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("Comment for the supervisor (required to return)"))
        self.comment.setAccessibleName(self.tr("Return comment"))
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(90)
        comment_label = QLabel(self.tr("C&omment to the supervisor:"))
        comment_label.setBuddy(self.comment)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("&Approve and sign…"))
        self.return_button = QPushButton(self.tr("&Return with comment"))
        self.close_button = QPushButton(self.tr("Mark referred / re&corded"))
        refresh = QPushButton(self.tr("Refresh &now"))
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self._return)
        self.close_button.clicked.connect(lambda: self._act("close_out"))
        refresh.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for b in (self.approve_button, self.return_button, self.close_button, refresh):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(items_label)
        left.addWidget(self.items, 1)
        left.addWidget(self.empty)
        right = QVBoxLayout()
        right.addWidget(summary_label)
        right.addWidget(self.summary, 1)
        right.addWidget(comment_label)
        right.addWidget(self.comment)
        right.addLayout(buttons)
        right.addWidget(self.message)
        split = QHBoxLayout(self)
        split.addLayout(left, 1)
        split.addLayout(right, 1)
        self._enable()

    @property
    def store(self) -> IncidentStore:
        return self.store_handle.store

    # ------------------------------------------------------------------ the list
    def refresh(self) -> None:
        handle = self.store_handle
        self.runner.run(lambda: _waiting(handle.store), self._show)

    def _show(self, rows: list[InboxRow]) -> None:
        keep = self.selected_id()
        self.rows = rows
        now = datetime.now(UTC)
        self.items.blockSignals(True)
        self.items.clearSelection()
        self.items.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (row.report_number, vocabulary_label(row.status), row.submitted_by,
                      format_datetime(row.submitted_at), age_text(row.submitted_at, now),
                      self.tr("Felony") if row.felony else self.tr("No"))
            for c, text in enumerate(values):
                self.items.setItem(r, c, QTableWidgetItem(text))
        self.items.blockSignals(False)
        self.empty.setVisible(not rows)
        self.count_changed.emit(sum(1 for row in rows if row.status == Status.IN_REVIEW))
        again = next((r for r, row in enumerate(rows) if row.id == keep), None)
        if again is not None:
            self.items.selectRow(again)
        else:
            self._selection_changed()

    def selected_id(self) -> str | None:
        """The visibly selected row's record; None when no row is highlighted (Qt's current row alone, with
        no highlight, does not count)."""
        chosen = self.items.selectionModel().selectedRows() if self.items.selectionModel() else []
        if not chosen or not 0 <= chosen[0].row() < len(self.rows):
            return None
        return self.rows[chosen[0].row()].id

    def _selection_changed(self) -> None:
        ref = self.selected_id()
        self.selected = None
        self.summary.clear()
        self._enable()
        if ref is not None:
            handle = self.store_handle
            self.runner.run(lambda: handle.store.get(ref), self._show_record, lambda exc: self.message.setText(str(exc)))

    def _show_record(self, incident: Incident) -> None:
        from ...domain.summary import summary_lines
        from ..common.summary_words import summary_words

        if incident.id != self.selected_id():
            return  # the selection moved on while the record was read
        self.selected = incident
        shown = incident if self.session.may_read_party(incident) else masked(incident)
        self.summary.setPlainText("\n".join(summary_lines(shown, catalogue=self.store.catalogue,
                                                          words=summary_words())))
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected
        self.approve_button.setEnabled(chosen is not None and chosen.status == Status.IN_REVIEW)
        self.return_button.setEnabled(chosen is not None and chosen.status == Status.IN_REVIEW)
        self.close_button.setEnabled(chosen is not None and chosen.status == Status.APPROVED)

    # ------------------------------------------------------------------ actions
    def approve(self) -> ApproveDialog | None:
        from .approve_dialog import ApproveDialog

        if self.selected is None or self.selected_id() != self.selected.id:
            self.message.setText(self.tr("Select an incident first."))
            return None
        dialog = ApproveDialog(self.store, self.runner, self.selected, self.session.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._done(dialog.approved))
        self.approve_dialog = dialog
        dialog.open()
        return dialog

    def _return(self) -> None:
        comment = self.comment.toPlainText()
        if not comment.strip():
            self.message.setText(self.tr("Write a comment for the supervisor before returning."))
            self.comment.setFocus()
            return
        self._act("return_for_changes", comment)

    def _act(self, action: str, *extra) -> None:
        ref = self.selected_id()
        if ref is None:
            self.message.setText(self.tr("Select an incident first."))
            return
        handle, actor = self.store_handle, self.session.actor
        self.runner.run(lambda: _review(action, handle.store, ref, actor, *extra), self._done,
                        lambda exc: self.message.setText(str(exc)))

    def _done(self, incident) -> None:
        if incident is None:
            return
        self.message.setText(self.tr("%1 is now %2.").replace("%1", incident.report_number)
                             .replace("%2", vocabulary_label(incident.status)))
        self.comment.clear()
        self.refresh()
        self.changed.emit()


def review_tab(context: IncidentContext) -> QWidget:
    """Incident tab: every step with who, when and the reviewer's comment (so the supervisor sees a return)."""
    inc = context.incident
    lines = []
    for change in inc.history:
        line = QCoreApplication.translate("ReviewQueue", "%1: %2 \u2192 %3 by %4 (star %5)") \
            .replace("%1", format_datetime(change.at)).replace("%2", vocabulary_label(change.from_status)).replace("%3", vocabulary_label(change.to_status)) \
            .replace("%4", change.by_name).replace("%5", change.by_star)
        if change.comment:
            line += "\n    " + QCoreApplication.translate("ReviewQueue", "Comment: %1").replace("%1", change.comment)
        lines.append(line)
    text = QPlainTextEdit("\n".join(lines) or QCoreApplication.translate("ReviewQueue", "No status changes yet."))
    text.setReadOnly(True)
    text.setObjectName("review_history")
    text.setAccessibleName(QCoreApplication.translate("ReviewQueue", "Review history"))
    return text
