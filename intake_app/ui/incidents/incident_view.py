"""A read-only view of one incident: a summary on the "Record" tab, an Edit button, and the tabs and actions
that features registered (incident_tabs.py). It shows the record as the session may read it
(ui/security/party_privacy.py), whoever built it, and hands the same copy to every feature tab.

A record received with its reporting party sealed is opened on the database worker (a key read from the
store, decryption, an audit entry): the view shows it at once with the sealed fields masked and says it is
being opened, then shows it again, with its feature tabs and actions, when the worker answers."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Status
from ...domain.summary import summary_lines
from ..common.flow_layout import FlowLayout
from ..common.summary_words import summary_words
from ..security.party_privacy import as_shown, shown_at_once, while_opening
from .incident_tabs import IncidentContext, registered_actions, registered_tabs, unavailable_reason
from .returned import banner, return_note, status_text

EDITABLE = (Status.DRAFT,)


class IncidentView(QWidget):
    edit_requested = Signal(str)  # incident id
    shown = Signal()  # a sealed party's opening was answered (opened, still sealed, or failed) and is on screen

    def __init__(self, context: IncidentContext, parent=None):
        super().__init__(parent)
        self._stored = stored = context.incident
        self._layout = QVBoxLayout(self)
        self._content: QWidget | None = None
        self.opening_note: QLabel | None = None  # says the party is being opened, or why it could not be
        at_once = shown_at_once(context.session, stored)
        self.opening = at_once is None  # True until the worker has answered for a sealed party
        if at_once is not None:
            self._show(replace(context, incident=at_once))
            return
        # Until the worker answers: the record with its sealed fields masked, without the feature tabs and
        # actions (they get the copy the session may read, and would be built twice).
        self._show(replace(context, incident=while_opening(stored)), self.tr("Opening the sealed identity…"),
                   with_features=False)
        store, session = context.store, context.session
        context.runner.run(lambda: as_shown(store, session, stored), self._opened, self._not_opened)

    def _opened(self, incident) -> None:
        import shiboken6

        if not shiboken6.isValid(self):  # the tab was closed before the answer
            return
        self.opening = False
        self._show(replace(self.context, incident=incident))
        self.shown.emit()

    def _not_opened(self, exc: BaseException) -> None:
        import shiboken6

        if not shiboken6.isValid(self):
            return
        self.opening = False
        # The masked copy stays: nothing of the party is shown, and the rest of the record is usable.
        self._show(self.context, self.tr("The sealed identity could not be opened: %1").replace("%1", str(exc)))
        self.shown.emit()

    def _show(self, context: IncidentContext, note: str = "", with_features: bool = True) -> None:
        """Builds the view's content for `context` (its incident as the session may read it), in place of the
        content shown before."""
        inc = context.incident
        self.context = context
        content = QWidget()
        heading = QLabel(f"<b>{inc.report_number or inc.id}</b> \u2014 {status_text(inc)}"
                         + (" \u2014 " + self.tr("DEMO DATA") if inc.is_demo else ""))
        heading.setAccessibleName(self.tr("Incident heading"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        # A masked, sealed or opened copy is never edited and saved over the record.
        self.edit_button.setEnabled(inc.status in EDITABLE and inc is self._stored)
        self.edit_button.setToolTip(self.tr("Only drafts can be edited.") if inc.status not in EDITABLE else "")
        if inc is not self._stored:
            self.edit_button.setToolTip(QCoreApplication.translate(
                "MainWindow", "Only the supervisor who entered it or a reviewer can edit it."))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(inc.id))
        bar = QVBoxLayout()
        bar.addWidget(heading)
        self.opening_note = None
        if note:
            self.opening_note = QLabel(note)
            self.opening_note.setWordWrap(True)
            self.opening_note.setAccessibleName(self.tr("Sealed identity"))
            bar.addWidget(self.opening_note)
        buttons = FlowLayout()  # wraps in a narrow window instead of pushing it wider than the screen
        bar.addLayout(buttons)
        for text, handler in registered_actions() if with_features else ():
            button = QPushButton(self.tr(text))  # registered with QT_TRANSLATE_NOOP("IncidentView", ...)
            button.clicked.connect(lambda _c=False, h=handler: h(self.context))
            reason = unavailable_reason(text, inc)
            button.setEnabled(not reason)
            button.setToolTip(reason)
            buttons.addWidget(button)
        buttons.addWidget(self.edit_button)

        self.summary = QPlainTextEdit("\n".join(summary_lines(inc, catalogue=context.store.catalogue,
                                                                words=summary_words())))
        self.summary.setReadOnly(True)
        self.summary.setTabChangesFocus(True)
        self.summary.setAccessibleName(self.tr("Incident record"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.summary, self.tr("&Record"))
        for registered, factory in registered_tabs() if with_features else ():
            title = self.tr(registered)  # registered with QT_TRANSLATE_NOOP("IncidentView", ...)
            try:
                self.tabs.addTab(factory(context), title)
            except Exception as exc:  # one broken feature tab must not hide the record
                self.tabs.addTab(QLabel(self.tr("%1 could not be shown: %2").replace("%1", title).replace("%2", str(exc))), title)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        note_of_return = return_note(inc)
        if note_of_return is not None:
            layout.addWidget(banner(note_of_return))
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        old, self._content = self._content, content
        if old is not None:  # gone at once, so nothing finds its buttons or its summary any more
            self._layout.removeWidget(old)
            old.setParent(None)
            old.deleteLater()
        self._layout.addWidget(content)
