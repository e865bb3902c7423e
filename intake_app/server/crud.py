"""What the server does with its tables. Keyword-only arguments; the caller owns the transaction.

The change feed must never skip a change: how its numbers are handed out, and where a reader stops, is
feed_order.py. Everything a push decides before it draws them (idempotency keys, conflicts, report numbers)
is guarded by advisory locks per incident, key and number (lock_items), so pushes of different incidents run
in parallel to their commit, and two pushes of the same incident decide one after the other.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import groupby
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, Row, bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from ..domain.catalogue import Catalogue, default_catalogue, read_catalogue_file
from ..domain.interchange import canonical_text, from_dict, to_dict
from ..domain.order_validation import unmatched_numbers as numbers_refused
from ..domain.problems import Problem, ValidationError
from ..domain.records import Incident
from ..domain.sealed_fields import ENVELOPE_KEY, clear_problems, only_rewrapped
from ..domain.settings import StationSettings
from ..domain.validation import blocking_for_status, validate
from ..wire.sync import AuditHeadIn, PushItem, PushResult
from . import draft_deletions, report_numbers, resends, tokens
from .access import Forbidden, may_see
from .db import among, insert_many, now, on_postgresql
from .deleted_drafts import deleted_versions
from .feed_order import change_log_bound, mark_change_log
from .tables import (
    AuditHead,
    Change,
    Device,
    Enrollment,
    Push,
    ServerConflict,
    ServerIncident,
    ServerRestore,
    UnknownStatute,
    UnmatchedNumber,
)

ITEM_LOCKS = 0x1A7A  # the class (first int4 key) of the per-incident, per-key and per-number advisory locks
ENROLLMENT_VALID_FOR = timedelta(days=7)
DELETE_DRAFT, RESEND = "delete_draft", "resend"  # PushItem.action besides "save"


class EnrollmentRefused(Exception):
    pass


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
    taken = cast(CursorResult[Any], session.execute(
        update(Enrollment).where(Enrollment.id == enrollment.id, Enrollment.used_at.is_(None))
        .values(used_at=now(), device_id=device.id)
    )).rowcount
    if taken != 1:
        raise EnrollmentRefused("This enrollment code was already used; ask for a new one.")
    return device, token


def device_for_token(session: Session, *, token: str) -> Device | None:
    return session.scalars(select(Device).where(Device.token_hash == tokens.digest(token))).first()


def revoke_device(session: Session, *, device_id: int) -> Device | None:
    """The device, revoked from now on (already revoked: as it was); None when there is no such device.
    The command revokes through server/revocations.py, which also journals it."""
    device = session.get(Device, device_id)
    if device is None:
        return None
    if device.revoked_at is None:
        device.revoked_at = now()
        session.flush()
    return device


def spend_unused_enrollments(session: Session) -> int:
    """Mark every unused enrollment code used, with no device: after a restore from a backup, a code the
    backup shows unused may have enrolled a device since, and a code must never enroll twice. Returns how many."""
    return cast(CursorResult[Any], session.execute(
        update(Enrollment).where(Enrollment.used_at.is_(None)).values(used_at=now()))).rowcount


def list_devices(session: Session) -> list[Device]:
    return list(session.scalars(select(Device).order_by(Device.id)))


# ---------------------------------------------------------------- push

# The validator's template for a statute missing from the catalogue (domain/validation.py, _violation); the
# server stores and flags such a record instead (tests/sync/test_server_catalogue.py fails if they part).
UNKNOWN_STATUTE = "{statute} is not in the statute catalogue"


def server_catalogue(statutes_file: str | Path | None) -> Catalogue:
    """The server's configured catalogue (ServerSettings.statutes_file), else the shipped one. A file that
    cannot be read or parsed stops the server at start-up, with its name: never a silent fallback."""
    if not statutes_file:
        return default_catalogue()
    try:
        return read_catalogue_file(Path(statutes_file))
    except ValidationError as exc:  # the desktop's own check, each problem with its field path
        raise RuntimeError(f"INTAKE_SERVER_STATUTES_FILE {statutes_file}: not a statute catalogue: "
                           + "; ".join(str(p) for p in exc.problems[:5])) from exc
    except OSError as exc:
        raise RuntimeError(f"INTAKE_SERVER_STATUTES_FILE {statutes_file}: cannot be read "
                           f"({type(exc).__name__})") from exc


@dataclass
class ParsedItem:
    item: PushItem
    incident: Incident
    district: int
    unknown_statutes: list[str]  # cited but not in the server's catalogue: stored and flagged
    unmatched_numbers: list[tuple[str, str, str]]  # (field, value, pattern) the server's patterns refuse: flagged
    record: str  # what is stored: the incident's canonical text, of the dict the validator read too


def _unknown_statute(p: Problem) -> bool:
    return p.template == UNKNOWN_STATUTE and p.path.endswith(".statute")


def parse_items(*, device: Device, items: list[PushItem], offset: int = 0,
                catalogue: Catalogue | None = None, patterns: StationSettings | None = None) -> list[ParsedItem]:
    """The desktop app's own validator, with the request's field paths; then the district check.
    Everything is checked before anything is written. `offset`: where `items` start in the request.
    A statute the server's catalogue does not know is no reason to refuse: the station checked the record
    against its administrator's catalogue; the record is stored and the citation flagged. So is an RD or OEMC
    number the server's `patterns` (ServerSettings.number_patterns; default the shipped ones) refuse: the
    station holds numbers to its own patterns."""
    catalogue = catalogue or default_catalogue()
    patterns = patterns or StationSettings()
    problems: list[Problem] = []
    parsed: list[ParsedItem] = []
    for i, item in enumerate(items, start=offset):
        path = f"items[{i}].incident"
        # Civilians' identity only sealed (the envelope's shape is checked by from_dict): a record that
        # carries it in clear is refused and nothing of it is stored.
        problems += clear_problems(item.incident, path=path)
        try:
            inc = from_dict(item.incident, path=path)
        except ValidationError as exc:
            problems.extend(exc.problems)
            continue
        unknown: list[str] = []
        record = to_dict(inc)  # made once: for the validator and for the text stored
        for p in blocking_for_status(validate(inc, catalogue=catalogue, number_patterns=False, record=record),
                                     inc.status):
            if _unknown_statute(p):
                unknown.append(_cited(inc, p.path))
                continue
            problems.append(Problem(f"{path}.{p.path}", p.message, p.severity))
        for name in ("created_at", "updated_at"):
            if getattr(inc, name) is None:
                problems.append(Problem(f"{path}.{name}", "is required to sync (the app sets it on every save)"))
        if inc.version != item.base_version + 1:
            problems.append(Problem(f"{path}.version", f"must be base_version + 1 ({item.base_version + 1})"))
        district = inc.district if inc.district is not None else device.district
        if district is None:
            problems.append(Problem(f"{path}.district", "is required to sync a record from a headquarters device"))
            continue
        parsed.append(ParsedItem(item, inc, district, unknown, numbers_refused(inc, patterns), canonical_text(record)))
    if problems:
        raise ValidationError(problems)
    for one in parsed:
        if not may_see(device, one.district):
            raise Forbidden(f"This device may not send records of district {one.district}.")
    return parsed


def _cited(inc: Incident, problem_path: str) -> str:
    """The citation at `violations[i].statute`."""
    index = int(problem_path.split("[", 1)[1].split("]", 1)[0])
    return inc.violations[index].statute


_LOCK_ITEMS = text(
    "SELECT count(pg_advisory_xact_lock(:cls, h)) FROM "
    "(SELECT DISTINCT hashtext(n) AS h FROM unnest(CAST(:names AS text[])) AS n ORDER BY h) AS ordered")


def lock_items(session: Session, items: list[PushItem]) -> None:
    """Advisory locks on every incident id, idempotency key and report number of a push batch, taken at once
    in one order (no deadlock between two batches), held to the commit: two pushes of the same incident, key
    or number decide one after the other, on what the first committed. Hash collisions only make two
    unrelated pushes wait for each other."""
    names: set[str] = set()
    for item in items:
        names.add(f"key:{item.idempotency_key}")
        incident = item.incident if isinstance(item.incident, dict) else {}
        for field, value in (("incident", incident.get("id")), ("number", incident.get("report_number"))):
            if isinstance(value, str) and value and len(value) <= 200:
                names.add(f"{field}:{value}")
    lock_names(session, names)


def lock_names(session: Session, names: set[str]) -> None:
    """The advisory locks of lock_items by name ("incident:<id>", "key:<key>", "number:<number>"), all at once."""
    if not on_postgresql(session) or not names:
        return
    session.execute(_LOCK_ITEMS, {"cls": ITEM_LOCKS, "names": sorted(names)})


def push(session: Session, *, device: Device, items: list[PushItem],
         catalogue: Catalogue | None = None, patterns: StationSettings | None = None) -> list[PushResult]:
    """Applies a batch in order: runs of saves with a handful of set-based statements (not a round trip per
    item), draft deletions between them (server/draft_deletions.py). One transaction: all or nothing.
    `catalogue`: the server's configured statute catalogue (server_catalogue); default the shipped one.
    `patterns`: the server's RD and OEMC number patterns (ServerSettings.number_patterns)."""
    lock_items(session, items)
    if all(item.action != DELETE_DRAFT for item in items):
        return _push_saves(session, device=device, items=items, catalogue=catalogue, patterns=patterns)
    results: list[PushResult] = []
    for deleting, group in groupby(items, key=lambda item: item.action == DELETE_DRAFT):
        run = list(group)
        if deleting:
            results += draft_deletions.delete_drafts(session, device=device, items=run, offset=len(results))
        else:
            results += _push_saves(session, device=device, items=run, offset=len(results), catalogue=catalogue,
                                   patterns=patterns)
    return results



