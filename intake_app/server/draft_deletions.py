"""A draft deleted on a device (offline sync): the server takes it out of the current set and puts the deletion in
the change feed, so every device of the district deletes its copy too.

Only drafts: a record past draft on the server is kept and the deletion refused (409, NotADraft). A deletion
based on an older version than the server's (another device edited the draft meanwhile) is not applied: the
answer is a conflict carrying the server's version, which the deleting device takes back. The feed's
deletion row holds the draft's last content one version up, so an edit made elsewhere on the deleted version
meets it as a conflict for the supervisor (crud._push_saves), never a silent resurrection or loss.

A deletion sent again after a restore from a backup (sync/resend.py: its own idempotency key, the version the
device deleted, `"resent": true` beside the id) may jump versions as a re-sent version does
(server/resends.py): when the server's current version is of the history it had before the restore and not
newer than the version deleted, the draft is deleted, one version up from the version deleted (as the first
time). An edit pushed since the restore is never removed by it: a conflict, as above.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ..domain.problems import Problem, ValidationError
from ..wire.sync import RESENT_DELETION, UUID_PATTERN, PushItem, PushResult
from .access import Forbidden, may_see
from .db import now
from .feed_order import mark_change_log
from .resends import lost_line
from .tables import Change, Device, Push, ServerIncident


class NotADraft(Exception):
    """409: the record is past draft on the server; it is kept."""


def _ids(items: list[PushItem], offset: int) -> list[str]:
    problems: list[Problem] = []
    ids: list[str] = []
    for i, item in enumerate(items, start=offset):
        incident_id = item.incident.get("id")
        if not isinstance(incident_id, str) or not re.match(UUID_PATTERN, incident_id):
            problems.append(Problem(f"items[{i}].incident.id", "must be the id of the deleted draft"))
            continue
        ids.append(incident_id)
    if problems:
        raise ValidationError(problems)
    return ids


def delete_drafts(session: Session, *, device: Device, items: list[PushItem], offset: int = 0) -> list[PushResult]:
    ids = _ids(items, offset)  # crud.push took the incidents' and keys' locks
    done = {r.idempotency_key: r for r in session.execute(
        select(Push.idempotency_key, Push.device_id, Push.result_json)
        .where(Push.idempotency_key.in_([item.idempotency_key for item in items])))}
    at = now()
    results: list[PushResult] = []
    answered: dict[str, PushResult] = {}
    for item, incident_id in zip(items, ids, strict=True):
        key = item.idempotency_key
        if key in done:
            if done[key].device_id != device.id:
                raise Forbidden("This idempotency key belongs to another device.")
            results.append(PushResult.model_validate_json(done[key].result_json))
            continue
        if key in answered:
            results.append(answered[key])
            continue
        result = _delete_one(session, device=device, item=item, incident_id=incident_id, at=at)
        session.execute(insert(Push), {"idempotency_key": key, "device_id": device.id, "incident_id": incident_id,
                                       "result_json": result.model_dump_json(), "at": at})
        answered[key] = result
        results.append(result)
    return results


def _delete_one(session: Session, *, device: Device, item: PushItem, incident_id: str, at: datetime) -> PushResult:
    cur = session.get(ServerIncident, incident_id)
    if cur is None:  # deleted already (by another device, or an earlier try whose answer was lost)
        return PushResult(idempotency_key=item.idempotency_key, incident_id=incident_id,
                          outcome="deleted", version=item.base_version + 1)
    if not may_see(device, cur.district):
        raise Forbidden(f"This device may not change records of district {cur.district}.")
    record = json.loads(cur.record_json)
    if record.get("status") != "draft":
        raise NotADraft(f"Incident {record.get('report_number') or incident_id} is {record.get('status')} on the "
                        "server: only drafts can be deleted, so it is kept.")
    resent = item.incident.get(RESENT_DELETION) is True
    if cur.version != item.base_version and not (resent and _of_the_lost_line(session, incident_id, cur.version)
                                                 and cur.version < item.base_version):
        return PushResult(idempotency_key=item.idempotency_key, incident_id=incident_id,
                          outcome="conflict", version=cur.version, server_incident=record)
    version = item.base_version + 1  # one up from the version deleted (the server's, or a later one it lost)
    record["version"] = version
    mark_change_log(session)  # just before its number is drawn (feed_order.py)
    seq = session.execute(insert(Change).returning(Change.seq), {
        "incident_id": incident_id, "district": cur.district, "version": version, "deleted": True,
        "record_json": json.dumps(record, ensure_ascii=False), "device_id": device.id, "at": at,
        "resent": resent}).scalar_one()
    session.execute(delete(ServerIncident).where(ServerIncident.id == incident_id))
    return PushResult(idempotency_key=item.idempotency_key, incident_id=incident_id,
                      outcome="deleted", version=version, seq=seq)


def _of_the_lost_line(session: Session, incident_id: str, version: int) -> bool:
    """The server's current version of this incident came back with the backup or was sent again since: of the
    history it had before its restore, which the deletion sent again ended (resends.lost_line)."""
    return lost_line(session, {incident_id: version}).get(incident_id, 0) >= version
