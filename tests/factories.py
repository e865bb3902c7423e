"""Complete, valid records for tests: a story's starting point. Only synthetic people."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from intake_app.domain.enums import Agency, CredentialCheck, FootageKind, IdentifiedBy, Source
from intake_app.domain.geography import default_beat_map
from intake_app.domain.records import (
    Agent,
    FederalSupervisor,
    FootageItem,
    Incident,
    Location,
    ReportingParty,
    Supervisor,
    Vehicle,
    Violation,
)

CHICAGO = ZoneInfo("America/Chicago")


def make_agent(**overrides) -> Agent:
    agent = Agent(agency=Agency.ICE_ERO, name="Agent Doe", badge="ERO-4471", identified_by=IdentifiedBy.BADGE_SEEN,
                  masked=False, description="Tall, grey jacket marked POLICE ICE",
                  vehicle=Vehicle(plate="ABC 1234", plate_state="IL", make="Ford", model="Explorer", color="Black"))
    for k, v in overrides.items():
        setattr(agent, k, v)
    return agent


def make_footage(start: datetime, **overrides) -> FootageItem:
    item = FootageItem(kind=FootageKind.BODY_WORN, device_id="X6039BWC", officer_star="12345", start=start,
                       end=start + timedelta(minutes=18), evidence_id="EVD-2026-000123")
    for k, v in overrides.items():
        setattr(item, k, v)
    return item


def make_incident(*, agents: int = 1, footage: int = 1, felony: bool = True, **overrides) -> Incident:
    occurred = datetime(2026, 11, 2, 14, 30, tzinfo=CHICAGO)
    agent_list = [make_agent(badge=f"ERO-{4471 + i}") for i in range(agents)]
    inc = Incident(
        district=9,
        beat="0911",
        occurred_at=occurred,
        location=Location("3510 S Michigan Ave", 41.829612, -87.69781),  # a point of beat 0911
        source=Source.OBSERVED,
        reporting_party=ReportingParty(name="Test Reporter", phone="312-555-0100", preferred_language="es",
                                       consent_to_contact=True, confidential=True, address="2206 W Reporterplace St"),
        narrative="Officers observed two agents detain a man outside a grocery store without identifying themselves.",
        supervisor=Supervisor("Sgt. Maria Test", "2231"),
        agents=agent_list,
        footage=[make_footage(occurred, device_id=f"X60{i:02d}BWC") for i in range(footage)],
        # CPD was on scene: the order's credential check is answered.
        federal_supervisor=FederalSupervisor(credential_check=CredentialCheck.NO_SUPERVISOR_PRESENT),
        violations=[
            Violation(statute="720 ILCS 5/12-3.05" if felony else "720 ILCS 5/12-3",
                      offence_class="3" if felony else "A",
                      details="Struck the man with a baton", agent_ids=[a.id for a in agent_list[:1]])
        ],
    )
    for k, v in overrides.items():
        setattr(inc, k, v)
    if "location" not in overrides and inc.beat != "0911":
        # Coordinates derive the district and beat: they follow a beat the story asks for (none for a beat that
        # does not exist, so its own problem stays the only one).
        point = point_in_beat(inc.beat)
        inc.location = Location(inc.location.address, *(point or (None, None)))
    return inc


@functools.cache
def point_in_beat(beat: str) -> tuple[float, float] | None:
    """(latitude, longitude) of a point inside a real beat, else None."""
    return default_beat_map().point_in(beat)
