"""Footage whose preservation is not yet confirmed, soonest deadline first; status changes saved (and audited).

The alert list is read from the footage projection alone (never the records' JSON): a page of it over
100,000 incidents takes milliseconds. Its deadline is the recording start plus the station's retention as set
now, so a changed retention shows at once, before the records are saved again (each save stores the same
computation in the record). With one retention for every item, soonest deadline first is earliest start first,
which the partial index ix_footage_awaiting delivers in order.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..domain.actor import Actor
from ..domain.enums import FootageKind, Preservation
from ..domain.preservation import set_preservation
from ..domain.records import Incident
from .queries import FIRST_ALERTS, AlertPage, PreservationAlert
from .repository import IncidentStore
from .tables import AWAITING_PRESERVATION, PRIVATE_REQUESTED, FootageRow, IncidentRow

FOOTAGE = FootageRow.__table__
AWAITING = text(AWAITING_PRESERVATION)
_COLUMNS = select(FOOTAGE.c.incident_id, FOOTAGE.c.position, FOOTAGE.c.footage_id, FOOTAGE.c.kind, FOOTAGE.c.device_id,
                  FOOTAGE.c.officer_star, FOOTAGE.c.preservation_status, FOOTAGE.c.start,
                  FOOTAGE.c.preservation_deadline, FOOTAGE.c.evidence_id, IncidentRow.report_number,
                  FOOTAGE.c.flagged_at, IncidentRow.cpd_rd_number, IncidentRow.oemc_event_number).join_from(
    FOOTAGE, IncidentRow.__table__, IncidentRow.id == FOOTAGE.c.incident_id)
_ROW = _COLUMNS.where(AWAITING)
# Private cameras asked for and not received: few, so all of them, first (the owner may overwrite them any day).
_PRIVATE = _COLUMNS.where(text(PRIVATE_REQUESTED)).order_by(FOOTAGE.c.start)
def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None else None


def _alert(row, retention: timedelta) -> PreservationAlert:
    # Without a start no deadline can be computed; an imported record may still carry one it was given elsewhere.
    stored = _aware(row.preservation_deadline)
    if row.kind == FootageKind.PRIVATE.value or (row.flagged_at is not None and stored is not None):
        # A private camera's deadline follows its kind's retention in Settings (stored with the record, as the
        # owner's recorder overwrites on its own schedule); a recording flagged under the Body Camera Act is
        # kept from the flag (the stored deadline), no longer 90 days.
        deadline = stored
    else:
        deadline = _aware(row.start) + retention if row.start is not None else stored
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
    dated.sort(key=lambda a: a.deadline)  # stable: ties keep the index order
    alerts = dated[:limit] if limit is not None else dated
    room = None if limit is None else limit - len(alerts)
    if room is None or room > 0:
        unknown = _ROW.where(FOOTAGE.c.start.is_(None), FOOTAGE.c.preservation_deadline.is_(None)).limit(room)
        alerts += [_alert(r, retention) for r in session.execute(unknown)]
    return alerts


def _counts(session: Session, *, cutoff: datetime, now: datetime) -> tuple[int, int]:
    """All items waiting, and those overdue, in one pass over the index: before the cutoff (overdue), after it,
    and the few without a start (overdue by a deadline given elsewhere, or unknown)."""
    def count(*where) -> int:
        return session.scalar(select(func.count()).select_from(FOOTAGE).where(AWAITING, *where)) or 0

    cutoff, now = cutoff.astimezone(UTC).replace(tzinfo=None), now.astimezone(UTC).replace(tzinfo=None)
    started_overdue, started_in_time = count(FOOTAGE.c.start < cutoff), count(FOOTAGE.c.start >= cutoff)
    unstarted_overdue = count(FOOTAGE.c.start.is_(None), FOOTAGE.c.preservation_deadline < now)
    unstarted = count(FOOTAGE.c.start.is_(None))
    return started_overdue + started_in_time + unstarted, started_overdue + unstarted_overdue


def alert_page(store: IncidentStore, *, limit: int | None = FIRST_ALERTS, now: datetime | None = None) -> AlertPage:
    """Private/business cameras asked for and not yet received (first: no deadline of ours protects them), then
    body-worn and in-car items not yet preserved, soonest deadline first (unknown deadlines last), with the count
    of all of them and of those overdue; one read, so the counts and the page agree."""
    now = now or store.clock()
    with store.reading() as session:
        retention = timedelta(days=store.settings_in(session).retention_days)
        private = [_alert(r, retention) for r in session.execute(_PRIVATE)]
        alerts = private + _soonest(session, retention, None if limit is None else max(0, limit - len(private)))
        total, overdue = _counts(session, cutoff=now - retention, now=now)
    return AlertPage(alerts, total + len(private), overdue)


def unconfirmed(store: IncidentStore, *, limit: int | None = None) -> list[PreservationAlert]:
    """Body-worn and in-car items not yet preserved, soonest deadline first (unknown deadlines last)."""
    return alert_page(store, limit=limit).alerts


def mark_preservation(store: IncidentStore, incident_id: str, footage_id: str, status: Preservation, actor: Actor,
                      *, evidence_id: str = "") -> Incident:
    """Requested or preserved (with the evidence-management id): saved as a new version, so the change is audited."""
    current = store.get(incident_id)
    return store.save(set_preservation(current, footage_id, status, evidence_id=evidence_id, now=store.clock()), actor)
