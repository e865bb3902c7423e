"""The sync step that re-wraps: when this device's readers change (a reviewer added here or on another
computer of the district, a privacy officer's key newly published), the envelopes already on the server of
the records this station sealed get the new readers' wraps of their data key, opened with the station's own
key (every record sealed here is sealed to it). The content and every existing wrap stay byte-identical;
the server checks that (server/rewraps.py) and puts the record, at the same version, in the change feed,
where every device holding it takes the new wraps (sync/apply_step.py).

Records another computer sealed are not opened here (this station's key is not among their readers): that
computer re-wraps them when it learns the new keys at its own sync. A disabled user is no longer a reader,
so never gets a new wrap; wraps they had stay (a wrap cannot be taken back from a copy already made).
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..domain.sealed_fields import ENVELOPE_KEY
from ..security import sealing
from ..storage.outbox_tables import OutboxRow
from ..storage.repository import IncidentStore
from ..storage.sealing_tables import ServerEnvelopeRow
from ..storage.tables import IncidentRow
from ..wire.rewraps import MAX_REWRAPS
from . import sealing_step, state
from .client import Rejected

if TYPE_CHECKING:  # for the types only: the client brings httpx and pydantic
    from .client import SyncClient
    from .report import SyncReport

REWRAPPED_FOR = "rewrapped_for_readers"  # sync_state: the readers' fingerprint the last complete re-wrap served


def rewrap(store: IncidentStore, client: SyncClient, report: SyncReport) -> None:
    """Sends the re-wrapped envelopes in batches of MAX_REWRAPS. Runs again at the next sync until every
    record the station key opens is wrapped to the present readers (a record changed meanwhile on the server
    is re-wrapped in its new version, once this device holds it)."""
    wanted = sealing_step.fixed_readers(store)
    fingerprint = hashlib.sha256(",".join(sorted(sealing.key_id(k) for k in wanted)).encode()).hexdigest()
    if state.read(store, REWRAPPED_FOR) == fingerprint:
        return
    opener = sealing_step.station_key(store)
    complete = True
    items: list[dict[str, Any]] = []
    for incident_id, version, envelope in _sealed_on_server(store):  # read whole first: no read open while sending
        if version is None:
            complete = False  # a local change not yet acknowledged: re-wrapped once the server holds it
            continue
        try:
            rewrapped = sealing.add_recipients(incident_id, envelope, opener, wanted)
        except sealing.CannotOpen:
            continue  # sealed on another computer: re-wrapped there
        if rewrapped is not envelope:
            items.append({"incident_id": incident_id, "version": version, "sealed": rewrapped})
    for start in range(0, len(items), MAX_REWRAPS):
        complete = _send(store, client, report, items[start:start + MAX_REWRAPS]) and complete
    if complete:
        state.write(store, **{REWRAPPED_FOR: fingerprint})


def _send(store: IncidentStore, client: SyncClient, report: SyncReport, batch: list[dict[str, Any]]) -> bool:
    """True when the server took every re-wrap of the batch (none stale)."""
    try:
        answer = client.rewrap(batch)
    except Rejected as exc:
        if exc.status in (404, 405):  # a server from before re-wraps: new readers read what is sealed from now on
            report.notes.append("the server does not take re-wrapped envelopes yet; readers added since a record "
                                "was sent read it once it is sent again")
            return False
        raise
    sent = {item["incident_id"]: item for item in batch}
    applied = [r for r in answer.results if r.outcome == "applied" and r.incident_id in sent]
    report.rewrapped += len(applied)
    with store.transaction() as session:  # the server's envelope now (the feed brings the same back)
        for r in applied:
            row = session.get(ServerEnvelopeRow, r.incident_id)
            if row is not None and row.version == r.version:
                row.envelope_json = json.dumps(sent[r.incident_id]["sealed"], ensure_ascii=False)
    return all(r.outcome != "stale" for r in answer.results)


def _sealed_on_server(store: IncidentStore) -> list[tuple[str, int | None, dict[str, Any]]]:
    """(incident id, the server's version, its envelope) of every record this device knows the server's
    envelope of: records kept here in clear (the envelope the feed brought back) and records held sealed.
    The version is None where a local change waits to be sent (nothing to re-wrap before it is)."""
    found: list[tuple[str, int | None, dict[str, Any]]] = []
    with store.reading() as session:
        pending = set(session.scalars(select(OutboxRow.incident_id)))
        for row in session.execute(
                select(ServerEnvelopeRow.incident_id, ServerEnvelopeRow.envelope_json, ServerEnvelopeRow.version,
                       IncidentRow.version.label("local"))
                .join(IncidentRow, IncidentRow.id == ServerEnvelopeRow.incident_id)):
            if row.local != row.version or row.incident_id in pending:
                found.append((row.incident_id, None, {}))
            else:
                found.append((row.incident_id, row.version, json.loads(row.envelope_json)))
        for held in session.execute(select(IncidentRow.id, IncidentRow.version, IncidentRow.record_json)
                                    .where(IncidentRow.record_json.contains(f'"{ENVELOPE_KEY}":'))):
            envelope = json.loads(held.record_json).get(ENVELOPE_KEY)
            if isinstance(envelope, dict):
                found.append((held.id, None if held.id in pending else held.version, envelope))
    return found
