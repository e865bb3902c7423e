"""Store extension of linked incidents: keeps the link indexes in step with every change, in the same transaction.

Named in `opening.EXTENSION_MODULES`. Sync imports records through `IncidentStore.import_incidents`,
which fires the same listener, so a headquarters store indexes other districts' records as they arrive
and finds links across districts without anything more.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..repository import ChangeEvent, IncidentStore
from . import tables  # noqa: F401  (declares the tables on Base)
from .index import index_incident, index_new, needs_reindex, unindex_incident


def on_change(session: Session, event: ChangeEvent) -> None:
    conn = session.connection()
    if event.action == "delete" and event.before is not None:
        unindex_incident(conn, event.before.id)
    elif event.after is not None and needs_reindex(event.before, event.after):
        index_incident(conn, event.after, fresh=event.before is None)


def on_changes(session: Session, events: list[ChangeEvent]) -> None:
    """The batch form of on_change (IncidentStore.add_incoming): new records indexed a page at a time."""
    fresh = [event.after for event in events if event.before is None and event.after is not None]
    if len(fresh) == len(events):
        index_new(session.connection(), fresh)
        return
    for event in events:
        on_change(session, event)


def install(store: IncidentStore) -> None:
    store.add_listener(on_change)
    store.add_batch_variant(on_change, on_changes)
