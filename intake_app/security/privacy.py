"""Who sees the reporting party (issue 6): the supervisor who entered the record and reviewers. Everyone
else, and every list, search result, log line and public export, gets a masked copy."""

from __future__ import annotations

import copy

from ..domain.records import Incident
from ..domain.workflow import Actor
from .users import REVIEWER, SUPERVISOR

MASK = "•••"


def entered_by(incident: Incident) -> str:
    """Star of the supervisor who entered the record (the record's supervisor, else who first submitted it)."""
    if incident.supervisor and incident.supervisor.star:
        return incident.supervisor.star
    return incident.history[0].by_star if incident.history else ""


def may_see_reporting_party(actor: Actor, incident: Incident) -> bool:
    if actor.role == REVIEWER:
        return True
    if actor.role == SUPERVISOR:
        return entered_by(incident) in ("", actor.star)
    return False


def masked(incident: Incident) -> Incident:
    copy_ = copy.deepcopy(incident)
    party = copy_.reporting_party
    if party is not None:
        party.name = MASK if party.name else ""
        party.phone = MASK if party.phone else ""
        party.address = MASK if party.address else ""
    return copy_


def for_viewer(actor: Actor, incident: Incident) -> Incident:
    return incident if may_see_reporting_party(actor, incident) else masked(incident)
