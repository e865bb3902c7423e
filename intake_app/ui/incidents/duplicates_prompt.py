"""After a save: "This may be the same event as D009-…: Link as one event / Dismiss".

Nothing is merged: linking records that both reports describe one event; each keeps its own history.
The search and each decision run on the task runner's database pool.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...domain.actor import Actor
from ...domain.matching import CONFIRMED, DISMISSED, SAME_EVENT, Match
from ...domain.records import Incident
from ...storage.links.decisions import decide
from ...storage.links.queries import duplicate_candidates
from ...storage.links.settings import duplicate_rules
from ..common.i18n import format_datetime
from ..links.links_model import reasons_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner


def sentence(m: Match) -> str:
    o = m.other
    when = format_datetime(o.occurred_at) if o.occurred_at else "?"
    why = escape("; ".join(reasons_text(m)))  # typed plates and names are text, not markup
    return (QCoreApplication.translate("DuplicatesPrompt", "This may be the same event as %1 (district %2, %3): %4.")
            .replace("%1", f"<b>{escape(o.report_number or o.id)}</b>").replace("%2", str(o.district or "?"))
            .replace("%3", escape(when)).replace("%4", why))


class CandidateRow(QFrame):
    decided = Signal(str)  # the decision taken

    def __init__(self, match: Match, parent=None):
        super().__init__(parent)
        self.match = match
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(sentence(match))
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.link_button = QPushButton(self.tr("&Link as one event"))
        self.dismiss_button = QPushButton(self.tr("&Dismiss"))
        self.link_button.clicked.connect(lambda: self.decided.emit(CONFIRMED))
        self.dismiss_button.clicked.connect(lambda: self.decided.emit(DISMISSED))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.link_button)
        layout.addWidget(self.dismiss_button)

    def show_outcome(self, decision: str) -> None:
        self.link_button.setEnabled(False)
        self.dismiss_button.setEnabled(False)
        outcome = (self.tr("Linked as one event.") if decision == CONFIRMED
                   else self.tr("Dismissed; it will not be offered again."))
        self.text.setText(f"{sentence(self.match)} <i>{escape(outcome)}</i>")


class DuplicatesPrompt(QDialog):
    def __init__(self, store: IncidentStore, runner: TaskRunner, incident: Incident, matches: list[Match],
                 actor: Callable[[], Actor], parent: QWidget | None = None):
        super().__init__(parent)
        self._store, self._runner, self._incident, self._actor = store, runner, incident, actor
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.rows: list[CandidateRow] = []
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("%1 was saved. Other reports look close to it. Linking keeps both records, "
                               "each with its own history.").replace("%1", incident.report_number or "—"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for m in matches:
            row = CandidateRow(m)
            row.decided.connect(lambda decision, row=row: self._decide(row, decision))
            self.rows.append(row)
            layout.addWidget(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(720, self.sizeHint().height())

    def _decide(self, row: CandidateRow, decision: str) -> None:
        store, me, other, actor = self._store, self._incident.id, row.match.other.id, self._actor()
        row.link_button.setEnabled(False)
        row.dismiss_button.setEnabled(False)
        self._runner.run(lambda: decide(store, me, other, SAME_EVENT, decision, actor),
                         lambda _d: row.show_outcome(decision), lambda exc: row.text.setText(self.tr("Not recorded: %1").replace("%1", escape(str(exc)))),
                         pool="db")


def offer_duplicates(parent: QWidget, store: IncidentStore, runner: TaskRunner, incident: Incident,
                     actor: Callable[[], Actor],
                     shown: Callable[[DuplicatesPrompt], None] | None = None, skip: set[str] | None = None) -> None:
    """Look for possible duplicates of a just-saved incident off the GUI thread; if any, offer them.
    `skip`: other incidents already offered (this session); the ones offered now are added to it."""

    def search():
        return duplicate_candidates(store, incident, duplicate_rules(store))

    def done(matches: list[Match]) -> None:
        if skip is not None:
            matches = [m for m in matches if m.other.id not in skip]
            skip.update(m.other.id for m in matches)
        if not matches:
            return
        prompt = DuplicatesPrompt(store, runner, incident, matches, actor, parent)
        prompt.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        prompt.show()
        if shown is not None:
            shown(prompt)

    runner.run(search, done, None, pool="db")
