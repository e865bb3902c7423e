"""Many NEW records projected at once: a pulled page of the change feed (up to 1,000 records) gets the very
rows `projection.write_row` writes, with one executemany per table instead of six statements per record.

The row shapes mirror projection.py (`_columns` is shared; the child and search rows are built the same way).
tests/sync/test_pull_batch.py writes the same records both ways and compares every projected table, so a
column added to one and not the other fails there.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from ..domain.records import Incident
from .projection import INCIDENTS, _columns, plate_tokens, utc_naive
from .tables import AgentRow, FootageRow, ViolationRow

_INSERT_FTS = text(
    "INSERT INTO incident_fts (rowid, incident_id, report_number, narrative, address, agent_names, badges, plates) "
    "VALUES (:rowid, :id, :rn, :narrative, :address, :names, :badges, :plates)")


def insert_new(session: Session, records: list[tuple[Incident, str]]) -> None:
    """(incident, its interchange JSON) for records not in the store yet, in the caller's transaction."""
    if not records:
        return
    conn = session.connection()
    first = (conn.scalar(select(func.max(INCIDENTS.c.search_rowid))) or 0) + 1
    incidents, agents, footage, violations, search = [], [], [], [], []
    for n, (inc, record_json) in enumerate(records):
        incidents.append({"id": inc.id, "search_rowid": first + n, **_columns(inc, record_json)})
        agents += [{"incident_id": inc.id, "position": i, "agent_id": a.id, "agency": a.agency.value, "name": a.name,
                    "badge": a.badge, "plate": a.vehicle.plate if a.vehicle else "",
                    "plate_state": a.vehicle.plate_state if a.vehicle else ""} for i, a in enumerate(inc.agents)]
        footage += [{"incident_id": inc.id, "position": i, "footage_id": f.id, "kind": f.kind.value,
                     "preservation_status": f.preservation_status.value,
                     "preservation_deadline": utc_naive(f.preservation_deadline), "sha256": f.sha256,
                     "device_id": f.device_id, "officer_star": f.officer_star, "evidence_id": f.evidence_id,
                     "start": utc_naive(f.start)} for i, f in enumerate(inc.footage)]
        violations += [{"incident_id": inc.id, "position": i, "violation_id": v.id, "statute": v.statute,
                        "offence_class": v.offence_class} for i, v in enumerate(inc.violations)]
        search.append({"rowid": first + n, "id": inc.id, "rn": inc.report_number, "narrative": inc.narrative,
                       "address": inc.location.address, "names": " ".join(a.name for a in inc.agents if a.name),
                       "badges": " ".join(a.badge for a in inc.agents if a.badge),
                       "plates": " ".join(plate_tokens(a.vehicle.plate) for a in inc.agents
                                          if a.vehicle and a.vehicle.plate)})
    conn.execute(insert(INCIDENTS), incidents)
    for table, rows in ((AgentRow.__table__, agents), (FootageRow.__table__, footage),
                        (ViolationRow.__table__, violations)):
        if rows:
            conn.execute(insert(table), rows)
    conn.execute(_INSERT_FTS, search)
