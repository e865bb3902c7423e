"""How a record is projected into the queryable tables and the search index.

Written with Core statements (not ORM objects): a save touches a few dozen rows and the
unit-of-work bookkeeping would cost more than the writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any, overload

from sqlalchemy import Connection, Table, bindparam, delete, select, text, update
from sqlalchemy.engine.interfaces import DBAPICursor
from sqlalchemy.orm import Session

from ..domain.identifiers import normalise_badge, normalise_plate
from ..domain.interchange import canonical_text, to_dict
from ..domain.records import Incident
from .tables import AgentRow, FootageRow, IncidentRow, ViolationRow


@overload
def utc_naive(value: datetime) -> datetime: ...
@overload
def utc_naive(value: datetime | None) -> datetime | None: ...
def utc_naive(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC).replace(tzinfo=None) if value is not None else None


def plate_tokens(plate: str) -> str:
    """'ABC 1234' is indexed as 'ABC 1234 ABC1234' so both spellings find it, and with the link index's key
    (domain.identifiers.normalise_plate: 'zx 81234', 'ZX-81234' and 'ZX81234' have one key)."""

    joined = re.sub(r"[\s\-]", "", plate)
    tokens = [plate] + ([joined] if joined != plate else [])
    key = normalise_plate(plate)
    if key and key not in tokens:
        tokens.append(key)
    return " ".join(tokens)


def badge_tokens(badge: str) -> str:
    """A badge as typed and as the link index's key ('ero-4471' -> 'ERO4471')."""

    key = normalise_badge(badge)
    return f"{badge} {key}" if key and key != badge else badge


# Table-level (Core) statements with bound parameters: compiled once, cached, no ORM bookkeeping.
INCIDENTS = IncidentRow.__table__
_UPDATE_INCIDENT = update(INCIDENTS).where(INCIDENTS.c.id == bindparam("key"))


class _Inserts:
    """INSERT of dict rows straight on the driver's cursor, each value through its column's own bind processor
    (the very text SQLAlchemy would store). A save writes about 35 rows; SQLAlchemy's work per statement cost
    more than the writes themselves (tests/benchmarks/test_store_benchmark.py)."""

    def __init__(self, table: Table, columns: tuple[str, ...]):
        self.columns = columns
        names = ", ".join(f'"{c}"' for c in columns)
        self.sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' for _ in columns)})"
        self._table = table
        self._processors: dict[str, list[tuple[int, Callable[[Any], Any]]]] = {}
        self._values = itemgetter(*columns)  # a row's values in column order, as a tuple (more than one column)

    def run(self, conn: Connection, cursor: DBAPICursor, rows: list[dict[str, Any]]) -> None:
        converting = self._processors.get(conn.dialect.name)
        if converting is None:  # (position, processor) of the columns whose values need converting
            processors = [self._table.c[c].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
                          for c in self.columns]
            converting = self._processors[conn.dialect.name] = [(i, p) for i, p in enumerate(processors) if p]
        values = self._values
        if not converting:
            cursor.executemany(self.sql, [values(row) for row in rows])
            return
        out = []
        for row in rows:
            converted = list(values(row))
            for i, process in converting:
                converted[i] = process(converted[i])
            out.append(converted)
        cursor.executemany(self.sql, out)


_INCIDENT_ROW = _Inserts(INCIDENTS, (
    "id", "search_rowid", "report_number", "status", "district", "beat", "occurred_at", "address", "latitude",
    "longitude", "agent_count", "created_at", "updated_at", "version", "is_demo", "record_json",
    "cpd_rd_number", "oemc_event_number", "review_decision", "credential_check", "injured_count", "ems_summoned",
    "aid_rendered"))
_AGENT_ROWS = _Inserts(AgentRow.__table__, (
    "incident_id", "position", "agent_id", "agency", "name", "badge", "plate", "plate_state"))
_FOOTAGE_ROWS = _Inserts(FootageRow.__table__, (
    "incident_id", "position", "footage_id", "kind", "preservation_status", "preservation_deadline", "sha256",
    "device_id", "officer_star", "evidence_id", "start", "flagged_at"))
_VIOLATION_ROWS = _Inserts(ViolationRow.__table__, ("incident_id", "position", "violation_id", "statute", "offence_class"))


def _columns(inc: Incident, record_json: str | None) -> dict[str, Any]:
    return {
        "report_number": inc.report_number or None,
        "status": inc.status.value,
        "district": inc.district,
        "beat": inc.beat,
        "occurred_at": utc_naive(inc.occurred_at),
        "address": inc.location.address,
        "latitude": inc.location.latitude,
        "longitude": inc.location.longitude,
        "agent_count": len(inc.agents),
        "created_at": utc_naive(inc.created_at),
        "updated_at": utc_naive(inc.updated_at),
        "version": inc.version,
        "is_demo": inc.is_demo,
        "record_json": record_json if record_json is not None else canonical_text(to_dict(inc)),
        "cpd_rd_number": inc.cpd_rd_number,
        "oemc_event_number": inc.oemc_event_number,
        "review_decision": inc.felony_review.decision.value if inc.felony_review.decision else "",
        **order_counts(inc),
    }


def order_counts(inc: Incident) -> dict[str, Any]:
    """What the public release counts of the order's credential check and injuries (no names)."""
    fs, medical = inc.federal_supervisor, inc.medical
    return {
        "credential_check": fs.credential_check.value if fs.credential_check else "",
        "injured_count": len(inc.injuries),
        "ems_summoned": medical.ems_summoned_at is not None,
        "aid_rendered": "" if medical.is_empty() else medical.aid_rendered_by_cpd.value,
    }


