"""Hooks the referral packet into the incident view: Preview, Print, Save as PDF, Mark referral sent.

Only the buttons are registered at start-up. Their code (packet_actions: ReportLab, Pillow, QtPdf,
QtPrintSupport) is imported when one is first clicked: importing it made every start of the app slower
(start-up speed) for actions most sessions never use.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from ..common.i18n import QT_TRANSLATE_NOOP
from ..incidents.incident_tabs import ActionHandler, IncidentContext, register_incident_action


def _on_first_use(pick: Callable[[ModuleType], ActionHandler]) -> ActionHandler:
    """The action `pick` names in packet_actions, imported on the first click. A function, not a string: a
    renamed action fails here at once, and the name is found where it is used."""
    def handler(ctx: IncidentContext) -> None:
        from . import packet_actions

        pick(packet_actions)(ctx)

    return handler


def install_ui(window) -> None:
    # Translated by the incident view when it shows them (the language may be installed after this import).
    register_incident_action(QT_TRANSLATE_NOOP("IncidentView", "Pre&view packet…"), _on_first_use(lambda actions: actions.preview_packet))
    register_incident_action(QT_TRANSLATE_NOOP("IncidentView", "&Print packet…"), _on_first_use(lambda actions: actions.print_packet))
    register_incident_action(QT_TRANSLATE_NOOP("IncidentView", "Save packet as P&DF…"), _on_first_use(lambda actions: actions.save_packet))
    register_incident_action(QT_TRANSLATE_NOOP("IncidentView", "Mark referral &sent…"), _on_first_use(lambda actions: actions.ask_mark_sent))
