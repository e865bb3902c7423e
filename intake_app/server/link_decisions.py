"""Reviewers' link decisions on the server (linked incidents): kept once per idempotency key, handed out as a feed.

Who may do what: a device may send a decision about a pair when it may see at least one of the two incidents
(its reviewer judged its own incident against another it holds); it receives only decisions about pairs
whose incidents it may both see (a district device never learns of another district's incident this way;
headquarters receives every decision). The station is the sending device's, as enrolled, never as claimed,
except in a decision sent again after a restore from a backup (`resend`, sync/resend.py): a device that pulled
it sends it with the station the feed gave it, so it keeps where it was decided. Such a claim is bounded by what
the device could have pulled: a district device receives only decisions of its own district's pairs, taken at
its district's stations or at headquarters, so it may claim only those two; headquarters receives every one.
And only for a decision taken before the server's last restore (the epoch's time): one sent again was.
A re-sent decision whose key the server holds (from any device) is kept once: answered applied, nothing written.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import and_, insert, select
from sqlalchemy.orm import Session

from ..wire.link_decisions import LinkDecisionIn, LinkDecisionOut, LinkDecisionResult
from .access import may_see
from .db import now
from .feed_order import lock_link_feed
from .tables import Device, ServerEpoch, ServerIncident, ServerLinkDecision

T = ServerLinkDecision


def station_of(device: Device) -> str:
    return "headquarters" if device.headquarters else f"district {device.district}"


def push_decisions(session: Session, *, device: Device, items: list[LinkDecisionIn]) -> list[LinkDecisionResult]:
    """In order; a decision about an incident the server does not hold yet waits (the device sends it again
    after that incident's own push), so a decision never refers to a record headquarters cannot see."""
    lock_link_feed(session)  # seq handed out and committed in one order
    keys = [i.idempotency_key for i in items]
    done = {r.idempotency_key: r for r in session.execute(
        select(T.idempotency_key, T.device_id, T.seq).where(T.idempotency_key.in_(keys)))}
    ids = {i.incident_a for i in items} | {i.incident_b for i in items}
    districts = dict(session.execute(select(ServerIncident.id, ServerIncident.district)
                                     .where(ServerIncident.id.in_(ids))).all())
    results: list[LinkDecisionResult] = []
    seen: dict[str, LinkDecisionResult] = {}
    at = now()
    restored_at = _restored_at(session) if any(i.resend for i in items) else None
    for item in items:
        key = item.idempotency_key
        if key in seen:  # the same key twice in one batch: one decision
            results.append(seen[key])
            continue
        claimed = _claimed_station(device, item, restored_at) if item.resend else station_of(device)
        if key in done and item.resend:  # kept once, whoever sent it first (it made it, or pulled it)
            result = LinkDecisionResult(idempotency_key=key, outcome="applied", seq=done[key].seq)
        elif claimed is None:
            result = LinkDecisionResult(idempotency_key=key, outcome="refused",
                                        message=f"this device may not send again a decision taken at {item.station}")
        elif key in done:
            mine = done[key].device_id == device.id
            result = LinkDecisionResult(idempotency_key=key, outcome="applied" if mine else "refused",
                                        seq=done[key].seq if mine else None,
                                        message="" if mine else "this idempotency key belongs to another device")
        elif item.incident_a not in districts or item.incident_b not in districts:
            result = LinkDecisionResult(idempotency_key=key, outcome="waiting",
                                        message="an incident of the pair has not reached the server yet")
        elif not (may_see(device, districts[item.incident_a]) or may_see(device, districts[item.incident_b])):
            result = LinkDecisionResult(idempotency_key=key, outcome="refused",
                                        message="this device may see neither incident of the pair")
        else:
            seq = session.execute(insert(T).returning(T.seq), {
                "idempotency_key": key, "incident_a": item.incident_a, "incident_b": item.incident_b,
                "district_a": districts[item.incident_a], "district_b": districts[item.incident_b],
                "kind": item.kind, "decision": item.decision, "actor_name": item.actor_name,
                "actor_star": item.actor_star, "decided_at": item.decided_at, "note": item.note,
                "shared_json": json.dumps(item.shared, ensure_ascii=False), "device_id": device.id,
                "station": claimed, "received_at": at}).scalar_one()
            result = LinkDecisionResult(idempotency_key=key, outcome="applied", seq=seq)
        seen[key] = result
        results.append(result)
    return results


def _restored_at(session: Session) -> datetime | None:
    """When the server was last restored from a backup (None: never)."""
    epoch = session.get(ServerEpoch, 1)
    return epoch.set_at if epoch is not None and epoch.since_seq > 0 else None


def _claimed_station(device: Device, item: LinkDecisionIn, restored_at: datetime | None) -> str | None:
    """The station a re-sent decision keeps: the claimed one when this device could have pulled a decision taken
    there before the last restore (see the module's text), its own when none or its own is claimed; None: a
    claim it could not have pulled."""
    own = station_of(device)
    if item.station in ("", own):
        return own
    if restored_at is None or item.decided_at > restored_at:
        return None
    if device.headquarters or item.station == "headquarters":
        return item.station
    return None


def decisions_since(session: Session, *, device: Device, since: int, limit: int) -> tuple[list[LinkDecisionOut], bool]:
    stmt = select(T).where(T.seq > since).order_by(T.seq).limit(limit + 1)
    if not device.headquarters:
        stmt = stmt.where(and_(T.district_a == device.district, T.district_b == device.district))
    rows = list(session.scalars(stmt))
    out = [LinkDecisionOut(seq=r.seq, idempotency_key=r.idempotency_key, incident_a=r.incident_a,
                           incident_b=r.incident_b,
                           kind=r.kind, decision=r.decision,  # type: ignore[arg-type]  # the table's CHECK: these words
                           actor_name=r.actor_name,
                           actor_star=r.actor_star, decided_at=r.decided_at, note=r.note,
                           shared=json.loads(r.shared_json), station=r.station) for r in rows[:limit]]
    return out, len(rows) > limit