def write_row(session: Session, inc: Incident, *, exists: bool, record_json: str | None = None) -> None:
    """Insert or rewrite the incident's row, its child rows and its search entry, in the caller's transaction.
    `record_json`: the record's interchange JSON when the caller has it already (ChangeEvent.after_json)."""
    conn = session.connection()
    if exists:
        conn.execute(_UPDATE_INCIDENT, {"key": inc.id, **_columns(inc, record_json)})
        search_rowid = conn.scalar(select(INCIDENTS.c.search_rowid).where(INCIDENTS.c.id == inc.id))
        assert search_rowid is not None, "an existing incident's row has its search entry"
        _delete_children(session, inc.id)
        conn.execute(text("DELETE FROM incident_fts WHERE rowid = :r"), {"r": search_rowid})
        _write_rows(conn, [], [inc], [_search_row(inc, search_rowid)])
    else:
        insert_rows(session, [(inc, record_json)])


def insert_rows(session: Session, records: list[tuple[Incident, str | None]]) -> None:
    """Records not in the store yet ((incident, its interchange JSON or None), e.g. a pulled page of up to
    1,000), in the caller's transaction: one executemany per table, whether one record or a thousand."""
    if not records:
        return
    conn = session.connection()
    first = (conn.exec_driver_sql("SELECT max(search_rowid) FROM incidents").scalar() or 0) + 1
    _write_rows(conn, [{"id": inc.id, "search_rowid": first + n, **_columns(inc, record_json)}
                       for n, (inc, record_json) in enumerate(records)],
                [inc for inc, _ in records],
                [_search_row(inc, first + n) for n, (inc, _) in enumerate(records)])


def _write_rows(conn: Connection, incident_rows: list[dict[str, Any]], children_of: list[Incident],
                search: list[tuple[Any, ...]]) -> None:
    cursor = conn.connection.cursor()  # the driver's, on the session's connection: same transaction
    try:
        if incident_rows:
            _INCIDENT_ROW.run(conn, cursor, incident_rows)
        for inserts, rows in ((_AGENT_ROWS, [r for inc in children_of for r in _agent_rows(inc)]),
                              (_FOOTAGE_ROWS, [r for inc in children_of for r in _footage_rows(inc)]),
                              (_VIOLATION_ROWS, [r for inc in children_of for r in _violation_rows(inc)])):
            if rows:
                inserts.run(conn, cursor, rows)
        cursor.executemany(_INSERT_FTS, search)
    finally:
        cursor.close()


def delete_row(session: Session, incident_id: str) -> None:
    search_rowid = session.scalar(select(IncidentRow.search_rowid).where(IncidentRow.id == incident_id))
    session.execute(text("DELETE FROM incident_fts WHERE rowid = :r"), {"r": search_rowid})
    _delete_children(session, incident_id)
    session.execute(delete(IncidentRow).where(IncidentRow.id == incident_id))


def _delete_children(session: Session, incident_id: str) -> None:
    conn = session.connection()
    for table in (AgentRow.__table__, FootageRow.__table__, ViolationRow.__table__):
        conn.execute(delete(table).where(table.c.incident_id == incident_id))


def _agent_rows(inc: Incident) -> list[dict[str, Any]]:
    return [{"incident_id": inc.id, "position": i, "agent_id": a.id, "agency": a.agency.value, "name": a.name,
             "badge": a.badge, "plate": a.vehicle.plate if a.vehicle else "",
             "plate_state": a.vehicle.plate_state if a.vehicle else ""}
            for i, a in enumerate(inc.agents)]


def _footage_rows(inc: Incident) -> list[dict[str, Any]]:
    return [{"incident_id": inc.id, "position": i, "footage_id": f.id, "kind": f.kind.value,
             "preservation_status": f.preservation_status.value,
             "preservation_deadline": utc_naive(f.preservation_deadline), "sha256": f.sha256,
             "device_id": f.device_id, "officer_star": f.officer_star, "evidence_id": f.evidence_id,
             "start": utc_naive(f.start), "flagged_at": utc_naive(f.flagged_at)}
            for i, f in enumerate(inc.footage)]


def _violation_rows(inc: Incident) -> list[dict[str, Any]]:
    return [{"incident_id": inc.id, "position": i, "violation_id": v.id, "statute": v.statute,
             "offence_class": v.offence_class}
            for i, v in enumerate(inc.violations)]


_INSERT_FTS = ("INSERT INTO incident_fts (rowid, incident_id, report_number, narrative, address, agent_names, badges, "
               "plates) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def _search_row(inc: Incident, search_rowid: int) -> tuple[Any, ...]:
    # The CPD RD number and the OEMC event number are found like the report number.
    numbers = " ".join(n for n in (inc.report_number, inc.cpd_rd_number, inc.oemc_event_number) if n)
    return (search_rowid, inc.id, numbers, inc.narrative, inc.location.address,
            " ".join(a.name for a in inc.agents if a.name),
            " ".join(badge_tokens(a.badge) for a in inc.agents if a.badge),
            " ".join(plate_tokens(a.vehicle.plate) for a in inc.agents if a.vehicle and a.vehicle.plate))


def fts_query(user_text: str) -> str:
    """Each word of the user's text must match as a prefix; quoting keeps FTS5 syntax out of their hands. Text
    of several pieces may also be one plate or badge typed with spaces or dashes ('zx 81234', 'ZX-81234'): it
    also matches the link index's key of it, which the index holds beside the plate and badge as typed."""

    words = re.findall(r"\w+", user_text, flags=re.UNICODE)
    query = " ".join(f'"{w}"*' for w in words)
    if len(words) < 2 or len(words) > 4:
        return query
    keys = {k for k in (normalise_plate(user_text), normalise_badge(user_text)) if k and len(k) <= 16}
    if not keys:
        return query
    return f"({query}) OR " + " OR ".join(f'"{k}"*' for k in sorted(keys))
