"""A read-only view of one incident: a summary on the "Record" tab, an Edit button, and feature tabs.

Later features add tabs and toolbar actions without editing this module:

    from intake_app.ui.incident_view import register_incident_tab, register_incident_action
    register_incident_tab("History", lambda ctx: HistoryTab(ctx.store, ctx.runner, ctx.incident))
    register_incident_action("&Print…", lambda ctx: print_packet(ctx))

A factory receives an IncidentContext (store, runner, incident, actor, parent) and returns a QWidget
(a tab) or does the action. Register at import time of your module, and import it from main_window's
FEATURE_MODULES list (or your store extension).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import Status
from ..domain.records import Incident
from ..domain.summary import summary_lines
from ..domain.workflow import Actor
from .flow_layout import FlowLayout
from .summary_words import summary_words
from .vocabulary import vocabulary_label

EDITABLE = (Status.DRAFT,)


@dataclass
class IncidentContext:
    store: Any
    runner: Any
    incident: Incident
    actor: Callable[[], Actor]
    parent: QWidget | None = None


TabFactory = Callable[[IncidentContext], QWidget]
ActionHandler = Callable[[IncidentContext], None]
_tabs: list[tuple[str, TabFactory]] = []
_actions: list[tuple[str, ActionHandler]] = []


def register_incident_tab(title: str, factory: TabFactory) -> None:
    if all(t != title for t, _f in _tabs):
        _tabs.append((title, factory))


def register_incident_action(text: str, handler: ActionHandler) -> None:
    if all(t != text for t, _h in _actions):
        _actions.append((text, handler))


class IncidentView(QWidget):
    edit_requested = Signal(str)  # incident id

    def __init__(self, context: IncidentContext, parent=None):
        super().__init__(parent)
        self.context = context
        inc = context.incident
        heading = QLabel(f"<b>{inc.report_number or inc.id}</b> \u2014 {vocabulary_label(inc.status)}"
                         + (" \u2014 " + self.tr("DEMO DATA") if inc.is_demo else ""))
        heading.setAccessibleName(self.tr("Incident heading"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.edit_button.setEnabled(inc.status in EDITABLE)
        self.edit_button.setToolTip(self.tr("Only drafts can be edited.") if inc.status not in EDITABLE else "")
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(inc.id))
        bar = QVBoxLayout()
        bar.addWidget(heading)
        buttons = FlowLayout()  # wraps in a narrow window instead of pushing it wider than the screen
        bar.addLayout(buttons)
        for text, handler in _actions:
            button = QPushButton(self.tr(text))  # registered with QT_TRANSLATE_NOOP("IncidentView", ...)
            button.clicked.connect(lambda _c=False, h=handler: h(self.context))
            buttons.addWidget(button)
        buttons.addWidget(self.edit_button)

        self.summary = QPlainTextEdit("\n".join(summary_lines(inc, catalogue=context.store.catalogue,
                                                                words=summary_words())))
        self.summary.setReadOnly(True)
        self.summary.setTabChangesFocus(True)
        self.summary.setAccessibleName(self.tr("Incident record"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.summary, self.tr("&Record"))
        for registered, factory in _tabs:
            title = self.tr(registered)  # registered with QT_TRANSLATE_NOOP("IncidentView", ...)
            try:
                self.tabs.addTab(factory(context), title)
            except Exception as exc:  # one broken feature tab must not hide the record
                self.tabs.addTab(QLabel(self.tr("%1 could not be shown: %2").replace("%1", title).replace("%2", str(exc))), title)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