def _conflict(session: Session, base: dict[str, Any], *, district: int, device: Device, base_version: int, server_version: int,
              server_json: str, pushed_json: str, at: datetime, deleted: bool = False) -> PushResult:
    """A pushed edit that was not based on the server's version (or on a draft deleted meanwhile): kept as a
    conflict for the supervisor, the server's version sent back."""
    conflict_id = session.execute(insert(ServerConflict).returning(ServerConflict.id), {
        "incident_id": base["incident_id"], "district": district, "device_id": device.id,
        "idempotency_key": base["idempotency_key"], "base_version": base_version, "server_version": server_version,
        "server_json": server_json, "pushed_json": pushed_json, "at": at}).scalar_one()
    return PushResult(**base, outcome="conflict", version=server_version, conflict_id=conflict_id,
                      server_incident=json.loads(server_json), server_deleted=deleted)


def _push_saves(session: Session, *, device: Device, items: list[PushItem], offset: int = 0,
                catalogue: Catalogue | None = None, patterns: StationSettings | None = None) -> list[PushResult]:
    parsed = parse_items(device=device, items=items, offset=offset, catalogue=catalogue, patterns=patterns)
    records = [p.record for p in parsed]
    keys = [p.item.idempotency_key for p in parsed]
    done = {r.idempotency_key: r for r in session.execute(
        select(Push.idempotency_key, Push.device_id, Push.result_json).where(among(session, Push.idempotency_key, keys)))}
    ids = list({p.incident.id for p in parsed})
    current = {r.id: _Current(r.district, r.version, r.record_json, r.last_seq, True) for r in session.execute(
        select(ServerIncident.id, ServerIncident.district, ServerIncident.version, ServerIncident.record_json,
               ServerIncident.last_seq).where(among(session, ServerIncident.id, ids)))}
    for held in current.values():
        if not may_see(device, held.district):
            raise Forbidden(f"This device may not change records of district {held.district}.")
    gone = deleted_versions(session, [i for i in ids if i not in current])  # drafts deleted by another device
    claims = report_numbers.Claims(session, [p.incident.report_number for p in parsed])
    resent_ids = [p.incident.id for p in parsed if p.item.action == RESEND]
    lines = resends.lost_line(session, {i: current[i].version for i in resent_ids if i in current})
    own = resends.own_versions(session, device_id=device.id, incident_ids=resent_ids)
    at = now()
    results: list[PushResult] = []
    changes: list[dict[str, Any]] = []  # rows for the change log, in order; their seq fills `results` afterwards
    flags: list[dict[str, Any]] = []  # statutes the server's catalogue does not know, per stored version
    number_flags: list[dict[str, Any]] = []  # RD and OEMC numbers the server's patterns refuse, per stored version
    repeated: dict[str, int] = {}
    for p, record in zip(parsed, records, strict=True):
        key, inc = p.item.idempotency_key, p.incident
        if key in done:
            if done[key].device_id != device.id:
                raise Forbidden("This idempotency key belongs to another device.")
            results.append(PushResult.model_validate_json(done[key].result_json))
            continue
        if key in repeated:  # the same key twice in one batch: one application
            results.append(results[repeated[key]])
            continue
        repeated[key] = len(results)
        cur = current.get(inc.id)
        base: dict[str, Any] = dict(idempotency_key=key, incident_id=inc.id)
        deleted_draft = cur is None and inc.id in gone
        # A version sent again after a restore is judged by the line it is of, not by the version it was based on.
        resent = p.item.action == RESEND
        verdict = resends.decide(version=inc.version, held=cur.version if cur else None, line=lines.get(inc.id, 0),
                                 own=(inc.id, inc.version) in own) if resent and not deleted_draft else None
        if claims.held_by_another(inc.report_number, inc.id):
            results.append(report_numbers.refuse(session, item=p.item, incident=inc, district=p.district, device=device,
                                                 record=record, server_version=cur.version if cur else 0,
                                                 holder=claims.holder[inc.report_number], at=at))
        elif cur is not None and cur.record_json == record:
            results.append(PushResult(**base, outcome="unchanged", version=cur.version, seq=cur.last_seq or None))
        elif verdict == "unchanged":  # it holds this version, or a later one of the same line
            results.append(PushResult(**base, outcome="unchanged", version=cur.version if cur else inc.version,
                                      seq=(cur.last_seq or None) if cur else None))
        elif cur is not None and (verdict == "conflict" or (not resent and p.item.base_version != cur.version)):
            results.append(_conflict(session, base, district=p.district, device=device, base_version=p.item.base_version,
                                     server_version=cur.version, server_json=cur.record_json, pushed_json=record, at=at))
        elif deleted_draft and (resent or p.item.base_version < gone[inc.id].version):
            # An edit of a draft another device deleted meanwhile: the supervisor chooses, nothing is lost.
            deleted = gone[inc.id]
            if not may_see(device, deleted.district):
                raise Forbidden(f"This device may not change records of district {deleted.district}.")
            results.append(_conflict(session, base, district=deleted.district, device=device,
                                     base_version=p.item.base_version, server_version=deleted.version,
                                     server_json=deleted.record_json, pushed_json=record, at=at, deleted=True))
        else:
            record = _rewraps_kept(record, cur.record_json) if cur is not None else record
            changes.append({"incident_id": inc.id, "district": p.district, "version": inc.version,
                            "record_json": record, "device_id": device.id, "at": at, "resent": resent,
                            "_result": len(results)})
            results.append(PushResult(**base, outcome="applied", version=inc.version))
            current[inc.id] = _Current(p.district, inc.version, record, 0, cur.in_db if cur else False)
            flags += [{"incident_id": inc.id, "version": inc.version, "district": p.district, "citation": citation,
                       "device_id": device.id, "at": at} for citation in dict.fromkeys(p.unknown_statutes)]
            number_flags += [{"incident_id": inc.id, "version": inc.version, "district": p.district, "field": field,
                              "value": value, "pattern": pattern, "device_id": device.id, "at": at}
                             for field, value, pattern in p.unmatched_numbers]
            claims.claim(inc.report_number, inc.id)
            if resent:
                lines[inc.id] = inc.version  # a later re-send of it in this batch continues the same line
    insert_many(session, UnknownStatute.__table__, flags)
    insert_many(session, UnmatchedNumber.__table__, number_flags)
    claims.write(session, at)
    _write_changes(session, device=device, changes=changes, results=results, current=current, at=at)  # numbers last
    if not repeated:
        return results
    insert_many(session, Push.__table__, [{"idempotency_key": r.idempotency_key, "device_id": device.id,
                                           "incident_id": r.incident_id, "result_json": r.model_dump_json(), "at": at}
                                          for i, r in enumerate(results) if repeated.get(r.idempotency_key) == i])
    return results


