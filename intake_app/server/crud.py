"""What the server does with its tables. Keyword-only arguments; the caller owns the transaction.

The change feed must never skip a change: a reader that has seen seq 11 must never later find a
seq 10 committed after it. On PostgreSQL every writer of the change log first takes one transaction-level
advisory lock, so sequence numbers are handed out and committed in the same order (writes to the log
are serialised; reads are not). On SQLite, BEGIN IMMEDIATE serialises writers anyway.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from ..domain.catalogue import default_catalogue
from ..domain.interchange import canonical_json, from_dict
from ..domain.problems import Problem, ValidationError
from ..domain.records import Incident
from ..domain.validation import blocking_for_status, validate
from . import tokens
from .schemas import AuditHeadIn, PushItem, PushResult
from .tables import AuditHead, Change, Device, Enrollment, Push, ServerConflict, ServerIncident

CHANGE_LOG_LOCK = 0x1A7A_C4A6  # any constant; the one advisory lock that orders the change log
ENROLLMENT_VALID_FOR = timedelta(days=7)


class Forbidden(Exception):
    """A device asked for another district's records: 403, and nothing of those records in the answer."""


class EnrollmentRefused(Exception):
    pass


def now() -> datetime:
    return datetime.now(UTC)


# ---------------------------------------------------------------- devices

def create_enrollment(session: Session, *, district: int | None, headquarters: bool) -> str:
    code = tokens.new_enrollment_code()
    session.add(Enrollment(code_hash=tokens.digest(tokens.normalise_code(code)), district=district,
                           headquarters=headquarters, created_at=now()))
    return code


def enroll(session: Session, *, code: str, device_name: str, public_key: str) -> tuple[Device, str]:
    """Exchange a one-time code for a device token. The UPDATE ... WHERE used_at IS NULL makes the
    code single-use even when two devices race with it."""
    code_hash = tokens.digest(tokens.normalise_code(code))
    enrollment = session.scalars(select(Enrollment).where(Enrollment.code_hash == code_hash)).first()
    if enrollment is None or enrollment.used_at is not None:
        raise EnrollmentRefused("This enrollment code is unknown or was already used; ask for a new one.")
    if _aware(enrollment.created_at) + ENROLLMENT_VALID_FOR < now():
        raise EnrollmentRefused("This enrollment code has expired; ask for a new one.")
    token = tokens.new_token()
    device = Device(name=device_name, district=enrollment.district, headquarters=enrollment.headquarters,
                    token_hash=tokens.digest(token), public_key=public_key, enrolled_at=now())
    session.add(device)
    session.flush()
    taken = session.execute(
        update(Enrollment).where(Enrollment.id == enrollment.id, Enrollment.used_at.is_(None))
        .values(used_at=now(), device_id=device.id)
    ).rowcount
    if taken != 1:
        raise EnrollmentRefused("This enrollment code was already used; ask for a new one.")
    return device, token


def device_for_token(session: Session, *, token: str) -> Device | None:
    return session.scalars(select(Device).where(Device.token_hash == tokens.digest(token))).first()


def revoke_device(session: Session, *, device_id: int) -> bool:
    device = session.get(Device, device_id)
    if device is None:
        return False
    if device.revoked_at is None:
        device.revoked_at = now()
    return True


def list_devices(session: Session) -> list[Device]:
    return list(session.scalars(select(Device).order_by(Device.id)))


def may_see(device: Device, district: int | None) -> bool:
    return device.headquarters or (district is not None and district == device.district)


# ---------------------------------------------------------------- push

@dataclass
class ParsedItem:
    item: PushItem
    incident: Incident
    district: int


def parse_items(*, device: Device, items: list[PushItem]) -> list[ParsedItem]:
    """The desktop app's own validator, with the request's field paths; then the district check.
    Everything is checked before anything is written."""
    catalogue = default_catalogue()
    problems: list[Problem] = []
    parsed: list[ParsedItem] = []
    for i, item in enumerate(items):
        path = f"items[{i}].incident"
        try:
            inc = from_dict(item.incident, path=path)
        except ValidationError as exc:
            problems.extend(exc.problems)
            continue
        for p in blocking_for_status(validate(inc, catalogue=catalogue), inc.status):
            problems.append(Problem(f"{path}.{p.path}", p.message, p.severity))
        if inc.version != item.base_version + 1:
            problems.append(Problem(f"{path}.version", f"must be base_version + 1 ({item.base_version + 1})"))
        district = inc.district if inc.district is not None else device.district
        if district is None:
            problems.append(Problem(f"{path}.district", "is required to sync a record from a headquarters device"))
            continue
        parsed.append(ParsedItem(item, inc, district))
    if problems:
        raise ValidationError(problems)
    for p in parsed:
        if not may_see(device, p.district):
            raise Forbidden(f"This device may not send records of district {p.district}.")
    return parsed


def lock_change_log(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CHANGE_LOG_LOCK})


