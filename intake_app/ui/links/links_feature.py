"""Hooks linked incidents into the app: the incident view's "Links" tab, and possible duplicates offered after
each save in the wizard (each other incident offered once per wizard session, never after a decision)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..common.i18n import QT_TRANSLATE_NOOP
from ..incidents.incident_tabs import IncidentContext, register_incident_tab

if TYPE_CHECKING:
    from .links_tab import LinksTab


def links_tab(ctx: IncidentContext) -> LinksTab:
    from .links_tab import LinksTab

    return LinksTab(ctx.store, ctx.runner, ctx.incident.id, ctx.actor)


_registered: list[bool] = []


def register_tab() -> None:
    """Once per process, titled in the language installed when the first window is built."""
    if not _registered:
        register_incident_tab(QT_TRANSLATE_NOOP("IncidentView", "Links"), links_tab)
        _registered.append(True)


def follow_wizard(window, wizard) -> None:
    offered: set[str] = set()

    def saved(stored) -> None:
        from ..incidents.duplicates_prompt import offer_duplicates

        offer_duplicates(wizard, window.store, window.runner, stored, window.actor, skip=offered)

    wizard.saved.connect(saved)
    wizard.submitted.connect(saved)


def install_ui(window) -> None:
    register_tab()
    window.wizard_opened.connect(lambda wizard: follow_wizard(window, wizard))
