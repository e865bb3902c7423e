"""What the change log holds of drafts deleted on the server (a deletion is a change: draft_deletions.py):
an edit of one pushed afterwards is a conflict, and a device asking after a restore is told it is gone."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import among
from .tables import Change


@dataclass(frozen=True)
class Deleted:
    district: int
    version: int  # the deletion's version: the draft's last version + 1
    record_json: str


def deleted_versions(session: Session, incident_ids: list[str]) -> dict[str, Deleted]:
    """The newest deletion of each of these incidents that the feed holds (callers pass ids not current)."""
    if not incident_ids:
        return {}
    found: dict[str, Deleted] = {}
    for row in session.execute(select(Change.incident_id, Change.district, Change.version, Change.record_json)
                               .where(Change.deleted.is_(True), among(session, Change.incident_id, incident_ids))
                               .order_by(Change.seq)):
        found[row.incident_id] = Deleted(row.district, row.version, row.record_json)
    return found
