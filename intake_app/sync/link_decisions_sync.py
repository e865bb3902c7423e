"""Reviewers' link decisions travel through sync (linked incidents), so headquarters sees the links stations confirmed
and a pair rejected on one device is not offered again on another.

Store extension (named in `opening.EXTENSION_MODULES`): a decision taken here is queued in the SAME
transaction as the decision, under the decision's own idempotency key. A sync run sends the queue after the
incidents (the server only keeps a decision whose two incidents it holds; otherwise it answers "waiting" and
the decision stays queued), then pulls the decisions of other devices that this device may see. Each is
written once (its key is unique here too, so our own decisions coming back are not kept twice) and entered
in this device's audit trail with who decided and at which station.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ..domain.actor import Actor
from ..storage.links.decisions import ACTIONS, add_decision_listener
from ..storage.links.tables import LinkDecisionOutboxRow, LinkDecisionRow
from ..storage.repository import IncidentStore
from ..storage.tables import IncidentRow
from . import state

if TYPE_CHECKING:  # pydantic, for the server's schema: not imported at every start (only sync needs it)
    from ..wire.link_decisions import LinkDecisionOut
    from .client import SyncClient
    from .report import SyncReport

CURSOR = "link_decision_cursor"
BATCH = 500
MAX_PAGES = 10_000  # pages of the decisions' feed in one sync: a server saying "more" for ever is stopped
_DECISIONS = LinkDecisionRow.__table__
_OUTBOX = LinkDecisionOutboxRow.__table__
PAYLOAD_FIELDS = ("incident_a", "incident_b", "kind", "decision", "actor_name", "actor_star", "note")


def payload(values: dict[str, Any]) -> dict[str, Any]:
    """The decision as the server's LinkDecisionIn, from the row as link_decisions.decide inserted it."""
    decided = values["decided_at"]
    decided = decided if decided.tzinfo else decided.replace(tzinfo=UTC)
    return {"idempotency_key": values["sync_key"], **{k: values[k] for k in PAYLOAD_FIELDS},
            "decided_at": decided.isoformat(), "shared": json.loads(values["shared_json"] or "[]")}


def queue_decision(session: Session, values: dict[str, Any]) -> None:
    session.connection().execute(insert(_OUTBOX), {
        "sync_key": values["sync_key"], "payload_json": json.dumps(payload(values), ensure_ascii=False),
        "queued_at": datetime.now(UTC).replace(tzinfo=None)})


def install(store: IncidentStore) -> None:
    add_decision_listener(store, queue_decision)


def pending(store: IncidentStore) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(_OUTBOX)) or 0


# ---------------------------------------------------------------- one sync run

def exchange(store: IncidentStore, client: SyncClient, report: SyncReport) -> None:
    """Called by sync_once after the incidents went both ways: send our decisions, then take theirs."""
    sent, waiting, refused = push_decisions(store, client)
    received = pull_decisions(store, client)
    if sent or received:
        report.notes.append(f"link decisions: {sent} sent, {received} received")
    if waiting:
        report.notes.append(f"{waiting} link decision(s) wait for an incident the server does not hold yet; "
                            "they stay queued")
    if refused:
        report.notes.append(f"the server refused {len(refused)} link decision(s); they are kept here. "
                            f"First reason: {refused[0]}")


def push_decisions(store: IncidentStore, client: SyncClient, *, batch: int = BATCH) -> tuple[int, int, list[str]]:
    """Sends the queue in order; only acknowledged decisions leave it (in one local transaction per batch)."""
    last_id, sent, waiting = 0, 0, 0
    refused: list[str] = []
    while True:
        with store.reading() as session:
            rows = session.execute(select(_OUTBOX.c.id, _OUTBOX.c.sync_key, _OUTBOX.c.payload_json)
                                   .where(_OUTBOX.c.id > last_id).order_by(_OUTBOX.c.id).limit(batch)).all()
        if not rows:
            return sent, waiting, refused
        last_id = rows[-1].id
        answer = client.push_link_decisions([json.loads(r.payload_json) for r in rows])
        outcome = {r.idempotency_key: r for r in answer.results}
        acked = [r.sync_key for r in rows if r.sync_key in outcome and outcome[r.sync_key].outcome == "applied"]
        waiting += sum(1 for r in rows if r.sync_key in outcome and outcome[r.sync_key].outcome == "waiting")
        refused += [outcome[r.sync_key].message for r in rows
                    if r.sync_key in outcome and outcome[r.sync_key].outcome == "refused"]
        if acked:
            with store.transaction() as session:
                session.execute(delete(_OUTBOX).where(_OUTBOX.c.sync_key.in_(acked)))
        sent += len(acked)


