"""Footage whose preservation is not yet confirmed, soonest deadline first; status changes saved (and audited).

The alert list is read from the footage projection alone (never the records' JSON): a page of it over
100,000 incidents takes milliseconds. Its deadline is the recording start plus the station's retention as set
now, so a changed retention shows at once, before the records are saved again (each save stores the same
computation in the record). With one retention for every item, soonest deadline first is earliest start first,
which the partial index ix_footage_awaiting delivers in order. POD and private/business cameras not yet preserved
(asked for or not) are listed too, their deadline the start plus their kind's retention in Settings; they are
read through their own partial index, ix_footage_perishable, one kind at a time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select, text
from sqlalchemy.orm import Session

from ..domain.actor import Actor
from ..domain.enums import FootageKind, Preservation
from ..domain.preservation import set_preservation
from ..domain.records import Incident
from .queries import FIRST_ALERTS, AlertPage, PreservationAlert
from .repository import IncidentStore
from .tables import AWAITING_PRESERVATION, PERISHABLE_AWAITING, FootageRow, IncidentRow

FOOTAGE = FootageRow.__table__
AWAITING = text(AWAITING_PRESERVATION)
_COLUMNS = select(FOOTAGE.c.incident_id, FOOTAGE.c.position, FOOTAGE.c.footage_id, FOOTAGE.c.kind, FOOTAGE.c.device_id,
                  FOOTAGE.c.officer_star, FOOTAGE.c.preservation_status, FOOTAGE.c.start,
                  FOOTAGE.c.preservation_deadline, FOOTAGE.c.evidence_id, IncidentRow.report_number,
                  FOOTAGE.c.flagged_at, IncidentRow.cpd_rd_number, IncidentRow.oemc_event_number).join_from(
    FOOTAGE, IncidentRow.__table__, IncidentRow.id == FOOTAGE.c.incident_id)
_ROW = _COLUMNS.where(AWAITING)
PERISHABLE = text(PERISHABLE_AWAITING)
PERISHABLE_KINDS = (FootageKind.POD, FootageKind.PRIVATE)  # as PERISHABLE_AWAITING names them
_NEVER = datetime.max.replace(tzinfo=UTC)


def _kind_days(per_kind: object, kind: FootageKind) -> int | None:
    """The kind's retention in Settings, or None when there is none (or the stored setting is damaged)."""
    days = per_kind.get(kind.value) if isinstance(per_kind, dict) else None
    return days if isinstance(days, int) and not isinstance(days, bool) and 0 <= days < 100_000 else None


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None else None


def _by_deadline(alert: PreservationAlert) -> datetime:
    # Items here have a start or a given deadline, so a deadline; none would sort last.
    return alert.deadline or datetime.max.replace(tzinfo=UTC)


def _alert(row: Any, retention: timedelta | None) -> PreservationAlert:
    # Without a start no deadline can be computed; an imported record may still carry one it was given elsewhere.
    # POD and private cameras pass their kind's retention as `retention` (None: their kind has none).
    stored = _aware(row.preservation_deadline)
    if retention is None or (row.flagged_at is not None and stored is not None):
        # A recording flagged under the Body Camera Act is kept from the flag (the stored deadline), no longer
        # 90 days.
        deadline = stored
    else:
        deadline = row.start.replace(tzinfo=UTC) + retention if row.start is not None else stored
    return PreservationAlert(row.incident_id, row.report_number or "", row.footage_id, row.position,
                             FootageKind(row.kind), row.device_id, row.officer_star, Preservation(row.preservation_status),
                             deadline, row.evidence_id, row.cpd_rd_number or "", row.oemc_event_number or "",
                             row.flagged_at is not None)


def _soonest(session: Session, retention: timedelta, limit: int | None) -> list[PreservationAlert]:
    """Items with a start, by start: an index walk that stops at the page size. Then the few without a start
    (drafts, imports): those with a deadline given elsewhere, by that deadline, and those with none, last."""
    by_start = _ROW.where(FOOTAGE.c.start.is_not(None)).order_by(FOOTAGE.c.start).limit(limit)
    given = (_ROW.where(FOOTAGE.c.start.is_(None), FOOTAGE.c.preservation_deadline.is_not(None))
             .order_by(FOOTAGE.c.preservation_deadline).limit(limit))
    dated = [_alert(r, retention) for r in session.execute(by_start)]
    dated += [_alert(r, retention) for r in session.execute(given)]
    dated.sort(key=_by_deadline)  # stable: ties keep the index order
    alerts = dated[:limit] if limit is not None else dated
    room = None if limit is None else limit - len(alerts)
    if room is None or room > 0:
        unknown = _ROW.where(FOOTAGE.c.start.is_(None), FOOTAGE.c.preservation_deadline.is_(None)).limit(room)
        alerts += [_alert(r, retention) for r in session.execute(unknown)]
    return alerts


