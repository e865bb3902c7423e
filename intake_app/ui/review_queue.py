"""The reviewer's screen (issue 6): incidents in review and approved ones waiting to be referred or
recorded; approve, return with a required comment, mark referred/recorded. The store checks the role."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import Status
from ..storage.queries import IncidentFilter
from .i18n import format_datetime
from .vocabulary import vocabulary_label


def _review(action: str, *args):
    """A review step, on the database worker: the review module (SQLAlchemy, the store's tables) is imported
    there on first use, not while the window is being built (issue 8)."""
    from ..security import review

    return getattr(review, action)(*args)


def _waiting(store):
    return store.list(IncidentFilter(status=Status.IN_REVIEW)) + store.list(IncidentFilter(status=Status.APPROVED))


class ReviewQueue(QWidget):
    changed = Signal()

    def __init__(self, store, runner, actor, parent=None):
        super().__init__(parent)
        self.store, self.runner, self.actor = store, runner, actor
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Incidents waiting for review"))
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("Comment for the supervisor (required to return)"))
        self.comment.setAccessibleName(self.tr("Return comment"))
        self.comment.setTabChangesFocus(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.return_button = QPushButton(self.tr("&Return with comment"))
        self.close_button = QPushButton(self.tr("Mark referred / re&corded"))
        refresh = QPushButton(self.tr("Re&fresh"))
        self.approve_button.clicked.connect(lambda: self._act("approve"))
        self.return_button.clicked.connect(self._return)
        self.close_button.clicked.connect(lambda: self._act("close_out"))
        refresh.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for b in (self.approve_button, self.return_button, self.close_button, refresh):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.comment)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.runner.run(lambda: _waiting(self.store), self._show)

    def _show(self, summaries) -> None:
        self.items.clear()
        for s in summaries:
            item = QListWidgetItem(self.tr("%1  \u2014  %2  \u2014  district %3").replace("%1", s.report_number)
                                   .replace("%2", vocabulary_label(s.status)).replace("%3", str(s.district)))
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.items.addItem(item)

    def selected_id(self) -> str | None:
        item = self.items.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

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
        store, actor = self.store, self.actor()

        def done(incident) -> None:
            self.message.setText(self.tr("%1 is now %2.").replace("%1", incident.report_number)
                                 .replace("%2", vocabulary_label(incident.status)))
            self.comment.clear()
            self.refresh()
            self.changed.emit()

        self.runner.run(lambda: _review(action, store, ref, actor, *extra), done, lambda exc: self.message.setText(str(exc)))



def review_tab(context) -> QWidget:
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