def _rewraps_kept(record: str, current: str) -> str:
    """A new version from a device that had not yet received a re-wrap of the version it edited (rewraps.py)
    carries that version's envelope without the wraps added since: the stored envelope, the same one with
    recipients appended only, is kept, so an edit never takes a reader off. Any other envelope is the
    device's own (sealed anew) and stands."""
    marker = f'"{ENVELOPE_KEY}":'
    if marker not in record or marker not in current:
        return record
    pushed, stored = json.loads(record), json.loads(current).get(ENVELOPE_KEY)
    if not only_rewrapped(pushed.get(ENVELOPE_KEY), stored):
        return record
    return canonical_text({**pushed, ENVELOPE_KEY: stored})


@dataclass
class _Current:
    district: int
    version: int
    record_json: str
    last_seq: int
    in_db: bool


def _write_changes(session: Session, *, device: Device, changes: list[dict[str, Any]], results: list[Any],
                   current: dict[str, _Current], at: datetime) -> None:
    if not changes:
        return
    # A later accepted edit from the same device settles that device's earlier conflicts on those incidents.
    session.execute(update(ServerConflict).where(ServerConflict.device_id == device.id,
                                                 among(session, ServerConflict.incident_id,
                                                       list(dict.fromkeys(c["incident_id"] for c in changes))),
                                                 ServerConflict.resolved_at.is_(None)).values(resolved_at=at))
    rows = [{k: v for k, v in c.items() if k != "_result"} for c in changes]
    seqs = _insert_changes(session, rows)
    newest: dict[str, int] = {}
    for change, seq in zip(changes, seqs, strict=True):
        results[change["_result"]].seq = seq
        newest[change["incident_id"]] = seq
    for incident_id, seq in newest.items():
        current[incident_id].last_seq = seq
    fresh = [dict(id=i, district=current[i].district, version=current[i].version, record_json=current[i].record_json,
                  last_seq=current[i].last_seq, updated_at=at) for i in newest if not current[i].in_db]
    known = [dict(key=i, district=current[i].district, version=current[i].version, record_json=current[i].record_json,
                  last_seq=current[i].last_seq, updated_at=at) for i in newest if current[i].in_db]
    insert_many(session, ServerIncident.__table__, fresh)
    if known:
        table = ServerIncident.__table__
        session.connection().execute(
            update(table).where(table.c.id == bindparam("key")).values(
                district=bindparam("district"), version=bindparam("version"), record_json=bindparam("record_json"),
                last_seq=bindparam("last_seq"), updated_at=bindparam("updated_at")), known)


