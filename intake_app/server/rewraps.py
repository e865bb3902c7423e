"""Re-wraps of sealed envelopes already on the server (wire/rewraps.py). The server holds no key and opens
nothing: it takes an envelope only if it is the stored one with recipients appended and nothing else
(domain.sealed_fields.rewrap_problems: content and every existing wrap byte-identical), stores the record
again at the SAME version with it, and puts that in the change feed, so every device holding the record takes
the new wraps (sync/apply_step.py). Anything else refuses the whole request (422 naming the field, 403 for
another district), and nothing is written."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..domain.interchange import canonical_text
from ..domain.problems import Problem, ValidationError
from ..domain.sealed_fields import ENVELOPE_KEY, rewrap_problems
from ..wire.rewraps import RewrapIn, RewrapResult
from .access import Forbidden, may_see
from .crud import lock_names
from .db import among, now
from .feed_order import mark_change_log
from .tables import Change, Device, ServerIncident


def rewrap(session: Session, *, device: Device, items: list[RewrapIn]) -> list[RewrapResult]:
    lock_names(session, {f"incident:{item.incident_id}" for item in items})  # beside pushes of the same incidents
    ids = [item.incident_id for item in items]
    current = {r.id: r for r in session.execute(
        select(ServerIncident.id, ServerIncident.district, ServerIncident.version, ServerIncident.record_json)
        .where(among(session, ServerIncident.__table__.c.id, ids)))}
    problems: list[Problem] = []
    results: list[RewrapResult] = []
    writes: list[tuple[int, dict[str, Any], int]] = []  # (result index, record re-wrapped, district)
    seen: set[str] = set()
    for i, item in enumerate(items):
        path, cur = f"items[{i}]", current.get(item.incident_id)
        if item.incident_id in seen:
            problems.append(Problem(f"{path}.incident_id", "appears twice in one request"))
            continue
        seen.add(item.incident_id)
        if cur is None:
            problems.append(Problem(f"{path}.incident_id", "is not a record the server holds"))
            continue
        if not may_see(device, cur.district):
            raise Forbidden(f"This device may not change records of district {cur.district}.")
        if item.version != cur.version:
            results.append(RewrapResult(incident_id=item.incident_id, outcome="stale", version=cur.version))
            continue
        record = json.loads(cur.record_json)
        stored = record.get(ENVELOPE_KEY)
        found = rewrap_problems(stored, item.sealed, path=f"{path}.sealed")
        problems += found
        if found or len(item.sealed["recipients"]) == len(stored["recipients"]):
            results.append(RewrapResult(incident_id=item.incident_id, outcome="unchanged", version=cur.version))
            continue
        record[ENVELOPE_KEY] = item.sealed
        writes.append((len(results), record, cur.district))
        results.append(RewrapResult(incident_id=item.incident_id, outcome="applied", version=cur.version))
    if problems:
        raise ValidationError(problems)
    if writes:
        at = now()
        mark_change_log(session)  # just before their numbers are drawn (feed_order.py)
        for index, record, district in writes:
            text = canonical_text(record)
            result = results[index]
            result.seq = session.execute(insert(Change).returning(Change.seq), {
                "incident_id": result.incident_id, "district": district, "version": result.version,
                "record_json": text, "device_id": device.id, "at": at}).scalar_one()
            session.execute(ServerIncident.__table__.update().where(ServerIncident.id == result.incident_id)
                            .values(record_json=text, last_seq=result.seq, updated_at=at))
    return results
