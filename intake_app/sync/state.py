"""The device's sync state in the local store: server, cursor, last sync, last error, pending count."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..storage.links.tables import LinkDecisionOutboxRow
from ..storage.meta import read_value, write_value
from ..storage.outbox_tables import OutboxRow, SyncConflictRow, SyncStateRow
from ..storage.repository import IncidentStore

SERVER_URL, CA_BUNDLE, DEVICE_ID, INSTALLATION = "server_url", "ca_bundle", "device_id", "installation"
CURSOR, LAST_SYNC, LAST_ERROR, AUDIT_HEAD, AUDIT_ENTRIES = "cursor", "last_sync_at", "last_error", "audit_head", "audit_entries"
DISTRICT, HEADQUARTERS = "district", "headquarters"
# The server found this device's audit chain cut: kept (never cleared by a later sync) so the app shows it.
AUDIT_ALARM = "audit_alarm"
SETTLED_CONFLICTS = "settled_conflicts"  # JSON list of server conflict ids settled here by taking theirs
# JSON list of pulled records this app refused (invalid: a year out of range, a control character...), each
# {"seq", "incident", "path", "message", "record"}: set aside, not stored, shown to the user as rejected.
QUARANTINED = "quarantined_records"
SERVER_EPOCH = "server_epoch"  # the server's restore epoch this device last reconciled with (sync/resend.py)
# JSON {"at", "resent", "refused"}: the last restore of the server from a backup this device noticed
LAST_RESTORE = "last_restore"


def get(session: Session, key: str, default: str = "") -> str:
    value = read_value(session, SyncStateRow, key)
    return default if value is None else value


def put(session: Session, key: str, value: str) -> None:
    write_value(session, SyncStateRow, key, value)


def read(store: IncidentStore, key: str, default: str = "") -> str:
    with store.reading() as session:
        return get(session, key, default)


def write(store: IncidentStore, **values: str) -> None:
    with store.transaction() as session:
        for key, value in values.items():
            put(session, key, value)


def installation_id(store: IncidentStore) -> str:
    """Names this store's secrets in the keyring (one computer may hold several stores)."""
    with store.transaction() as session:
        value = get(session, INSTALLATION)
        if not value:
            value = str(uuid.uuid4())
            put(session, INSTALLATION, value)
        return value


@dataclass(frozen=True)
class SyncStatus:
    server_url: str
    enrolled: bool
    last_sync_at: str
    pending: int
    conflicts: int
    last_error: str
    alarm: str = ""
    quarantined: int = 0
    # The last restore of the server from a backup this device noticed (sync/resend.py): when, and how many of
    # the versions it had lost were sent again from here ("" and 0: none noticed).
    restored_at: str = ""
    resent: int = 0


def status(store: IncidentStore) -> SyncStatus:
    with store.reading() as session:
        pending = session.scalar(select(func.count()).select_from(OutboxRow)) or 0
        # A reviewer's link decision waiting for the server is a change to send too.
        pending += session.scalar(select(func.count()).select_from(LinkDecisionOutboxRow)) or 0
        conflicts = session.scalar(select(func.count()).select_from(SyncConflictRow)) or 0
        quarantined = len(json.loads(get(session, QUARANTINED, "[]") or "[]"))
        restore = _last_restore(get(session, LAST_RESTORE))
        return SyncStatus(get(session, SERVER_URL), bool(get(session, DEVICE_ID)), get(session, LAST_SYNC),
                          pending, conflicts, get(session, LAST_ERROR), get(session, AUDIT_ALARM), quarantined,
                          str(restore.get("at", ""))[:40], _count(restore.get("resent")))


def _last_restore(value: str) -> dict[str, object]:
    try:
        found = json.loads(value or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _count(value: object) -> int:
    return value if isinstance(value, int) and value >= 0 else 0
