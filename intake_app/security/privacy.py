"""Who sees the reporting party (review and station security): the supervisor who entered the record and reviewers. Everyone
else, and every list, search result, log line and public export, gets a masked copy."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from ..domain.actor import Actor
from ..domain.roles import REVIEWER, SUPERVISOR

if TYPE_CHECKING:
    from ..domain.records import Incident

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


def carries_reporting_party(incident: Incident) -> bool:
    """Whether the record names, reaches or locates its reporting party (what `masked` hides); language,
    consent and the confidential flag identify nobody."""
    party = incident.reporting_party
    return party is not None and bool(party.name or party.phone or party.address)


def held_sealed(incident: Incident) -> bool:
    """A party held sealed (received so, nothing of it in clear here): only a reader's key opens it. A record
    with its party in clear (sealed or not) is read under the privacy rule alone."""
    return incident.sealed is not None and not carries_reporting_party(incident)


def hidden_from(actor: Actor, incidents: list[Incident]) -> list[Incident]:
    """The incidents whose reporting party this actor may not see: what a complete copy of them
    (an export) must not be handed to them for."""
    return [inc for inc in incidents if carries_reporting_party(inc) and not may_see_reporting_party(actor, inc)]
