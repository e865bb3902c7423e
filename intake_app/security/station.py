"""Station settings that belong to the station, not to the OS user: the idle-lock time is kept in the encrypted
store, changed by an administrator only, and every change is in the audit trail."""

from __future__ import annotations

from ..domain.actor import Actor
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
