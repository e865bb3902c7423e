"""Review (review and station security): the reviewer's queue, approving, returning with a comment, and corrections after
approval that keep every earlier version. Permissions are checked by the store (authorization.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from ..domain.actor import Actor
from ..domain.enums import Status
from ..domain.interchange import from_dict
from ..domain.records import Incident
from ..domain.workflow import WorkflowError, has_felony
from ..storage.queries import IncidentFilter, IncidentSummary
from ..storage.repository import IncidentStore
from ..storage.user_tables import RecordVersionRow


@dataclass(frozen=True)
class RecordVersion:
    record_version: int
    kind: str  # approved | correction
    reason: str
    actor_name: str
    actor_star: str
    at: datetime
    incident: Incident


def review_queue(store: IncidentStore) -> list[IncidentSummary]:
    return store.list(IncidentFilter(status=Status.IN_REVIEW))


def approve(store: IncidentStore, ref: str, actor: Actor) -> Incident:
    return store.change_status(ref, Status.APPROVED, actor)


def return_for_changes(store: IncidentStore, ref: str, actor: Actor, comment: str) -> Incident:
    if not comment.strip():
        raise WorkflowError("comment: returning an incident needs a comment for the supervisor")
    return store.change_status(ref, Status.DRAFT, actor, comment=comment)


def close_out(store: IncidentStore, ref: str, actor: Actor) -> Incident:
    """Referred to CCSAO when there is a felony, otherwise recorded."""
    incident = store.get(ref)
    return store.change_status(ref, Status.REFERRED if has_felony(incident) else Status.RECORDED, actor)


def correct_approved(store: IncidentStore, ref: str, new_incident: Incident, reason: str, actor: Actor) -> Incident:
    """Change an approved (or later) record: a new version with a reason (IncidentStore.correct)."""
    return store.correct(ref, new_incident, reason, actor)


def versions(store: IncidentStore, ref: str) -> list[RecordVersion]:
    """Every approved and corrected version of the record, oldest first."""
    incident_id = store.get(ref).id
    with store.reading() as session:
        rows = session.scalars(select(RecordVersionRow).where(RecordVersionRow.incident_id == incident_id)
                               .order_by(RecordVersionRow.id)).all()
        return [RecordVersion(r.record_version, r.kind, r.reason, r.actor_name, r.actor_star,
                              r.at.replace(tzinfo=UTC), from_dict(json.loads(r.record_json))) for r in rows]