_DRAW_SEQS = text("SELECT nextval(pg_get_serial_sequence('changes', 'seq')) FROM generate_series(1, :n)")


def _insert_changes(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Writes the change-log rows; returns their seq numbers in the rows' order. On PostgreSQL the numbers are
    drawn first (one query) and the rows written with a plain executemany: an INSERT ... RETURNING of 500 rows
    goes through SQLAlchemy's insertmanyvalues, one giant statement psycopg parses again (measured: a third
    of a push's database time). The feed's marker is taken just before the numbers are drawn (feed_order.py)."""
    if not on_postgresql(session):
        return list(session.execute(insert(Change).returning(Change.seq, sort_by_parameter_order=True),
                                    rows).scalars().all())
    mark_change_log(session)
    seqs = sorted(session.execute(_DRAW_SEQS, {"n": len(rows)}).scalars())
    insert_many(session, Change.__table__, [{**row, "seq": seq} for row, seq in zip(rows, seqs, strict=True)])
    return seqs


def unmatched_numbers(session: Session) -> list[UnmatchedNumber]:
    """Stored records whose RD or OEMC number the server's patterns refuse, oldest first
    (`intake server unmatched-numbers`)."""
    return list(session.scalars(select(UnmatchedNumber).order_by(UnmatchedNumber.id)))


def unknown_statutes(session: Session) -> list[UnknownStatute]:
    """Stored records citing a statute the server's catalogue lacks, oldest first (`intake server flagged`)."""
    return list(session.scalars(select(UnknownStatute).order_by(UnknownStatute.id)))


# ---------------------------------------------------------------- pull

def changes_since(session: Session, *, device: Device, since: int, limit: int,
                  district: int | None = None) -> tuple[list[Row[int, bool, str]], bool]:
    """(seq, deleted, record_json) rows after `since`, oldest first, and whether more follow. Plain rows, not
    ORM objects: a page is up to 1,000 records that only go out as text. Only changes up to the feed's bound
    (feed_order.change_log_bound): those above a number still open wait for the next pull."""
    bound = change_log_bound(session)
    stmt = (select(Change.seq, Change.deleted, Change.record_json)
            .where(Change.seq > since).order_by(Change.seq).limit(limit + 1))
    if bound is not None:
        stmt = stmt.where(Change.seq <= bound)
    if not device.headquarters:
        stmt = stmt.where(Change.district == device.district)
    if district is not None:
        stmt = stmt.where(Change.district == district)
    rows = list(session.connection().execute(stmt))  # Core rows: the ORM's row handling was a fifth of a page's CPU
    return rows[:limit], len(rows) > limit


def conflicts_for(session: Session, *, device: Device, include_resolved: bool = False) -> list[ServerConflict]:
    stmt = select(ServerConflict).order_by(ServerConflict.id)
    if not device.headquarters:
        stmt = stmt.where(ServerConflict.district == device.district)
    if not include_resolved:
        stmt = stmt.where(ServerConflict.resolved_at.is_(None))
    return list(session.scalars(stmt))


def resolve_conflicts(session: Session, *, device: Device, conflict_ids: list[int]) -> int:
    """Marks conflicts settled by a device that took the server's version; only its own district's."""
    if not conflict_ids:
        return 0
    stmt = update(ServerConflict).where(ServerConflict.id.in_(conflict_ids), ServerConflict.resolved_at.is_(None))
    if not device.headquarters:
        stmt = stmt.where(ServerConflict.district == device.district)
    return cast(CursorResult[Any], session.execute(stmt.values(resolved_at=now()))).rowcount


# ---------------------------------------------------------------- audit heads

def record_audit_head(session: Session, *, device: Device, head: AuditHeadIn) -> tuple[AuditHead, AuditHead | None]:
    """Keep every head a device reports; flag the device when a head does not extend the one before
    (fewer entries, or its chain no longer holds the earlier head: truncated or rewritten). The first head after
    the database was restored from a backup is checked for length only: the heads reported between the backup
    and the restore were lost with it, and the device's previous head is one of those."""
    last = session.scalars(select(AuditHead).where(AuditHead.device_id == device.id)
                           .order_by(AuditHead.id.desc()).limit(1)).first()
    restored = session.scalar(select(func.max(ServerRestore.at))) if last is not None else None
    if last is None:
        extends = True
    elif restored is not None and _aware(last.received_at) < _aware(restored):
        extends = head.entries > last.entries or (head.entries == last.entries and head.head == last.head)
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


def incident_dict(record_json: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(record_json)
    return record


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)

