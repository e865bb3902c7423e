"""Preservation of body-worn and in-car camera footage: deadlines and status changes (no storage here).

Illinois law keeps body-camera recordings 90 days unless flagged (50 ILCS 706/10-20); the station can
set another retention in Settings. Past the deadline the footage may be purged, so a request must be
made, and confirmed, before then. A flagged recording is kept from the flag for the flagged retention (2 years);
POD and private cameras have their own, shorter retention per kind in Settings (phone video none).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from .enums import FootageKind, Preservation
from .records import FootageItem, Incident, deep_copy
from .settings import FLAGGED_RETENTION_DAYS, FOOTAGE_RETENTION_DAYS, StationSettings

DEFAULT_RETENTION_DAYS = 90
PURGED_AFTER_RETENTION = frozenset({FootageKind.BODY_WORN, FootageKind.IN_CAR})


def needs_deadline(item: FootageItem) -> bool:
    return item.kind in PURGED_AFTER_RETENTION


def deadline_for(item: FootageItem, retention_days: int = DEFAULT_RETENTION_DAYS, *,
                 settings: StationSettings | None = None) -> datetime | None:
    """When the footage may be purged, in UTC; None for footage not purged on a schedule or with no start.

    Body-worn and in-car: recording start + retention, which before a flag is the date by which the encounter
    must be flagged (50 ILCS 706/10-20); once flagged, the flag + the flagged retention (2 years). POD and
    private cameras: start + their kind's retention in the settings (30 and 7 days by default)."""
    if needs_deadline(item):
        if item.flagged_at is not None and item.flagged_at.tzinfo is not None:
            flagged_days = settings.flagged_retention_days if settings else FLAGGED_RETENTION_DAYS
            if isinstance(flagged_days, bool) or not isinstance(flagged_days, int) or not 0 < flagged_days < 100_000:
                flagged_days = FLAGGED_RETENTION_DAYS  # a damaged setting never shortens a flagged recording's hold
            return item.flagged_at.astimezone(UTC) + timedelta(days=flagged_days)
        if item.start is None:
            return None
        return item.start.astimezone(UTC) + timedelta(days=retention_days)
    per_kind = settings.footage_retention_days if settings else FOOTAGE_RETENTION_DAYS
    days = per_kind.get(item.kind.value) if isinstance(per_kind, dict) else FOOTAGE_RETENTION_DAYS.get(item.kind.value)
    if days is None or item.start is None or isinstance(days, bool) or not isinstance(days, int) \
            or not 0 <= days < 100_000:
        return None
    return item.start.astimezone(UTC) + timedelta(days=days)


def with_deadlines(incident: Incident, retention_days: int = DEFAULT_RETENTION_DAYS, *,
                   settings: StationSettings | None = None) -> Incident:
    """A copy whose body-worn and in-car items carry their deadline, recomputed (the start or the station's
    retention may have changed since the last save). An item already preserved keeps the deadline it had:
    it is what the hold was made against, and moving it later could make a timely hold look late."""
    result = deep_copy(incident)
    for item in result.footage:
        if (item.preservation_status == Preservation.PRESERVED and item.preservation_deadline is not None
                and needs_deadline(item) and item.flagged_at is None):
            continue
        item.preservation_deadline = deadline_for(item, retention_days, settings=settings)
    return result


class PreservationError(ValueError):
    pass


def set_preservation(incident: Incident, footage_id: str, status: Preservation, *, evidence_id: str = "",
                     now: datetime | None = None, hold_forms: dict[str, str] | None = None) -> Incident:
    """A copy with one item's preservation status changed. "Preserved" needs the evidence-management id
    (e.g. the Evidence.com id) so the footage can be found again. "Requested" records the form the hold is asked
    on, the station's form for the item's kind (`hold_forms`, from Settings), unless the item names one already."""
    result = deep_copy(incident)
    for i, item in enumerate(result.footage):
        if item.id != footage_id:
            continue
        evidence_id = evidence_id.strip() or item.evidence_id
        if status == Preservation.PRESERVED and not evidence_id:
            raise PreservationError(f"footage[{i}].evidence_id: enter the evidence-management id of the preserved footage")
        item.preservation_status = status
        item.evidence_id = evidence_id
        if status == Preservation.REQUESTED and item.preservation_requested_at is None:
            item.preservation_requested_at = now or datetime.now(UTC)
        if status == Preservation.REQUESTED and not item.hold_form.strip() and isinstance(hold_forms, dict):
            form = hold_forms.get(item.kind.value)
            if isinstance(form, str) and form.strip():
                item.hold_form = form.strip()[:64]  # the validator's limit for the field
        return result
    raise PreservationError(f"footage: no item with id {footage_id} in incident {incident.report_number or incident.id}")
