"""Store extension (issue 4): every local change is queued for the server in the SAME transaction as the
change, with its own idempotency key, so a change is never saved without being queued or queued without
being saved.

Records that came FROM the server are written by `sync.remote.apply_remote`, which marks its session;
they are not queued again (no echo loop).
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

from sqlalchemy import insert
from sqlalchemy.orm import Session

from ..domain.interchange import to_dict
from ..storage import outbox_tables  # noqa: F401  (declares the tables on Base)
from ..storage.outbox_tables import OutboxRow
from ..storage.repository import ChangeEvent, IncidentStore

REMOTE_FLAG = "intake_sync_remote"  # in Session.info: this transaction applies records from the server
_INSERT = insert(OutboxRow.__table__)


def on_change(session: Session, event: ChangeEvent) -> None:
    if session.info.get(REMOTE_FLAG) or event.after is None:
        # Deleting a draft is not sent: the server keeps what it received (nothing is lost there).
        return
    after = event.after
    session.connection().execute(_INSERT, {
        "idempotency_key": str(uuid.uuid4()),
        "incident_id": after.id,
        # Every change raises the version by one, so the edit was based on version - 1.
        "base_version": after.version - 1,
        "record_json": json.dumps(to_dict(after), ensure_ascii=False),
        "queued_at": datetime.now(UTC).replace(tzinfo=None),
    })


def install(store: IncidentStore) -> None:
    store.add_listener(on_change)
