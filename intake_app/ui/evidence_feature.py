"""Hooks issue 3 into the app: the "Preservation alerts" screen and the incident view's "History" tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from .incident_tabs import IncidentContext, register_incident_tab
from .preservation_screen import PreservationScreen

if TYPE_CHECKING:
    from .audit_history import HistoryTab


def history_tab(ctx: IncidentContext) -> HistoryTab:
    # Imported when an incident is opened: it needs the audit module, so SQLAlchemy (issue 8).
    from .audit_history import HistoryTab

    return HistoryTab(ctx.store, ctx.runner, ctx.incident.id)


def install_ui(window) -> None:
    register_incident_tab(QT_TRANSLATE_NOOP("IncidentView", "History"), history_tab)
    screen = PreservationScreen(window.store, window.runner, window.actor)
    window.preservation_screen = screen
    window.add_screen(QCoreApplication.translate("MainWindow", "Preservation alerts"), screen, closable=False)

    def follow(wizard) -> None:
        wizard.saved.connect(lambda _stored: screen.refresh())
        wizard.submitted.connect(lambda _stored: screen.refresh())

    window.wizard_opened.connect(follow)
