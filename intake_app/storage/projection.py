"""How a record is projected into the queryable tables and the search index."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from ..domain.interchange import to_dict
from ..domain.records import Incident
from .tables import AgentRow, FootageRow, IncidentRow, ViolationRow


def utc_naive(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC).replace(tzinfo=None) if value is not None else None


def plate_tokens(plate: str) -> str:
    """'ABC 1234' is indexed as 'ABC 1234 ABC1234' so both spellings find it."""
    joined = re.sub(r"[\s\-]", "", plate)
    return f"{plate} {joined}" if joined != plate else plate


def write_row(session: Session, inc: Incident, *, existing: IncidentRow | None) -> IncidentRow:
    row = existing or IncidentRow(id=inc.id)
    row.report_number = inc.report_number or None
    row.status = inc.status.value
    row.district = inc.district
    row.beat = inc.beat
    row.occurred_at = utc_naive(inc.occurred_at)
    row.address = inc.location.address
    row.latitude = inc.location.latitude
    row.longitude = inc.location.longitude
    row.agent_count = len(inc.agents)
    row.created_at = utc_naive(inc.created_at)
    row.updated_at = utc_naive(inc.updated_at)
    row.version = inc.version
    row.is_demo = inc.is_demo
    row.record_json = json.dumps(to_dict(inc), ensure_ascii=False)
    if existing is None:
        session.add(row)
    session.flush()
    _write_children(session, inc)
    _write_fts(session, inc)
    return row


def _write_children(session: Session, inc: Incident) -> None:
    for table in (AgentRow, FootageRow, ViolationRow):
        session.execute(delete(table).where(table.incident_id == inc.id))
    session.add_all(
        AgentRow(incident_id=inc.id, position=i, agent_id=a.id, agency=a.agency.value, name=a.name, badge=a.badge,
                 plate=a.vehicle.plate if a.vehicle else "", plate_state=a.vehicle.plate_state if a.vehicle else "")
        for i, a in enumerate(inc.agents)
    )
    session.add_all(
        FootageRow(incident_id=inc.id, position=i, footage_id=f.id, kind=f.kind.value,
                   preservation_status=f.preservation_status.value,
                   preservation_deadline=utc_naive(f.preservation_deadline), sha256=f.sha256)
        for i, f in enumerate(inc.footage)
    )
    session.add_all(
        ViolationRow(incident_id=inc.id, position=i, violation_id=v.id, statute=v.statute, offence_class=v.offence_class)
        for i, v in enumerate(inc.violations)
    )


def _write_fts(session: Session, inc: Incident) -> None:
    delete_fts(session, inc.id)
    session.execute(
        text("INSERT INTO incident_fts (incident_id, report_number, narrative, address, agent_names, badges, plates) "
             "VALUES (:id, :rn, :narrative, :address, :names, :badges, :plates)"),
        {
            "id": inc.id,
            "rn": inc.report_number,
            "narrative": inc.narrative,
            "address": inc.location.address,
            "names": " ".join(a.name for a in inc.agents if a.name),
            "badges": " ".join(a.badge for a in inc.agents if a.badge),
            "plates": " ".join(plate_tokens(a.vehicle.plate) for a in inc.agents if a.vehicle and a.vehicle.plate),
        },
    )


def delete_fts(session: Session, incident_id: str) -> None:
    session.execute(text("DELETE FROM incident_fts WHERE incident_id = :id"), {"id": incident_id})


def fts_query(user_text: str) -> str:
    """Each word of the user's text must match as a prefix; quoting keeps FTS5 syntax out of their hands."""
    words = re.findall(r"\w+", user_text, flags=re.UNICODE)
    return " ".join(f'"{w}"*' for w in words)
