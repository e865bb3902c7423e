"""One rule for instants: every time a record holds is an exact instant with its UTC offset.

Python compares and adds two datetimes of the same ZoneInfo zone by their wall clocks, ignores `fold`, and
lets `datetime.combine(..., ZoneInfo(...))` build a wall time that does not exist (02:00-02:59 on the
spring-forward day in Chicago) or is ambiguous (01:00-01:59 on the fall-back day). So:

- local times are built only with `local_time`, which refuses a non-existent wall time and needs a choice
  (`fold`: 0 = the first, daylight-saving one, 1 = the second, standard one) for an ambiguous one;
- arithmetic on instants goes through UTC (`shifted`), and comparisons use `instant`;
- the canonical text of a time (`instant_text`) is computed from its exact instant, so reading a record
  back gives the same text (and hash) as the one stored.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


class LocalTimeError(ValueError):
    """A wall time that cannot stand for one instant as given."""


class NonExistentLocalTime(LocalTimeError):
    def __init__(self, wall: datetime, zone: str):
        self.wall, self.zone = wall, zone
        super().__init__(f"{wall:%Y-%m-%d %H:%M} does not exist in {zone}: the clocks skipped that hour")


class AmbiguousLocalTime(LocalTimeError):
    def __init__(self, wall: datetime, zone: str, choices: tuple[datetime, datetime]):
        self.wall, self.zone, self.choices = wall, zone, choices
        super().__init__(f"{wall:%Y-%m-%d %H:%M} happened twice in {zone} (the clocks were turned back): "
                         f"say which one ({choices[0].tzname()} or {choices[1].tzname()})")


def _exists(candidate: datetime) -> bool:
    return candidate.astimezone(UTC).astimezone(candidate.tzinfo).replace(tzinfo=None) == candidate.replace(tzinfo=None)


def is_ambiguous(day: date, clock: time, zone: str) -> bool:
    tz = ZoneInfo(zone)
    first = datetime.combine(day, clock, tz)
    return _exists(first) and first.utcoffset() != first.replace(fold=1).utcoffset()


def local_time(day: date, clock: time, zone: str, *, fold: int | None = None) -> datetime:
    """The instant of a wall-clock time in `zone`. Raises NonExistentLocalTime for a time the clocks skipped,
    and AmbiguousLocalTime for one they passed twice unless `fold` says which (0 = earlier, 1 = later)."""
    tz = ZoneInfo(zone)
    first = datetime.combine(day, clock.replace(tzinfo=None, fold=0), tz)
    if not _exists(first):
        raise NonExistentLocalTime(first, zone)
    second = first.replace(fold=1)
    if first.utcoffset() != second.utcoffset():
        if fold is None:
            raise AmbiguousLocalTime(first, zone, (first, second))
        return second if fold else first
    return first


def instant(value: datetime) -> datetime:
    """The exact instant of an aware datetime, in UTC (for comparisons across zones, folds and gaps)."""
    return value.astimezone(UTC)


def shifted(value: datetime, delta: timedelta) -> datetime:
    """`value + delta` as elapsed time (not wall-clock time), in value's zone."""
    return (value.astimezone(UTC) + delta).astimezone(value.tzinfo)


def normalized(value: datetime) -> datetime:
    """The same instant, as its own zone shows it: a wall time that does not exist (built by combine) becomes
    the one the clocks really showed; valid times come back unchanged."""
    if type(value.tzinfo) is not ZoneInfo:  # none, or a fixed offset (what a record read back holds)
        return value
    return value.astimezone(UTC).astimezone(value.tzinfo)


def instant_text(value: datetime) -> str:
    """The canonical text of a time: ISO 8601 with its UTC offset, computed from the exact instant."""
    return normalized(value).isoformat()
