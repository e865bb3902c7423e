"""Draft deletions kept after the server acknowledged them, for a server restored from a backup taken before.

A deletion leaves the outbox once acknowledged, and the draft is gone here: without this record a restored
server would hold the draft again and offer it to the devices that never pulled the deletion. What is kept
is what sending the deletion again needs, and nothing of the draft: its id, the version deleted here and the
deletion's own idempotency key (sync/resend.py sends it again under that key, so a server that still
knows the key answers it as before). Never the draft's content: a reporting party's identity must not
outlive the record on this device.

How long: KEEP_DAYS after the deletion (a restore is from a recent backup: the nightly dump, or point-in-time
recovery to just before a loss), and at most MAX_KEPT records (the oldest go first), so the table is bounded
whatever a device deletes. Written in the same transaction as the deletion (sync/outbox.queue_deletion), and
for a deletion pulled from the server (sync/apply_step.py: under a new key of this device's, the deletion's
own being unknown here), so a deletion whose device was lost since the backup is covered by those that pulled
it, as an incident version is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy.orm import Session

from .outbox_tables import KeptDeletionRow, OutboxRow
from .repository import IncidentStore
from .tables import IncidentRow

KEEP_DAYS = 180
MAX_KEPT = 10_000
_TABLE = KeptDeletionRow.__table__


@dataclass(frozen=True)
class KeptDeletion:
    idempotency_key: str
    incident_id: str
    base_version: int


def keep_in(session: Session, *, idempotency_key: str, incident_id: str, base_version: int) -> None:
    """Keeps this deletion (queued in this same transaction); the records past KEEP_DAYS or MAX_KEPT go."""
    at = datetime.now(UTC).replace(tzinfo=None)
    conn = session.connection()
    conn.execute(delete(_TABLE).where(_TABLE.c.kept_at < at - timedelta(days=KEEP_DAYS)))
    conn.execute(insert(_TABLE), {"idempotency_key": idempotency_key, "incident_id": incident_id,
                                  "base_version": base_version, "kept_at": at})
    over = (conn.execute(select(func.count()).select_from(_TABLE)).scalar_one() or 0) - MAX_KEPT
    if over > 0:
        oldest = select(_TABLE.c.idempotency_key).order_by(_TABLE.c.kept_at, _TABLE.c.idempotency_key).limit(over)
        conn.execute(delete(_TABLE).where(_TABLE.c.idempotency_key.in_(oldest)))


def acknowledged(store: IncidentStore) -> list[KeptDeletion]:
    """The kept deletions the server acknowledged (no longer queued here) of drafts this device does not hold
    again; the newest of each incident. A draft held here again (the server kept it: changed elsewhere, or
    past draft) is no deletion to send again: its records are forgotten."""
    held_again = select(IncidentRow.id).where(IncidentRow.id == _TABLE.c.incident_id)
    with store.transaction() as session:
        session.execute(delete(_TABLE).where(exists(held_again)))
        queued = select(OutboxRow.idempotency_key)
        rows = session.execute(select(_TABLE.c.idempotency_key, _TABLE.c.incident_id, _TABLE.c.base_version)
                               .where(_TABLE.c.idempotency_key.not_in(queued))
                               .order_by(_TABLE.c.kept_at, _TABLE.c.idempotency_key)).all()
    newest = {r.incident_id: KeptDeletion(r.idempotency_key, r.incident_id, r.base_version) for r in rows}
    return list(newest.values())


def count(store: IncidentStore) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(_TABLE)) or 0
