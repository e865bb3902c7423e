"""The audit trail for records that arrive many at once (a pulled page of the change feed, through
`IncidentStore.add_incoming`): the very entries `audit.on_change` appends for a new record (one per record,
naming it, with its state hash, by the sync actor), chained and signed the same way, but the chain's end is
read once and the page's entries are written in one statement. A batch holding any other kind of change is
handed to `audit.on_change` one change at a time.

Installed from `storage/opening.EXTENSION_MODULES` after `security.audit`, as that listener's batch variant.
`intake verify` checks these entries like any other (tests/sync/test_pull_batch.py).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..storage.audit_tables import AuditEntryRow
from ..storage.repository import ChangeEvent, IncidentStore
from . import audit
from .audit_keys import machine_name, signing_key

_LAST_ENTRY = select(AuditEntryRow.seq, AuditEntryRow.entry_hash).order_by(AuditEntryRow.seq.desc()).limit(1)
_INSERT_ENTRIES = insert(AuditEntryRow.__table__)


def on_changes(session: Session, events: list[ChangeEvent]) -> None:
    if not all(event.before is None and event.after is not None for event in events):
        for event in events:
            audit.on_change(session, event)
        return
    kid, private = signing_key(session)
    machine = machine_name(session)
    conn = session.connection()
    last = conn.execute(_LAST_ENTRY).first()
    seq, prev = (last.seq, last.entry_hash) if last else (0, "")
    at = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for event in events:
        after = event.after
        seq += 1
        values = {"seq": seq, "at": at, "actor_name": event.actor.name, "actor_star": event.actor.star,
                  "machine": machine, "incident_id": after.id, "action": event.action, "field_path": "",
                  "old_value": "", "new_value": after.report_number or "", "record_hash": audit.state_hash(event),
                  "key_id": kid, "prev_hash": prev}
        body = audit.canonical_entry(values)
        values["entry_hash"] = prev = hashlib.sha256(body).hexdigest()
        values["signature"] = private.sign(body).hex()
        rows.append(values)
    if rows:
        conn.execute(_INSERT_ENTRIES, rows)


def install(store: IncidentStore) -> None:
    store.add_batch_variant(audit.on_change, on_changes)
