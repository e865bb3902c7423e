"""Records stay true across the 2026 clock changes in Chicago: spring forward (2026-03-08, 02:00-02:59 never
happens) and fall back (2026-11-01, 01:00-01:59 happens twice). Every minute of both days is checked."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from intake_app.domain.demo import demo_incidents
from intake_app.domain.instants import AmbiguousLocalTime, NonExistentLocalTime, local_time
from intake_app.domain.interchange import canonical_json, from_dict, to_dict
from intake_app.domain.validation import validate

from ..factories import make_footage, make_incident

CHICAGO = ZoneInfo("America/Chicago")
ZONE = "America/Chicago"
SPRING_FORWARD, FALL_BACK = date(2026, 3, 8), date(2026, 11, 1)


def _every_minute(day: date):
    for minute in range(24 * 60):
        yield time(minute // 60, minute % 60)


def _instants_of(day: date) -> list[datetime]:
    """Every instant of the day, minute by minute, as the clocks in Chicago showed it (both 01:30s on fall back)."""
    start = datetime.combine(day, time(0), CHICAGO).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), CHICAGO).astimezone(UTC)
    out, at = [], start
    while at < end:
        out.append(at.astimezone(CHICAGO))
        at += timedelta(minutes=1)
    return out


def test_the_helper_refuses_every_minute_the_clocks_skipped_and_builds_every_other_one():
    built = []
    for clock in _every_minute(SPRING_FORWARD):
        if clock.hour == 2:
            with pytest.raises(NonExistentLocalTime, match="does not exist"):
                local_time(SPRING_FORWARD, clock, ZONE)
        else:
            built.append(local_time(SPRING_FORWARD, clock, ZONE))
    assert len(built) == 23 * 60
    assert [b.astimezone(UTC) for b in built] == [i.astimezone(UTC) for i in _instants_of(SPRING_FORWARD)]


def test_the_helper_needs_a_choice_for_every_minute_that_happened_twice():
    built = []
    for clock in _every_minute(FALL_BACK):
        if clock.hour == 1:
            with pytest.raises(AmbiguousLocalTime) as raised:
                local_time(FALL_BACK, clock, ZONE)
            assert [c.tzname() for c in raised.value.choices] == ["CDT", "CST"]
            built += [local_time(FALL_BACK, clock, ZONE, fold=0), local_time(FALL_BACK, clock, ZONE, fold=1)]
        else:
            built.append(local_time(FALL_BACK, clock, ZONE))
    assert sorted(b.astimezone(UTC) for b in built) == [i.astimezone(UTC) for i in _instants_of(FALL_BACK)]


@pytest.mark.parametrize("day", [SPRING_FORWARD, FALL_BACK], ids=["spring-forward", "fall-back"])
def test_every_minute_of_a_clock_change_day_reads_back_byte_identical(day):
    record = make_incident()
    for at in _instants_of(day):
        record.occurred_at = at
        record.footage[0].start, record.footage[0].end = at, at + timedelta(minutes=20)
        stored = canonical_json(record)
        again = canonical_json(from_dict(json.loads(stored)))
        assert again == stored, at


@pytest.mark.parametrize("wall", ["02:20", "02:59"])
def test_a_wall_time_built_by_combine_in_the_skipped_hour_is_stored_as_the_time_the_clocks_showed(wall):
    typed = datetime.combine(SPRING_FORWARD, time.fromisoformat(wall), CHICAGO)  # what the wizard built before
    record = make_incident(occurred_at=typed)
    stored = canonical_json(record)
    assert canonical_json(from_dict(json.loads(stored))) == stored
    text = to_dict(record)["occurred_at"]
    assert text.endswith("-05:00") and text.startswith("2026-03-08T03:")


def test_footage_across_the_skipped_hour_is_judged_by_its_instants_in_memory_as_after_the_round_trip():
    start = datetime.combine(SPRING_FORWARD, time(2, 50), CHICAGO)  # 08:50 UTC
    end = datetime.combine(SPRING_FORWARD, time(3, 10), CHICAGO)  # 08:10 UTC: before the start
    record = make_incident(occurred_at=local_time(SPRING_FORWARD, time(1, 30), ZONE))
    record.footage = [make_footage(start, end=end)]
    now = datetime(2026, 3, 9, tzinfo=UTC)
    in_memory = [p.path for p in validate(record, now=now)]
    read_back = [p.path for p in validate(from_dict(json.loads(canonical_json(record))), now=now)]
    assert "footage[0].end" in in_memory
    assert in_memory == read_back


def test_the_later_one_thirty_on_fall_back_day_is_after_the_earlier_one_thirty_five():
    first = local_time(FALL_BACK, time(1, 35), ZONE, fold=0)  # CDT
    second = local_time(FALL_BACK, time(1, 30), ZONE, fold=1)  # CST, 55 minutes later
    record = make_incident(occurred_at=first)
    record.footage = [make_footage(first, end=second)]
    assert not [p for p in validate(record, now=datetime(2026, 11, 2, tzinfo=UTC)) if p.path == "footage[0].end"]


@pytest.mark.parametrize("seed", [19, 2026, 7, 123])
def test_demo_data_never_holds_a_time_the_clocks_did_not_show(seed):
    now = datetime(2026, 12, 6, 12, 0, tzinfo=CHICAGO)
    for inc in demo_incidents(300, seed=seed, now=now):
        stored = canonical_json(inc)
        assert canonical_json(from_dict(json.loads(stored))) == stored
        for item in inc.footage:
            assert item.end.astimezone(UTC) >= item.start.astimezone(UTC)


def test_demo_then_verify_finds_nothing_altered(intake):
    code, _, err = intake("demo", "--incidents", "300", "--seed", "19")
    assert code == 0, err
    code, out, err = intake("verify")
    assert code == 0, out + err
