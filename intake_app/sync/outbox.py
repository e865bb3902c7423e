"""Store extension (offline sync): every local change is queued for the server in the SAME transaction as the
change, with its own idempotency key, so a change is never saved without being queued or queued without
being saved.

Records that came FROM the server are written by `sync.apply_step.apply_remote`, which marks its session;
they are not queued again (no echo loop).
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ..domain.records import Incident
from ..storage import outbox_tables  # noqa: F401  (declares the tables on Base)
from ..storage.kept_deletions import keep_in
from ..storage.outbox_tables import OutboxRow
from ..storage.repository import REMOTE_FLAG, ChangeEvent, IncidentStore

DELETE_DRAFT = "delete_draft"  # OutboxRow.action of a deleted draft ("save" otherwise)
RESEND = "resend"  # the push action of a version sent again after a restore (sync/resend.py; wire PushItem.action)
_INSERT = insert(OutboxRow.__table__)


def on_change(session: Session, event: ChangeEvent) -> None:
    if session.info.get(REMOTE_FLAG):
        return
    if event.after is None:
        assert event.before is not None, "a deletion names the record it deletes"
        queue_deletion(session, event.before)
        return
    after = event.after
    session.connection().execute(_INSERT, {
        "idempotency_key": str(uuid.uuid4()),
        "incident_id": after.id,
        # Every change raises the version by one, so the edit was based on version - 1.
        "base_version": after.version - 1,
        "record_json": event.after_json,  # the very JSON the store wrote, serialised once
        "queued_at": datetime.now(UTC).replace(tzinfo=None),
    })


def queue_deletion(session: Session, draft: Incident) -> None:
    """A deleted draft is a change like any other: the server takes it out of its current set and the other
    devices delete their copies. Queued even when earlier versions still wait here: one of them may have
    reached the server already (an answer lost in a crash), and the server needs the deletion then too.
    Only the id travels; the deletion applies to the version this device held. It is also kept, without any
    of the draft's content, for a server later restored from an older backup (storage/kept_deletions.py)."""
    key = str(uuid.uuid4())
    keep_in(session, idempotency_key=key, incident_id=draft.id, base_version=draft.version)
    session.connection().execute(_INSERT, {
        "idempotency_key": key,
        "incident_id": draft.id,
        "base_version": draft.version,
        "record_json": json.dumps({"id": draft.id}),
        "queued_at": datetime.now(UTC).replace(tzinfo=None),
        "action": DELETE_DRAFT,
    })


def install(store: IncidentStore) -> None:
    store.add_listener(on_change)
