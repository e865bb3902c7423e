"""Footage whose preservation is not yet confirmed, soonest deadline first; status changes saved (and audited)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from ..domain.enums import FootageKind, Preservation
from ..domain.interchange import from_dict
from ..domain.preservation import PURGED_AFTER_RETENTION, deadline_for, set_preservation
from ..domain.records import Incident
from ..domain.workflow import Actor
from .repository import IncidentStore
from .tables import FootageRow, IncidentRow

FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class PreservationAlert:
    incident_id: str
    report_number: str
    footage_id: str
    position: int
    kind: FootageKind
    device_id: str
    officer_star: str
    status: Preservation
    deadline: datetime | None  # UTC aware; None when the recording start is not known yet
    evidence_id: str

    def days_left(self, now: datetime) -> int | None:
        return None if self.deadline is None else (self.deadline - now).days


def unconfirmed(store: IncidentStore, *, limit: int | None = None) -> list[PreservationAlert]:
    """Body-worn and in-car items not yet preserved, soonest deadline first (unknown deadlines last)."""
    retention = store.settings().retention_days
    stmt = (select(FootageRow.incident_id, FootageRow.position, IncidentRow.report_number, IncidentRow.record_json)
            .join(IncidentRow, IncidentRow.id == FootageRow.incident_id)
            .where(FootageRow.kind.in_([k.value for k in PURGED_AFTER_RETENTION]),
                   FootageRow.preservation_status != Preservation.PRESERVED.value)
            .order_by(FootageRow.preservation_deadline.is_(None), FootageRow.preservation_deadline))
    alerts: list[PreservationAlert] = []
    records: dict[str, Incident] = {}
    with store.reading() as session:
        for row in session.execute(stmt):
            inc = records.get(row.incident_id)
            if inc is None:
                inc = records[row.incident_id] = from_dict(json.loads(row.record_json))
            item = inc.footage[row.position]
            deadline = item.preservation_deadline or deadline_for(item, retention)
            alerts.append(PreservationAlert(inc.id, row.report_number or "", item.id, row.position, item.kind,
                                            item.device_id, item.officer_star, item.preservation_status,
                                            deadline.astimezone(UTC) if deadline else None, item.evidence_id))
    alerts.sort(key=lambda a: a.deadline or FAR_FUTURE)
    return alerts[:limit] if limit is not None else alerts


def mark_preservation(store: IncidentStore, incident_id: str, footage_id: str, status: Preservation, actor: Actor,
                      *, evidence_id: str = "") -> Incident:
    """Requested or preserved (with the evidence-management id): saved as a new version, so the change is audited."""
    current = store.get(incident_id)
    return store.save(set_preservation(current, footage_id, status, evidence_id=evidence_id, now=store.clock()), actor)
