"""What an incident's view shows besides the record: the tabs and actions that features register.

Features add them without editing incident_view.py:

    from intake_app.ui.incidents.incident_tabs import register_incident_tab, register_incident_action
    register_incident_tab("History", lambda ctx: HistoryTab(ctx.store, ctx.runner, ctx.incident.id))
    register_incident_action("&Print…", lambda ctx: print_packet(ctx))

A factory receives an IncidentContext (store, runner, incident, session, parent) and returns a QWidget
(a tab) or does the action. Register from your feature's `install_ui(window)`, listed in ui/shell/features.py
(FEATURES). Kept apart from the view, which the app imports only when an incident is first opened: the
registrations are made at start-up (start-up speed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ...domain.actor import Actor
    from ...domain.records import Incident
    from ...security.session import Session
    from ...storage.repository import IncidentStore
    from ..common.tasks import TaskRunner


@dataclass
class IncidentContext:
    """Built when an incident is opened, from the worker's answer: its store is open."""

    store: IncidentStore
    runner: TaskRunner
    incident: Incident  # as the session may read it once the incident view has built the context it hands on
    session: Session
    parent: QWidget | None = None

    def actor(self) -> Actor:
        """Who makes the changes started from this incident's view."""
        return self.session.actor


TabFactory = Callable[[IncidentContext], QWidget]
ActionHandler = Callable[[IncidentContext], None]
# Why an action does not apply to this incident (translated, shown as the disabled button's tooltip), or "".
ActionGate = Callable[["Incident"], str]
_tabs: list[tuple[str, TabFactory]] = []
_actions: list[tuple[str, ActionHandler]] = []
_gates: dict[str, ActionGate] = {}


def register_incident_tab(title: str, factory: TabFactory) -> None:
    if all(t != title for t, _f in _tabs):
        _tabs.append((title, factory))


def register_incident_action(text: str, handler: ActionHandler, unavailable: ActionGate | None = None) -> None:
    """`unavailable`, when given, says why the action does not apply to an incident (the view disables it)."""
    if all(t != text for t, _h in _actions):
        _actions.append((text, handler))
    if unavailable is not None:
        _gates[text] = unavailable


def registered_tabs() -> list[tuple[str, TabFactory]]:
    return list(_tabs)


def registered_actions() -> list[tuple[str, ActionHandler]]:
    return list(_actions)


def unavailable_reason(text: str, incident: Incident) -> str:
    gate = _gates.get(text)
    return gate(incident) if gate is not None else ""
