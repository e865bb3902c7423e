"""The sync step that applies: records from the server (a page of the feed, sync/pull_step.py) written into
the local store: through the same projection and listeners as any change (search index, links, audit trail),
but never queued back to the server, never over a local edit that is still waiting to be sent, and never over
an open conflict (sync/conflicts.py).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..domain.enums import Status
from ..domain.interchange import from_dict, to_dict
from ..domain.records import Incident
from ..domain.sealed_fields import ENVELOPE_KEY, only_rewrapped
from ..domain.workflow import TRANSITIONS
from ..storage.chunks import chunked
from ..storage.kept_deletions import keep_in
from ..storage.outbox_tables import OutboxRow, SyncConflictRow
from ..storage.repository import REMOTE_FLAG, IncidentStore
from ..storage.sealing_tables import ServerEnvelopeRow
from ..storage.tables import IncidentRow
from .conflicts import record_conflict_in
from .renumbering import held_here_in, wait_in
from .report import SYNC_ACTOR


def apply_remote_in(session: Session, store: IncidentStore, incidents: list[Incident], *,
                    deleted: Collection[tuple[str, int]] = (), records: Sequence[dict[str, Any]] = ()) -> int:
    """In the caller's transaction. Returns how many local records changed. Looks up a page's local
    versions, pending edits and open conflicts in a few queries, not one per record.

    `deleted`: (id, version) of the changes that are draft deletions (the incident is the draft's last
    content, one version up). A deletion removes the local copy, unless it was changed here meanwhile: then
    it is a conflict for the supervisor (theirs = the deleted draft), never a silent loss.

    `records`: if given, each incident's interchange dict (to_dict), in the same order: what the pull made
    to check it, stored as it is rather than made again."""
    session.info[REMOTE_FLAG] = True
    newest: dict[str, Incident] = {}
    made: dict[str, dict[str, Any]] = {}
    for n, inc in enumerate(incidents):  # a page may hold several versions of one incident: the newest counts
        if inc.id not in newest or inc.version >= newest[inc.id].version:  # (the later of one version twice: a re-wrap)
            newest[inc.id] = inc
            if n < len(records):
                made[inc.id] = records[n]
            else:
                made.pop(inc.id, None)
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
    envelopes: list[dict[str, object]] = []  # what the server holds of records kept here in clear
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
                # Kept (no content) to be sent again, under a key of this device's, should the server be restored
                # from an older backup: it also covers a deleting device lost since (sync/resend.py).
                keep_in(session, idempotency_key=str(uuid.uuid4()), incident_id=inc.id, base_version=inc.version - 1)
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
    store.add_incoming(session, fresh, SYNC_ACTOR, records=[made.get(inc.id) for inc in fresh])
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


def _keep_server_envelopes(session: Session, rows: list[dict[str, object]]) -> None:
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


def _content(inc: Incident) -> dict[str, Any]:
    record = to_dict(inc)
    for name in _WORKFLOW_FIELDS:
        record.pop(name, None)
    record["footage"] = [{k: v for k, v in item.items() if k not in _FOOTAGE_BOOKKEEPING} for item in record["footage"]]
    return record


def apply_remote(store: IncidentStore, incidents: list[Incident]) -> int:
    with store.transaction() as session:
        return apply_remote_in(session, store, incidents)
