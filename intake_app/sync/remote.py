"""Records from the server written into the local store: through the same projection and listeners as
any change (search index, links, audit trail), but never queued back to the server, never over a local
edit that is still waiting to be sent, and never over an open conflict.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..domain.actor import Actor
from ..domain.enums import Status
from ..domain.interchange import from_dict, to_dict
from ..domain.records import Incident
from ..domain.sealed_fields import ENVELOPE_KEY, only_rewrapped
from ..domain.workflow import TRANSITIONS
from ..storage.chunks import chunked
from ..storage.outbox_tables import OutboxRow, SyncConflictRow
from ..storage.repository import REMOTE_FLAG, IncidentStore
from ..storage.sealing_tables import ServerEnvelopeRow
from ..storage.tables import IncidentRow
from . import state
from .renumbering import held_here_in, wait_in

SYNC_ACTOR = Actor("Sync from the server", "")


def apply_remote_in(session: Session, store: IncidentStore, incidents: list[Incident], *,
                    deleted: Collection[tuple[str, int]] = ()) -> int:
    """In the caller's transaction. Returns how many local records changed. Looks up a page's local
    versions, pending edits and open conflicts in a few queries, not one per record.

    `deleted`: (id, version) of the changes that are draft deletions (the incident is the draft's last
    content, one version up). A deletion removes the local copy, unless it was changed here meanwhile: then
    it is a conflict for the supervisor (theirs = the deleted draft), never a silent loss."""
    session.info[REMOTE_FLAG] = True
    newest: dict[str, Incident] = {}
    for inc in incidents:  # a page may hold several versions of one incident: the newest counts (the later of
        if inc.id not in newest or inc.version >= newest[inc.id].version:  # one version twice: a re-wrap)
            newest[inc.id] = inc
    local: dict[str, tuple[int, str]] = {}
    pending: set[str] = set()
    conflicted: set[str] = set()
    for chunk in chunked(newest):
        local.update((r.id, (r.version, r.record_json)) for r in session.execute(
            select(IncidentRow.id, IncidentRow.version, IncidentRow.record_json).where(IncidentRow.id.in_(chunk))))
        pending.update(session.scalars(select(OutboxRow.incident_id).where(OutboxRow.incident_id.in_(chunk))))
        conflicted.update(session.scalars(select(SyncConflictRow.incident_id).where(SyncConflictRow.incident_id.in_(chunk))))
    held_here = held_here_in(session, newest.values())  # its report number is held by another record here
    changed = 0
    fresh: list[Incident] = []
    envelopes: list[dict] = []  # what the server holds of records kept here in clear
    for inc in newest.values():
        known = local.get(inc.id)
        deletion = (inc.id, inc.version) in deleted
        if inc.id in held_here and not deletion:
            wait_in(session, inc, held_here[inc.id])
            continue
        if known is not None and known[0] == inc.version and inc.sealed is not None and not deletion:
            if not _holds_envelope(known[1]):  # our own change coming back: its envelope is the server's
                envelopes.append({"incident_id": inc.id, "version": inc.version,
                                  "envelope_json": json.dumps(inc.sealed, ensure_ascii=False)})
            elif inc.id not in conflicted and _rewrapped(before := from_dict(json.loads(known[1])), inc):
                store.replace_incoming(session, before, inc, SYNC_ACTOR)  # new readers, nothing else changed
                changed += 1
            continue
        if known is not None and known[0] >= inc.version:
            continue  # our own change coming back, or older than what we hold
        if inc.id in conflicted:
            row = session.get(SyncConflictRow, inc.id)
            assert row is not None, "conflicted: the ids of this store's open conflict rows"
            row.theirs_json, row.theirs_deleted = json.dumps(to_dict(inc), ensure_ascii=False), deletion
            continue
        if inc.id in pending:
            continue  # our unsent edit will meet this version at the server and become a visible conflict
        if deletion:
            if known is not None:
                store.remove_incoming(session, from_dict(json.loads(known[1])), SYNC_ACTOR)
                changed += 1
            continue  # a draft deleted before it ever reached this device: nothing to do
        if known is None:
            fresh.append(inc)
            continue
        before = from_dict(json.loads(known[1]))
        if rewrites_settled(before, inc):
            # An approved or referred record is never silently rewritten by the server: both versions are kept
            # and the reviewer decides (the Conflicts screen).
            record_conflict_in(session, mine_json=known[1], theirs=to_dict(inc), server_conflict_id=None)
            continue
        store.replace_incoming(session, before, inc, SYNC_ACTOR)
        changed += 1
    # Records new here (all of them on a first sync): projected, indexed and audited a page at a time.
    store.add_incoming(session, fresh, SYNC_ACTOR)
    _keep_server_envelopes(session, envelopes)
    return changed + len(fresh)


def _holds_envelope(record_json: str) -> bool:
    # The canonical text names the key `"sealed":` only as the envelope (inside a string it reads \"sealed\":).
    return f'"{ENVELOPE_KEY}":' in record_json


def _rewrapped(before: Incident, after: Incident) -> bool:
    """A pulled record at the version held here that only gives its envelope more readers (a re-wrap,
    server/rewraps.py). Anything else at a version already held is not taken: a version is written once."""
    if not only_rewrapped(before.sealed, after.sealed):
        return False
    mine, theirs = to_dict(before), to_dict(after)
    mine.pop(ENVELOPE_KEY), theirs.pop(ENVELOPE_KEY)
    return mine == theirs


def _keep_server_envelopes(session: Session, rows: list[dict]) -> None:
    if not rows:
        return
    stmt = sqlite_insert(ServerEnvelopeRow)
    session.execute(stmt.on_conflict_do_update(index_elements=[ServerEnvelopeRow.incident_id], set_={
        "version": stmt.excluded.version, "envelope_json": stmt.excluded.envelope_json}), rows)


# Past review, a record's content is settled. What may still change: its workflow (status forward, history
# appended, the referral's date and CCSAO number) and the footage's preservation and hash bookkeeping.
SETTLED = (Status.APPROVED, Status.REFERRED, Status.RECORDED, Status.CLOSED)
_WORKFLOW_FIELDS = ("status", "history", "version", "updated_at", "referral_sent_at", "ccsao_reference")
_FOOTAGE_BOOKKEEPING = ("preservation_status", "preservation_requested_at", "preservation_deadline", "sha256",
                        "file_size", "file_mtime", "hashed_at")


def rewrites_settled(before: Incident, after: Incident) -> bool:
    """Whether `after` (the server's) changes a settled record other than by moving its workflow on."""
    if before.status not in SETTLED:
        return False
    if after.status != before.status and after.status not in TRANSITIONS.get(before.status, ()):
        return True
    if after.history[:len(before.history)] != before.history:
        return True
    if before.referral_sent_at is not None and after.referral_sent_at != before.referral_sent_at:
        return True
    if before.ccsao_reference and after.ccsao_reference != before.ccsao_reference:
        return True
    return _content(before) != _content(after)


def _content(inc: Incident) -> dict:
    record = to_dict(inc)
    for name in _WORKFLOW_FIELDS:
        record.pop(name, None)
    record["footage"] = [{k: v for k, v in item.items() if k not in _FOOTAGE_BOOKKEEPING} for item in record["footage"]]
    return record


def apply_remote(store: IncidentStore, incidents: list[Incident]) -> int:
    with store.transaction() as session:
        return apply_remote_in(session, store, incidents)


# ---------------------------------------------------------------- conflicts

def record_conflict_in(session: Session, *, mine_json: str, theirs: dict | None, server_conflict_id: int | None,
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


def take_back_in(session: Session, store: IncidentStore, record: dict | None) -> None:
    """The server's version of a draft this device deleted while another device changed it: stored here
    again (as a record from the server, audited as such), so the deletion loses nothing."""
    if record is None:
        return
    inc = from_dict(record)
    if session.get(IncidentRow, inc.id) is not None:
        return
    apply_remote_in(session, store, [inc])


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
