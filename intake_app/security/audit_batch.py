"""The audit trail for records that arrive many at once (a pulled page of the change feed, through
`IncidentStore.add_incoming`): the very entries `audit.on_change` appends for a new record (one per record,
naming it, with its state hash, by the sync actor), as one run of the chain (audit.append_entries): the
chain's end read once, one signature for the page, one statement. A batch holding any other kind of change is
handed to `audit.on_change` one change at a time.

Installed from `storage/opening.EXTENSION_MODULES` after `security.audit`, as that listener's batch variant.
`intake verify` checks these entries like any other (tests/sync/test_pull_batch.py).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..storage.repository import ChangeEvent, IncidentStore
from . import audit


def on_changes(session: Session, events: list[ChangeEvent]) -> None:
    if not all(event.before is None and event.after is not None for event in events):
        for event in events:
            audit.on_change(session, event)
        return
    audit.append_entries(session, [audit.NewEntry(event.actor, event.after.id, event.action,
                                                  new_value=event.after.report_number or "",
                                                  record_hash=audit.state_hash(event)) for event in events])


def install(store: IncidentStore) -> None:
    store.add_batch_variant(audit.on_change, on_changes)
