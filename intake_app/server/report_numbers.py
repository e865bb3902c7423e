"""One incident per report number on the server. A pushed record whose number another incident already holds
is refused as a conflict kept for the supervisor (never written over the other, never a server error); the
device is told which number, and keeps its record (sync/engine.py)."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..domain.records import Incident
from ..wire.sync import PushItem, PushResult
from .db import among, insert_many
from .tables import Device, ReportNumber, ServerConflict, ServerIncident


class Claims:
    """The numbers of one push batch: who holds them (looked up once), and the ones this batch adds."""

    def __init__(self, session: Session, numbers: list[str]):
        wanted = sorted({n for n in numbers if n})
        self.holder: dict[str, str] = {}
        for start in range(0, len(wanted), 1000):
            chunk = wanted[start:start + 1000]
            for number, incident_id in session.execute(select(ReportNumber.report_number, ReportNumber.incident_id)
                                                       .where(among(session, ReportNumber.report_number, chunk))):
                self.holder[number] = incident_id
        self.new: dict[str, str] = {}

    def held_by_another(self, number: str, incident_id: str) -> bool:
        return bool(number) and self.holder.get(number, incident_id) != incident_id

    def claim(self, number: str, incident_id: str) -> None:
        if number and number not in self.holder:
            self.holder[number] = self.new[number] = incident_id

    def write(self, session: Session, at: datetime) -> None:
        insert_many(session, ReportNumber.__table__,
                    [{"report_number": n, "incident_id": i, "registered_at": at} for n, i in self.new.items()])


def refuse(session: Session, *, item: PushItem, incident: Incident, district: int, device: Device, record: str,
           server_version: int, holder: str, at: datetime) -> PushResult:
    """Keeps the refused record as a conflict beside the incident holding the number, for the supervisor. The
    device gets the number only: the other incident may be one it may not see."""
    held = session.scalar(select(ServerIncident.record_json).where(ServerIncident.id == holder))
    conflict_id = session.execute(insert(ServerConflict).returning(ServerConflict.id), {
        "incident_id": incident.id, "district": district, "device_id": device.id,
        "idempotency_key": item.idempotency_key, "base_version": item.base_version, "server_version": server_version,
        "server_json": held or json.dumps({"id": holder, "report_number": incident.report_number}),
        "pushed_json": record, "at": at}).scalar_one()
    return PushResult(idempotency_key=item.idempotency_key, incident_id=incident.id, outcome="conflict",
                      version=server_version, conflict_id=conflict_id, number_taken=incident.report_number)
