"""After the server was restored from a backup: what it had acknowledged and lost goes to it again, first.

The server renews its restore epoch when its database is restored (`intake server restored`). A device that
sees an epoch it has not reconciled with asks the server which version it holds of every incident held here
(POST /holdings, MAX_HOLDINGS ids a request: the newest version of the history it had before the restore,
its `line`) and sends again (push action `resend`, server/resends.py), before any other change, each
version above that line:

- an incident with nothing waiting here: its version here (made here, or pulled: another device's version
  the server had, so a device lost since the backup is covered by those that pulled its work);
- an incident with edits waiting: the server had acknowledged the version the first of them is based on; if
  it lacks it, that first edit is sent as a re-send (it holds all of the lost version and more) and is
  acknowledged like any queued change.

Then, the same way, each draft deletion made here and acknowledged, or pulled (storage/kept_deletions.py),
of a draft the server holds again: sent again under its key (server/draft_deletions.py), so every device of
the district deletes its copy again; and every link decision held here (link_decisions_sync.resend_decisions),
kept once by its key.

Records with an open conflict here are left to the supervisor's choice (it is sent when made). The epoch is
kept only once every re-send was answered, so a sync that stops half-way asks again next time.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, func, select

from ..storage import kept_deletions
from ..storage.chunks import chunked
from ..storage.outbox_tables import OutboxRow, SyncConflictRow
from ..storage.repository import IncidentStore
from ..storage.tables import IncidentRow
from ..wire.sync import MAX_HOLDINGS, RESENT_DELETION, Holding, HoldingsResponse
from . import link_decisions_sync, state
from .client import HostileAnswer, Rejected, RestoredMeanwhile, SyncClient
from .outbox import DELETE_DRAFT, RESEND
from .push_step import send_rows
from .report import SyncReport
from .sealing_step import Sealer

SERVER_EPOCH, LAST_RESTORE = state.SERVER_EPOCH, state.LAST_RESTORE


def resend_lost(store: IncidentStore, client: SyncClient, report: SyncReport, *, batch: int) -> None:
    """When the server has a restore epoch this device has not reconciled with: every version it lacks is sent
    again, in batches, a record it refuses found by halves and kept here (said in the notes); the epoch is
    kept once all are answered."""
    epoch = new_epoch(store, client)
    if epoch is None:
        _watched_deletions(store, client, report, batch=batch)
        return
    rows, unknown = lacking(store, client, epoch)
    sealer = Sealer(store)
    refused: dict[str, str] = {}
    for start in range(0, len(rows), batch):
        send_rows(store, client, report, rows[start:start + batch], refused, sealer)
    _, queued, decisions_refused = link_decisions_sync.resend_decisions(store, client)
    if decisions_refused:
        report.notes.append(f"the server refused {len(decisions_refused)} link decision(s) sent again after its "
                            f"restore; they are kept here. First reason: {decisions_refused[0]}")
    if queued:
        report.notes.append(f"server restored from backup: {queued} link decision(s) sent again wait for an incident "
                            "the server does not hold yet; they stay queued")
    kept_deletions.watch(store, unknown)
    settled(store, report, epoch, refused)


@dataclass(frozen=True)
class Resend:
    """One version to send again, in the shape the push sends (sync/push_step.py). `id`: the
    queued change it is, when it is the first edit waiting for its incident; None for a version held here."""

    id: int | None
    idempotency_key: str
    incident_id: str
    base_version: int
    record_json: str
    action: str = RESEND


def new_epoch(store: IncidentStore, client: SyncClient) -> str | None:
    """The server's epoch when this device has not reconciled with it yet; None when it has, or when the
    server is older than epochs (it answers 404: nothing to do)."""
    try:
        epoch = client.epoch().epoch
    except Rejected as exc:
        if exc.status in (404, 405):
            return None
        raise
    return None if epoch == state.read(store, SERVER_EPOCH) else epoch


def lacking(store: IncidentStore, client: SyncClient, epoch: str) -> tuple[list[Resend], list[str]]:
    """Every version held here that the server lacks (see the module's text), in the order of the store; then
    every draft deletion kept here that it lacks (it holds the draft again). And the drafts of kept deletions it
    holds nothing of (made after its backup): watched at the next syncs (_watched_deletions)."""
    acknowledged = _acknowledged(store)
    deletions = {d.incident_id: d for d in kept_deletions.acknowledged(store) if d.incident_id not in acknowledged}
    held: dict[str, Holding] = {}
    ids = [*acknowledged, *deletions]
    for start in range(0, len(ids), MAX_HOLDINGS):  # bounded: one request per MAX_HOLDINGS incidents asked about
        asked = ids[start:start + MAX_HOLDINGS]
        held.update(_checked(client.holdings(asked), asked, epoch))
    # Above the server's line: it lacks that version, or holds another one made since the restore (then the
    # re-send is a conflict for the supervisor, never a silent difference between this device and the server).
    missing = {i: v for i, v in acknowledged.items() if (held[i].line if i in held else 0) < v}
    found: list[Resend] = []
    with store.reading() as session:
        for chunk in chunked(list(missing)):
            waiting = [Resend(r.id, r.idempotency_key, r.incident_id, r.base_version, r.record_json)
                       for r in session.scalars(select(OutboxRow).where(OutboxRow.id.in_(_first_waiting(chunk))))]
            queued = {r.incident_id for r in waiting}
            found += waiting
            found += [Resend(None, str(uuid.uuid4()), r.id, r.version - 1, r.record_json) for r in session.execute(
                select(IncidentRow.id, IncidentRow.version, IncidentRow.record_json).where(IncidentRow.id.in_(chunk)))
                if r.id not in queued]
    # A deletion the server lacks: it holds the draft (not its deletion). Sent again under its own key, marked
    # as sent again (server/draft_deletions.py: it applies to the draft's history before the restore, never to
    # an edit made since, which is a conflict as before); only the id travels, as the first time.
    found += [_deletion(d) for i, d in deletions.items() if i in held and not held[i].deleted]
    return found, [i for i in deletions if i not in held]


def _deletion(kept: kept_deletions.KeptDeletion) -> Resend:
    return Resend(None, kept.idempotency_key, kept.incident_id, kept.base_version,
                  json.dumps({"id": kept.incident_id, RESENT_DELETION: True}), DELETE_DRAFT)


def _watched_deletions(store: IncidentStore, client: SyncClient, report: SyncReport, *, batch: int) -> None:
    """A draft made and deleted after the backup is unknown to the restored server, until a device that pulled
    it (not its deletion) sends it again, perhaps after this one reconciled: while its deletion is watched
    (storage/kept_deletions.py), each sync asks about it again and sends the deletion again once the server
    holds the draft. Nothing to ask, most syncs (no request then)."""
    epoch = state.read(store, SERVER_EPOCH)
    watched = {d.incident_id: d for d in kept_deletions.watched(store)} if epoch else {}
    if not watched:
        return
    held: dict[str, Holding] = {}
    ids = list(watched)
    for start in range(0, len(ids), MAX_HOLDINGS):  # bounded: one request per MAX_HOLDINGS watched deletions
        asked = ids[start:start + MAX_HOLDINGS]
        held.update(_checked(client.holdings(asked), asked, epoch))
    rows = [_deletion(d) for i, d in watched.items() if i in held and not held[i].deleted]
    sealer = Sealer(store)
    refused: dict[str, str] = {}
    for start in range(0, len(rows), batch):
        send_rows(store, client, report, rows[start:start + batch], refused, sealer)
    if refused:
        report.notes.append(f"the server refused {len(refused)} draft deletion(s) sent again after its restore; "
                            f"first reason: {next(iter(refused.values()))}")
    kept_deletions.unwatch(store, [i for i in ids if i in held])  # answered: deleted again, or a conflict


def _first_waiting(incident_ids: list[str] | None = None) -> Select[Any]:
    """The queue position of the first change waiting for each incident (of these, or of all)."""
    first = select(func.min(OutboxRow.id)).group_by(OutboxRow.incident_id)
    return first.where(OutboxRow.incident_id.in_(incident_ids)) if incident_ids is not None else first


def _acknowledged(store: IncidentStore) -> dict[str, int]:
    """incident id -> the version the server acknowledged (as far as this device knows), for every incident
    held here that has one and no open conflict."""
    with store.reading() as session:
        versions = {r.id: r.version for r in session.execute(select(IncidentRow.id, IncidentRow.version))}
        first = session.execute(select(OutboxRow.incident_id, OutboxRow.base_version, OutboxRow.action)
                                .where(OutboxRow.id.in_(_first_waiting()))).all()
        conflicted = set(session.scalars(select(SyncConflictRow.incident_id)))
    for row in first:
        # The first change waiting was based on what the server had acknowledged (0: never sent). A waiting
        # deletion goes as it is (its draft is gone here, so nothing here could be sent again).
        if row.action == DELETE_DRAFT or row.base_version < 1:
            versions.pop(row.incident_id, None)
        else:
            versions[row.incident_id] = row.base_version
    return {i: v for i, v in versions.items() if i not in conflicted}


def _checked(answer: HoldingsResponse, asked: list[str], epoch: str) -> dict[str, Holding]:
    """incident id -> what the server holds of it (its line: wire Holding.line), taken only in the shape asked
    for: ids asked, each once, a line not above the version, of the epoch reconciled."""
    wanted = set(asked)
    found: dict[str, Holding] = {}
    for h in answer.holdings:
        if h.incident_id not in wanted:
            raise HostileAnswer(f"The server answered which records it holds with incident {h.incident_id}, which "
                                "this device did not ask about; nothing was sent again (the next sync asks again).")
        if h.incident_id in found:
            raise HostileAnswer(f"The server named incident {h.incident_id} twice in which records it holds; "
                                "nothing was sent again (the next sync asks again).")
        if h.line > h.version:
            raise HostileAnswer(f"The server said it holds version {h.version} of incident {h.incident_id} and a "
                                f"later one ({h.line}) from before its restore; nothing was sent again.")
        found[h.incident_id] = h
    if answer.epoch != epoch:
        raise RestoredMeanwhile("The server was restored from a backup again during this sync; the next sync sends "
                                "again what it lacks (everything here is kept).")
    return found


def settled(store: IncidentStore, report: SyncReport, epoch: str, refused: dict[str, str]) -> None:
    """Every re-send answered: this epoch is reconciled. A restore is said (the sync's notes and --status) when
    it follows an epoch this device knew, or when anything was sent again."""
    known = state.read(store, SERVER_EPOCH)
    values = {SERVER_EPOCH: epoch}
    if known or report.resent or refused:
        note = restore_sentence(report.resent, len(refused))
        report.notes.append(note + (f" (first reason: {next(iter(refused.values()))})" if refused else ""))
        values[LAST_RESTORE] = json.dumps({"at": datetime.now(UTC).isoformat(timespec="seconds"),
                                           "resent": report.resent, "refused": len(refused)})
    state.write(store, **values)


def restore_sentence(resent: int, refused: int) -> str:
    said = f"server restored from backup: re-sent {resent} records"
    if refused:
        said += f"; {refused} the server refused, kept here"
    return said