def push(session: Session, *, device: Device, items: list[PushItem]) -> list[PushResult]:
    parsed = parse_items(device=device, items=items)
    lock_change_log(session)
    keys = [p.item.idempotency_key for p in parsed]
    done = {row.idempotency_key: row for row in session.scalars(select(Push).where(Push.idempotency_key.in_(keys)))}
    ids = list({p.incident.id for p in parsed})
    current = {row.id: row for row in session.scalars(select(ServerIncident).where(ServerIncident.id.in_(ids)))}
    for row in current.values():
        if not may_see(device, row.district):
            raise Forbidden(f"This device may not change records of district {row.district}.")
    results: list[PushResult] = []
    at = now()
    for p in parsed:
        key = p.item.idempotency_key
        if key in done:
            if done[key].device_id != device.id:
                raise Forbidden("This idempotency key belongs to another device.")
            results.append(PushResult.model_validate_json(done[key].result_json))
            continue
        result = _apply(session, device=device, parsed=p, row=current.get(p.incident.id), at=at, current=current)
        session.add(Push(idempotency_key=key, device_id=device.id, incident_id=p.incident.id,
                         result_json=result.model_dump_json(), at=at))
        done[key] = Push(idempotency_key=key, device_id=device.id, result_json=result.model_dump_json())
        results.append(result)
    return results


def _apply(session: Session, *, device: Device, parsed: ParsedItem, row: ServerIncident | None,
           at: datetime, current: dict[str, ServerIncident]) -> PushResult:
    inc, item = parsed.incident, parsed.item
    record = canonical_json(inc).decode("utf-8")
    server_version = row.version if row else 0
    base = dict(idempotency_key=item.idempotency_key, incident_id=inc.id)
    if row is not None and row.record_json == record:
        return PushResult(**base, outcome="unchanged", version=row.version, seq=row.last_seq)
    if row is not None and item.base_version != server_version:
        conflict = ServerConflict(incident_id=inc.id, district=parsed.district, device_id=device.id,
                                  idempotency_key=item.idempotency_key, base_version=item.base_version,
                                  server_version=server_version, server_json=row.record_json if row else "{}",
                                  pushed_json=record, at=at)
        session.add(conflict)
        session.flush()
        return PushResult(**base, outcome="conflict", version=server_version, conflict_id=conflict.id,
                          server_incident=json.loads(row.record_json) if row else None)
    change = Change(incident_id=inc.id, district=parsed.district, version=inc.version, record_json=record,
                    device_id=device.id, at=at)
    session.add(change)
    session.flush()
    if row is None:
        row = ServerIncident(id=inc.id, district=parsed.district, version=inc.version, record_json=record,
                             last_seq=change.seq, updated_at=at)
        session.add(row)
        current[inc.id] = row
    else:
        row.district, row.version, row.record_json, row.last_seq, row.updated_at = (
            parsed.district, inc.version, record, change.seq, at)
    # A later accepted edit from the same device settles that device's earlier conflicts on this incident.
    session.execute(update(ServerConflict).where(ServerConflict.incident_id == inc.id,
                                                 ServerConflict.device_id == device.id,
                                                 ServerConflict.resolved_at.is_(None)).values(resolved_at=at))
    return PushResult(**base, outcome="applied", version=inc.version, seq=change.seq)


# ---------------------------------------------------------------- pull

def changes_since(session: Session, *, device: Device, since: int, limit: int) -> tuple[list[Change], bool]:
    stmt = select(Change).where(Change.seq > since).order_by(Change.seq).limit(limit + 1)
    if not device.headquarters:
        stmt = stmt.where(Change.district == device.district)
    rows = list(session.scalars(stmt))
    return rows[:limit], len(rows) > limit


def conflicts_for(session: Session, *, device: Device, include_resolved: bool = False) -> list[ServerConflict]:
    stmt = select(ServerConflict).order_by(ServerConflict.id)
    if not device.headquarters:
        stmt = stmt.where(ServerConflict.district == device.district)
    if not include_resolved:
        stmt = stmt.where(ServerConflict.resolved_at.is_(None))
    return list(session.scalars(stmt))


# ---------------------------------------------------------------- audit heads

def record_audit_head(session: Session, *, device: Device, head: AuditHeadIn) -> tuple[AuditHead, AuditHead | None]:
    """Keep every head a device reports; flag the device when a head does not extend the one before
    (fewer entries, or its chain no longer holds the earlier head: truncated or rewritten)."""
    last = session.scalars(select(AuditHead).where(AuditHead.device_id == device.id)
                           .order_by(AuditHead.id.desc()).limit(1)).first()
    if last is None:
        extends = True
    elif head.entries == last.entries:
        extends = head.head == last.head
    else:
        extends = head.entries > last.entries and head.previous_head == last.head
    row = AuditHead(device_id=device.id, head=head.head, entries=head.entries, previous_head=head.previous_head,
                    signature=head.signature, received_at=now(), extends_previous=extends)
    session.add(row)
    if not extends:
        device.audit_flagged = True
    return row, last


def incident_dict(record_json: str) -> dict:
    return json.loads(record_json)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)

