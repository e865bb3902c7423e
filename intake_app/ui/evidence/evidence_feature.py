"""Hooks evidence integrity into the app: the "Preservation alerts" screen and the incident view's "History" tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..common.i18n import QT_TRANSLATE_NOOP
from ..incidents.incident_tabs import IncidentContext, register_incident_tab
from ..shell.lazy_screen import LazyScreen

if TYPE_CHECKING:
    from ..incidents.audit_history import HistoryTab
    from .preservation_screen import PreservationScreen


def history_tab(ctx: IncidentContext) -> HistoryTab:
    from ..incidents.audit_history import HistoryTab

    return HistoryTab(ctx.store, ctx.runner, ctx.incident.id)


def install_ui(window) -> None:
    register_incident_tab(QT_TRANSLATE_NOOP("IncidentView", "History"), history_tab)

    def build() -> PreservationScreen:
        from .preservation_screen import PreservationScreen

        return PreservationScreen(window.store_handle, window.runner, window.actor)

    # window.preservation_tab.built() is the screen (built then, if its tab has not been shown yet).
    window.preservation_tab = tab = LazyScreen(build)
    window.add_screen(QCoreApplication.translate("MainWindow", "Preservation alerts"), tab, closable=False)

    def refresh() -> None:
        if tab.content is not None:  # not built yet: it reads the alerts when it is
            tab.content.refresh()

    def follow(wizard) -> None:
        wizard.saved.connect(lambda _stored: refresh())
        wizard.submitted.connect(lambda _stored: refresh())

    window.wizard_opened.connect(follow)
