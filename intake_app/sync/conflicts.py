"""Open conflicts: a version the server holds that differs from the one here, kept both ways until a
supervisor chooses (the Conflicts screen), and the sync step that tells the server which were settled here
by taking theirs.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..domain.actor import Actor
from ..domain.interchange import from_dict
from ..domain.records import Incident
from ..storage.outbox_tables import OutboxRow, SyncConflictRow
from ..storage.repository import REMOTE_FLAG, IncidentStore
from ..storage.tables import IncidentRow
from . import state

if TYPE_CHECKING:  # the client brings httpx and pydantic: not imported where the Conflicts screen opens
    from .client import SyncClient


def send_settled(store: IncidentStore, client: SyncClient) -> None:
    """The conflicts settled here by taking theirs since the last sync, told to the server."""
    settled = json.loads(state.read(store, state.SETTLED_CONFLICTS, "[]"))
    if settled:
        client.resolve_conflicts(settled)
        with store.transaction() as session:  # keep any settled meanwhile
            now_settled = json.loads(state.get(session, state.SETTLED_CONFLICTS, "[]"))
            state.put(session, state.SETTLED_CONFLICTS, json.dumps([i for i in now_settled if i not in settled]))


def record_conflict_in(session: Session, *, mine_json: str, theirs: dict[str, Any] | None, server_conflict_id: int | None,
                       theirs_deleted: bool = False) -> None:
    mine = json.loads(mine_json)
    row = session.get(SyncConflictRow, mine["id"])
    theirs_json = json.dumps(theirs, ensure_ascii=False) if theirs is not None else "{}"
    if row is None:
        session.add(SyncConflictRow(incident_id=mine["id"], mine_json=mine_json, theirs_json=theirs_json,
                                    server_conflict_id=server_conflict_id, theirs_deleted=theirs_deleted,
                                    detected_at=datetime.now(UTC).replace(tzinfo=None)))
    else:
        row.mine_json, row.theirs_json, row.server_conflict_id = mine_json, theirs_json, server_conflict_id
        row.theirs_deleted = theirs_deleted


def conflicts(store: IncidentStore) -> list[tuple[Incident, Incident]]:
    """(mine, theirs) for every open conflict."""
    with store.reading() as session:
        rows = session.scalars(select(SyncConflictRow).order_by(SyncConflictRow.detected_at)).all()
        return [(from_dict(json.loads(r.mine_json)), from_dict(json.loads(r.theirs_json))) for r in rows]


def deleted_theirs(store: IncidentStore) -> set[str]:
    """Incidents whose open conflict is with a deletion: another device deleted the draft this one edited
    (taking theirs deletes it here; keeping mine restores it everywhere)."""
    with store.reading() as session:
        return set(session.scalars(select(SyncConflictRow.incident_id).where(SyncConflictRow.theirs_deleted.is_(True))))


def keep_mine(store: IncidentStore, incident_id: str, actor: Actor) -> Incident:
    """Our version wins: saved on top of theirs (version theirs + 1) and queued; theirs stays in the
    server's history and conflicts table."""
    with store.transaction() as session:
        row = session.get(SyncConflictRow, incident_id)
        if row is None:
            raise LookupError(f"No open conflict for incident {incident_id}")
        mine, theirs = from_dict(json.loads(row.mine_json)), from_dict(json.loads(row.theirs_json))
        local = session.get(IncidentRow, incident_id)
        if local is None:
            raise LookupError(f"Incident {incident_id} is not in this store")
        before = from_dict(json.loads(local.record_json))
        mine.version = theirs.version + 1  # so the queued edit is based on exactly what the server holds
        mine.updated_at = store.clock()
        session.execute(delete(OutboxRow).where(OutboxRow.incident_id == incident_id))
        session.delete(row)
        store.replace_incoming(session, before, mine, actor)  # queued: based on theirs
        return mine


def take_theirs(store: IncidentStore, incident_id: str, actor: Actor) -> Incident:
    with store.transaction() as session:
        row = session.get(SyncConflictRow, incident_id)
        if row is None:
            raise LookupError(f"No open conflict for incident {incident_id}")
        theirs = from_dict(json.loads(row.theirs_json))
        local = session.get(IncidentRow, incident_id)
        if local is None:
            raise LookupError(f"Incident {incident_id} is not in this store")
        before = from_dict(json.loads(local.record_json))
        if row.server_conflict_id is not None:  # told to the server at the next sync
            settled = json.loads(state.get(session, state.SETTLED_CONFLICTS, "[]"))
            state.put(session, state.SETTLED_CONFLICTS, json.dumps([*settled, row.server_conflict_id]))
        session.info[REMOTE_FLAG] = True
        session.execute(delete(OutboxRow).where(OutboxRow.incident_id == incident_id))
        if row.theirs_deleted:  # theirs is a deletion: the supervisor accepts it, our edit is dropped
            session.delete(row)
            store.remove_incoming(session, before, actor)
            return theirs
        session.delete(row)
        store.replace_incoming(session, before, theirs, actor)
        return theirs
