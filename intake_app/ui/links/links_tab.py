"""The incident view's "Links" tab: other incidents sharing an agent's badge, name or plate, how strongly,
and Confirm / Reject for a reviewer. Queries and decisions run on the task runner's database pool."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...domain.actor import Actor
from ...domain.matching import AGENT_LINK, CONFIRMED, REJECTED, Match
from ...storage.links.decisions import decide
from ...storage.links.queries import links_for
from ..common.rows_model import lay_out_rows_screen, rows_table
from .links_model import COL_SHARED, LinksModel

if TYPE_CHECKING:
    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner


class LinksTab(QWidget):
    def __init__(self, store: IncidentStore, runner: TaskRunner, incident_id: str, actor: Callable[[], Actor],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._store, self._runner, self._incident_id, self._actor = store, runner, incident_id, actor
        self.model = LinksModel(self)
        self.status = QLabel(self.tr("Looking for links…"))
        self.status.setWordWrap(True)
        self.table = rows_table(self.model, self.tr("Linked incidents"))
        self.table.horizontalHeader().setSectionResizeMode(COL_SHARED, QHeaderView.ResizeMode.Stretch)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Reason (kept with the decision)"))
        self.note.setAccessibleName(self.tr("Reason for the decision"))
        self.confirm_button = QPushButton(self.tr("&Confirm link"))
        self.reject_button = QPushButton(self.tr("&Reject link"))
        self.confirm_button.clicked.connect(lambda: self._decide(CONFIRMED))
        self.reject_button.clicked.connect(lambda: self._decide(REJECTED))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        lay_out_rows_screen(self, self.status, self.table, self.note, self.confirm_button, self.reject_button)
        self._update_buttons()
        self.refresh()

    def refresh(self) -> None:
        store, ref = self._store, self._incident_id
        self._runner.run(lambda: links_for(store, ref), self._show, self._failed, pool="db")

    def _show(self, matches: list[Match]) -> None:
        self.model.set_rows(matches)
        confirmed = sum(m.decision == CONFIRMED for m in matches)
        if not matches:
            self.status.setText(self.tr("No other incident shares a badge, name or vehicle plate with this one."))
        else:
            self.status.setText(self.tr("%1 linked or possibly linked incident(s), %2 confirmed. Select one to "
                                        "confirm or reject the link; both records stay as they are.")
                                .replace("%1", str(len(matches))).replace("%2", str(confirmed)))
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Links could not be loaded or saved: %1").replace("%1", str(exc)))

    def selected(self) -> Match | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.match_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        m = self.selected()
        self.confirm_button.setEnabled(m is not None and m.decision != CONFIRMED)
        self.reject_button.setEnabled(m is not None)

    def _decide(self, decision: str) -> None:
        m = self.selected()
        if m is None:
            return
        store, me, other, note, actor = self._store, self._incident_id, m.other.id, self.note.text().strip(), self._actor()
        kind = m.kind if m.kind else AGENT_LINK
        self.confirm_button.setEnabled(False)
        self.reject_button.setEnabled(False)

        def done(_decision) -> None:
            self.note.clear()
            self.refresh()

        self._runner.run(lambda: decide(store, me, other, kind, decision, actor, note), done, self._failed, pool="db")