def resend_decisions(store: IncidentStore, client: SyncClient, *,
                     batch: int = BATCH) -> tuple[int, int, list[str]]:
    """After the server was restored from a backup (sync/resend.py): every decision held here that the server
    acknowledged (made here, or pulled; not the queued ones, which go as usual) is sent again, marked `resend`,
    under its own key and with the station the feed gave it, so a decision the restore lost is kept again once
    (server/link_decisions.py: a key it holds is answered applied, nothing written) and reaches the devices that
    had not pulled it. Returns (answered applied, queued, why each one refused). One left unanswered or waiting
    (an incident of its pair not on the server yet) is queued as it was sent (marked `resend`, with its station),
    so the usual push sends it again at each sync until it is kept, while the epoch is reconciled and the pull
    goes on; one refused is kept here and said, as a refused record is (not sent again)."""
    from .client import HostileAnswer

    last_id, applied = 0, 0
    queued_now = 0
    refused: list[str] = []
    queued = select(_OUTBOX.c.sync_key)
    while True:  # bounded: one request per `batch` decisions held here
        with store.reading() as session:
            rows = session.execute(select(_DECISIONS).where(
                _DECISIONS.c.id > last_id, _DECISIONS.c.sync_key.is_not(None), _DECISIONS.c.sync_key.not_in(queued))
                .order_by(_DECISIONS.c.id).limit(batch)).mappings().all()
        if not rows:
            return applied, queued_now, refused
        last_id = rows[-1]["id"]
        items = [{**payload(dict(r)), "resend": True, "station": r["station"]} for r in rows]
        answer = client.push_link_decisions(items)
        sent = {r["sync_key"] for r in rows}
        outcome = {r.idempotency_key: r for r in answer.results}
        if set(outcome) - sent:
            raise HostileAnswer("The server answered link decisions sent again with one this device did not send; "
                                "nothing more was sent again (the next sync asks again).")
        again = []
        for item in items:
            found = outcome.get(item["idempotency_key"])
            if found is None or found.outcome == "waiting":
                again.append(item)
            elif found.outcome == "applied":
                applied += 1
            else:
                refused.append(found.message)
        if again:
            at = datetime.now(UTC).replace(tzinfo=None)
            with store.transaction() as session:
                session.connection().execute(insert(_OUTBOX), [
                    {"sync_key": item["idempotency_key"], "payload_json": json.dumps(item, ensure_ascii=False),
                     "queued_at": at} for item in again])
            queued_now += len(again)


def pull_decisions(store: IncidentStore, client: SyncClient, *, page: int = BATCH) -> int:
    """The feed from our cursor on; the cursor moves in the same transaction as the decisions it covers."""
    # Here, not at start-up: the client brings httpx and pydantic.
    from .client import HostileAnswer
    from .page_shape import check_page_shape

    received = 0
    epoch = state.read(store, state.SERVER_EPOCH)  # reconciled with at the start of the sync (resend.resend_lost)
    for _ in range(MAX_PAGES):
        cursor = int(state.read(store, CURSOR, "0") or 0)
        answer = client.link_decisions(cursor, page)
        check_page_shape(what="link decisions", sent=len(answer.decisions), limit=page, more=answer.more,
                         cursor=cursor, next_cursor=answer.next_cursor, epoch=epoch, answer_epoch=answer.epoch)
        with store.transaction() as session:
            received += apply_remote_decisions_in(session, answer.decisions)
            state.put(session, CURSOR, str(answer.next_cursor))
        if not answer.more or answer.next_cursor <= cursor:
            return received
    raise HostileAnswer(f"The server still said more link decisions follow after {MAX_PAGES:,} pages; the sync "
                        "stopped there (what was received is kept).")


def apply_remote_decisions_in(session: Session, decisions: list[LinkDecisionOut]) -> int:
    """Keeps each decision not held yet, and audits it on each of its incidents this device holds.
    Returns how many were new here."""
    if not decisions:
        return 0
    keys = [d.idempotency_key for d in decisions]
    held = set(session.scalars(select(_DECISIONS.c.sync_key).where(_DECISIONS.c.sync_key.in_(keys))))
    ids = {d.incident_a for d in decisions} | {d.incident_b for d in decisions}
    numbers = dict(session.execute(select(IncidentRow.id, IncidentRow.report_number)
                                   .where(IncidentRow.id.in_(ids))).all())
    new = 0
    for d in decisions:
        if d.idempotency_key in held:
            continue  # ours coming back, or already applied by an earlier run
        held.add(d.idempotency_key)
        decided = d.decided_at.astimezone(UTC).replace(tzinfo=None)
        session.connection().execute(insert(_DECISIONS), {
            "incident_a": d.incident_a, "incident_b": d.incident_b, "kind": d.kind, "decision": d.decision,
            "actor_name": d.actor_name, "actor_star": d.actor_star, "decided_at": decided, "note": d.note,
            "shared_json": json.dumps(d.shared, ensure_ascii=False), "sync_key": d.idempotency_key,
            "station": d.station})
        _audit(session, d, numbers)
        new += 1
    return new


def _audit(session: Session, d: LinkDecisionOut, numbers: dict[str, str | None]) -> None:
    from ..security.audit import record_action_in  # imported here: the audit module imports the store

    for this, other in ((d.incident_a, d.incident_b), (d.incident_b, d.incident_a)):
        if this not in numbers:
            continue  # an incident this device does not hold has no audit trail here
        detail = (f"{d.kind} link with {numbers.get(other) or other} {d.decision} at {d.station}, "
                  f"{d.decided_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC (received by sync)")
        if d.note:
            detail += f": {d.note}"
        record_action_in(session, this, ACTIONS[d.decision], Actor(d.actor_name, d.actor_star), detail)
