"""No value of any personal field, from any incident, appears anywhere in the release files."""

from __future__ import annotations

from intake_app.domain.enums import IdentifiedBy, Status
from intake_app.domain.geography import locate
from intake_app.domain.records import Location, ReportingParty, Supervisor, Vehicle
from tests.factories import make_agent, make_footage, make_incident

from .conftest import on, outcome, stored_as


def _marked_incident(n: int):
    """An incident whose every personal field holds a marker string unique to it and to the field."""
    occurred = on(f"2026-10-{10 + n:02d}")
    agents = [
        make_agent(name=f"Mkragentname{n}a Qx", badge=f"MKRBADGE{n}A", description=f"Mkrdescription{n}a scar",
                   identified_by=IdentifiedBy.BADGE_SEEN,
                   vehicle=Vehicle(plate=f"MKRPL{n}A", plate_state="IL", make=f"Mkrmake{n}", model=f"Mkrmodel{n}",
                                   color=f"Mkrcolor{n}")),
        make_agent(name=f"Mkragentname{n}b Qx", badge=f"MKRBADGE{n}B", identified_by=IdentifiedBy.STATED),
    ]
    inc = make_incident(
        occurred_at=occurred,
        location=Location(f"48{n}7 S Ashland Ave Apt Mkrunit{n}", 41.81234 + n / 1000, -87.66543),
        reporting_party=ReportingParty(name=f"Mkrreportername{n} Lopez", phone=f"773-555-01{n}9",
                                       preferred_language="es", consent_to_contact=True,
                                       address=f"9{n}1 W Mkrpartyaddr{n} St"),
        narrative=f"Mkrnarrative{n} the agent called the woman Mkrnarrname{n} by name.",
        supervisor=Supervisor(f"Sgt. Mkrsupervisor{n}", f"8642{n}3"),
    )
    where = locate(inc.location.latitude, inc.location.longitude)  # the coordinates give district and beat
    inc.district, inc.beat = where.district, where.beat
    inc.footage = [make_footage(occurred, device_id=f"MKRDEV{n}", officer_star=f"5173{n}7",
                                evidence_id=f"MKREVID{n}", file_path=f"/evidence/Mkrfile{n}.mp4")]
    inc.agents = agents
    inc.violations[0].details = f"Mkrdetails{n} struck Mkrvictim{n} with a baton"
    inc.violations[0].agent_ids = [agents[0].id]
    return inc


def _markers(inc) -> list[str]:
    rp = inc.reporting_party
    values = [rp.name, rp.phone, rp.phone.replace("-", ""), rp.address, inc.narrative, inc.supervisor.name, inc.supervisor.star,
              inc.location.address, "Mkrunit", str(inc.location.latitude), inc.id]
    for a in inc.agents:
        values += [a.name, a.badge, a.description]
        if a.vehicle:
            values += [a.vehicle.plate, a.vehicle.make, a.vehicle.model, a.vehicle.color]
    for f in inc.footage:
        values += [f.device_id, f.officer_star, f.evidence_id, f.file_path]
    for v in inc.violations:
        values.append(v.details)
    # Every "Mkr..." token on its own too, so a partial leak (one word of a name) is caught.
    words = {w.strip(".,/") for v in values for w in v.split() if "kr" in w.lower()}
    return sorted(set(values) | words)


def test_no_marker_from_any_personal_field_appears_in_any_release_file(store, actor, run_release, release_dir):
    incidents = [_marked_incident(n) for n in range(1, 7)]
    for i, inc in enumerate(incidents):
        status = [Status.APPROVED, outcome(inc)][i % 2]
        stored_as(store, actor, inc, status, closed=(i == 5))
    actor_name = actor.name
    result = run_release()
    assert result.incidents == 6

    blobs = {p.name: p.read_bytes() for p in release_dir.iterdir()}
    assert len(blobs) == 11  # 3 incident files, the dictionary, the manifest, 6 count tables
    leaks = [(marker, name) for inc in incidents for marker in _markers(inc) for name, data in blobs.items()
             if marker.encode("utf-8") in data or marker.lower().encode() in data.lower()]
    assert leaks == []
    assert not any(actor_name.encode() in data for data in blobs.values())


def test_the_block_replaces_the_exact_address(store, actor, run_release, release_dir):
    stored_as(store, actor, _marked_incident(1), Status.APPROVED)
    run_release()
    csv_text = (release_dir / "incidents.csv").read_text()
    assert "48xx S ASHLAND AVE" in csv_text
    assert "4817" not in csv_text
