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

A draft made and deleted after the backup is unknown to the restored server: nothing to delete. But a device
that pulled the draft and not its deletion sends the draft again when it reconciles, after this one perhaps.
So such a deletion is watched (`watch_until`, WATCH_DAYS after the reconciling): each sync asks the server
about the watched drafts again, and sends the deletion again once it holds one (sync/resend.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from .chunks import chunked
from .outbox_tables import KeptDeletionRow, OutboxRow
from .repository import IncidentStore
from .tables import IncidentRow

KEEP_DAYS = 180
MAX_KEPT = 10_000
WATCH_DAYS = 14  # the devices of a district sync within days of a restore (docs/SERVER.md, step 6)
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


def acknowledged(store: IncidentStore, *, watched_after: datetime | None = None) -> list[KeptDeletion]:
    """The kept deletions the server acknowledged (no longer queued here) of drafts this device does not hold
    again; the newest of each incident (`watched_after`: only those watched beyond that time). A draft held
    here again (the server kept it: changed elsewhere, or past draft) is no deletion to send again: its
    records are forgotten."""
    held_again = select(IncidentRow.id).where(IncidentRow.id == _TABLE.c.incident_id)
    with store.transaction() as session:
        session.execute(delete(_TABLE).where(exists(held_again)))
        queued = select(OutboxRow.idempotency_key)
        chosen = select(_TABLE.c.idempotency_key, _TABLE.c.incident_id, _TABLE.c.base_version).where(
            _TABLE.c.idempotency_key.not_in(queued))
        if watched_after is not None:
            chosen = chosen.where(_TABLE.c.watch_until > watched_after)
        rows = session.execute(chosen.order_by(_TABLE.c.kept_at, _TABLE.c.idempotency_key)).all()
    newest = {r.incident_id: KeptDeletion(r.idempotency_key, r.incident_id, r.base_version) for r in rows}
    return list(newest.values())


def watch(store: IncidentStore, incident_ids: list[str]) -> None:
    """Watch these kept deletions (of drafts the restored server holds nothing of) for WATCH_DAYS from now; the
    others are watched no more (a new reconciling decides afresh)."""
    until = datetime.now(UTC).replace(tzinfo=None) + timedelta(days=WATCH_DAYS)
    with store.transaction() as session:
        session.execute(update(_TABLE).values(watch_until=None))
        for chunk in chunked(incident_ids):
            session.execute(update(_TABLE).where(_TABLE.c.incident_id.in_(chunk)).values(watch_until=until))


def unwatch(store: IncidentStore, incident_ids: list[str]) -> None:
    with store.transaction() as session:
        for chunk in chunked(incident_ids):
            session.execute(update(_TABLE).where(_TABLE.c.incident_id.in_(chunk)).values(watch_until=None))


def watched(store: IncidentStore) -> list[KeptDeletion]:
    """The acknowledged kept deletions (as `acknowledged`) still watched now; none, most syncs."""
    now = datetime.now(UTC).replace(tzinfo=None)
    with store.reading() as session:
        if not session.scalar(select(func.count()).select_from(_TABLE).where(_TABLE.c.watch_until > now)):
            return []
    return acknowledged(store, watched_after=now)
