"""A read-only view of one incident: a summary on the "Record" tab, an Edit button, and the tabs and actions
that features registered (incident_tabs.py). It shows the record as the session may read it
(ui/security/party_privacy.py), whoever built it, and hands the same copy to every feature tab."""

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
from ..security.party_privacy import as_shown
from .incident_tabs import IncidentContext, registered_actions, registered_tabs, unavailable_reason
from .returned import banner, return_note, status_text

EDITABLE = (Status.DRAFT,)


class IncidentView(QWidget):
    edit_requested = Signal(str)  # incident id

    def __init__(self, context: IncidentContext, parent=None):
        super().__init__(parent)
        stored = context.incident
        inc = as_shown(context.store, context.session, stored)
        self.context = context = replace(context, incident=inc)
        heading = QLabel(f"<b>{inc.report_number or inc.id}</b> \u2014 {status_text(inc)}"
                         + (" \u2014 " + self.tr("DEMO DATA") if inc.is_demo else ""))
        heading.setAccessibleName(self.tr("Incident heading"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        # A masked, sealed or opened copy is never edited and saved over the record.
        self.edit_button.setEnabled(inc.status in EDITABLE and inc is stored)
        self.edit_button.setToolTip(self.tr("Only drafts can be edited.") if inc.status not in EDITABLE else "")
        if inc is not stored:
            self.edit_button.setToolTip(QCoreApplication.translate(
                "MainWindow", "Only the supervisor who entered it or a reviewer can edit it."))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(inc.id))
        bar = QVBoxLayout()
        bar.addWidget(heading)
        buttons = FlowLayout()  # wraps in a narrow window instead of pushing it wider than the screen
        bar.addLayout(buttons)
        for text, handler in registered_actions():
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
        for registered, factory in registered_tabs():
            title = self.tr(registered)  # registered with QT_TRANSLATE_NOOP("IncidentView", ...)
            try:
                self.tabs.addTab(factory(context), title)
            except Exception as exc:  # one broken feature tab must not hide the record
                self.tabs.addTab(QLabel(self.tr("%1 could not be shown: %2").replace("%1", title).replace("%2", str(exc))), title)
        layout = QVBoxLayout(self)
        note = return_note(inc)
        if note is not None:
            layout.addWidget(banner(note))
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