def _perishable(session: Session, per_kind: object, limit: int | None) -> list[PreservationAlert]:
    """POD and private cameras not yet preserved, a kind at a time (one retention each, so by start is by
    deadline): those with a start first, by start, up to the page size; then those without."""
    alerts = []
    for kind in PERISHABLE_KINDS:
        days = _kind_days(per_kind, kind)
        retention = None if days is None else timedelta(days=days)
        of_kind = _COLUMNS.where(PERISHABLE, FOOTAGE.c.kind == kind.value)
        stmt = of_kind.order_by(FOOTAGE.c.start.is_(None), FOOTAGE.c.start).limit(limit)
        alerts += [_alert(r, retention) for r in session.execute(stmt)]
    return alerts


def _perishable_counts(session: Session, per_kind: object, now: datetime) -> tuple[int, int]:
    """All POD and private items waiting, and those past their kind's deadline (or a deadline given elsewhere,
    for those without a start or a kind without a retention): one pass over each kind's part of the index."""
    naive_now = now.astimezone(UTC).replace(tzinfo=None)
    start, given = FOOTAGE.c.start, FOOTAGE.c.preservation_deadline
    total = overdue = 0
    for kind in PERISHABLE_KINDS:
        days = _kind_days(per_kind, kind)
        late = given < naive_now if days is None else or_(
            start < naive_now - timedelta(days=days), and_(start.is_(None), given < naive_now))
        counted = select(func.count(), func.coalesce(func.sum(case((late, 1), else_=0)), 0)).select_from(
            FOOTAGE).where(PERISHABLE, FOOTAGE.c.kind == kind.value)
        waiting, past = session.execute(counted).one()
        total, overdue = total + waiting, overdue + past
    return total, overdue


def _counts(session: Session, *, cutoff: datetime, now: datetime) -> tuple[int, int]:
    """All items waiting, and those overdue, in one pass over the index: before the cutoff (overdue), after it,
    and the few without a start (overdue by a deadline given elsewhere, or unknown)."""
    def count(*where: ColumnElement[bool]) -> int:
        return session.scalar(select(func.count()).select_from(FOOTAGE).where(AWAITING, *where)) or 0

    cutoff, now = cutoff.astimezone(UTC).replace(tzinfo=None), now.astimezone(UTC).replace(tzinfo=None)
    started_overdue, started_in_time = count(FOOTAGE.c.start < cutoff), count(FOOTAGE.c.start >= cutoff)
    unstarted_overdue = count(FOOTAGE.c.start.is_(None), FOOTAGE.c.preservation_deadline < now)
    unstarted = count(FOOTAGE.c.start.is_(None))
    return started_overdue + started_in_time + unstarted, started_overdue + unstarted_overdue


def alert_page(store: IncidentStore, *, limit: int | None = FIRST_ALERTS, now: datetime | None = None) -> AlertPage:
    """Footage not yet preserved that is purged or overwritten on a schedule: body-worn and in-car items, POD and
    private/business cameras (asked for or not), soonest deadline first (unknown deadlines last), with the count
    of all of them and of those overdue; one read, so the counts and the page agree."""
    now = now or store.clock()
    with store.reading() as session:
        settings = store.settings_in(session)
        retention = timedelta(days=settings.retention_days)
        alerts = _perishable(session, settings.footage_retention_days, limit) + _soonest(session, retention, limit)
        alerts.sort(key=lambda a: (a.deadline is None, a.deadline or _NEVER))  # stable: ties keep their order
        if limit is not None:
            alerts = alerts[:limit]
        total, overdue = _counts(session, cutoff=now - retention, now=now)
        perishable_total, perishable_overdue = _perishable_counts(session, settings.footage_retention_days, now)
    return AlertPage(alerts, total + perishable_total, overdue + perishable_overdue)


def mark_preservation(store: IncidentStore, incident_id: str, footage_id: str, status: Preservation, actor: Actor,
                      *, evidence_id: str = "") -> Incident:
    """Requested (on the station's hold form for the item's kind, from Settings) or preserved (with the
    evidence-management id): saved as a new version, so the change is audited."""
    current = store.get(incident_id)
    return store.save(set_preservation(current, footage_id, status, evidence_id=evidence_id, now=store.clock(),
                                       hold_forms=store.settings().hold_forms), actor)
