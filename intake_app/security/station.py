"""Station settings that belong to the station, not to the OS user: the idle-lock time is kept in the encrypted
store, changed by an administrator only, and every change is in the audit trail."""

from __future__ import annotations

from ..domain.actor import Actor
from ..domain.problems import ValidationError
from ..domain.settings import StationSettings
from ..domain.validation import validate_settings
from ..storage.repository import IncidentStore
from .audit import record_action_in
from .users import _require_admin

IDLE_LOCK = "idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 10
IDLE_RANGE = (1, 240)


def idle_lock_minutes(store: IncidentStore) -> int:
    raw = store.station_value(IDLE_LOCK)
    try:
        minutes = int(raw) if raw is not None else DEFAULT_IDLE_MINUTES
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return min(max(minutes, IDLE_RANGE[0]), IDLE_RANGE[1])


def set_idle_lock_minutes(store: IncidentStore, admin: Actor, minutes: int) -> int:
    _require_admin(store, admin)
    if not IDLE_RANGE[0] <= int(minutes) <= IDLE_RANGE[1]:
        raise ValueError(f"idle_lock_minutes: between {IDLE_RANGE[0]} and {IDLE_RANGE[1]} minutes")
    with store.transaction() as session:
        before = store.station_value(IDLE_LOCK)
        store.set_station_value_in(session, IDLE_LOCK, str(int(minutes)))
        record_action_in(session, None, "station_settings", admin,
                         f"idle lock {before or DEFAULT_IDLE_MINUTES} -> {int(minutes)} min")
    return int(minutes)


AUDITED_SETTINGS = ("district", "retention_days", "language", "rd_number_pattern", "oemc_event_number_pattern",
                    "flagged_retention_days", "footage_retention_days", "hold_forms")


def save_station_settings(store: IncidentStore, actor: Actor, settings: StationSettings) -> StationSettings:
    """Settings as the dialog saves them: checked by the one validator (nothing written when a setting is wrong,
    each problem naming its setting), then written with one audit entry per setting changed, in one transaction."""
    problems = validate_settings(settings)
    if problems:
        raise ValidationError(problems)
    with store.transaction() as session:
        before = store.settings_in(session)
        store.save_settings_in(session, settings)
        for name in AUDITED_SETTINGS:
            old, new = getattr(before, name), getattr(settings, name)
            if old != new:
                record_action_in(session, None, "station_settings", actor, f"{name}: {old!r} -> {new!r}")
    return settings
