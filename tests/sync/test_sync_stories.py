"""Stations sync through one real server on PostgreSQL: everyone ends up with the same records, once."""

from __future__ import annotations

from intake_app.domain.actor import Actor
from intake_app.sync import conflicts, state
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .conftest import edited_on_both

ACTOR = Actor("Sgt. Maria Test", "2231")


def ids(store) -> list[str]:
    return sorted(inc.id for inc in store.all())


def test_two_stations_and_headquarters_all_see_the_same_records(make_device):
    a = make_device("a", district=9)
    b = make_device("b", district=9)
    hq = make_device("hq", headquarters=True)
    made_a = [a.save(make_incident(), ACTOR) for _ in range(3)]
    made_b = [b.save(make_incident(), ACTOR) for _ in range(2)]

    for store in (a, b, hq, a):
        report = sync_once(store)
        assert report.ok, report.error

    expected = sorted(inc.id for inc in made_a + made_b)
    assert ids(a) == ids(b) == ids(hq) == expected
    assert {inc.report_number for inc in hq.all()} == {inc.report_number for inc in made_a + made_b}


def test_pulled_records_are_not_sent_back(make_device):
    a = make_device("a", district=9)
    b = make_device("b", district=9)
    a.save(make_incident(), ACTOR)
    sync_once(a)
    sync_once(b)
    assert state.status(b).pending == 0
    assert sync_once(b).pushed == 0


def test_a_station_never_receives_another_districts_records(make_device):
    nine = make_device("nine", district=9)
    two = make_device("two", district=2)
    nine.save(make_incident(), ACTOR)
    assert sync_once(nine).ok
    assert sync_once(two).ok
    assert two.count() == 0


def test_an_edit_on_two_devices_becomes_a_visible_conflict_not_a_lost_update(make_device):
    a = make_device("a", district=9)
    b = make_device("b", district=9)
    original = a.save(make_incident(), ACTOR)
    sync_once(a)
    sync_once(b)

    mine_a = a.get(original.id)
    mine_a.narrative = "Edited at station A."
    a.save(mine_a, ACTOR)
    mine_b = b.get(original.id)
    mine_b.narrative = "Edited at station B."
    b.save(mine_b, ACTOR)
    assert sync_once(a).ok
    report = sync_once(b)

    assert report.conflicts == 1
    [(mine, theirs)] = conflicts.conflicts(b)
    assert mine.narrative == "Edited at station B."
    assert theirs.narrative == "Edited at station A."
    assert b.get(original.id).narrative == "Edited at station B."  # nothing overwritten while it is open


def test_keeping_mine_after_a_conflict_reaches_everyone(make_device, admin):
    a, b, original = edited_on_both(make_device, "A's words.", "B's words.")

    conflicts.keep_mine(b, original.id, ACTOR)
    assert sync_once(b).ok
    assert admin.sql("SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NULL")[0].n == 0
    assert sync_once(a).ok
    assert a.get(original.id).narrative == "B's words."
    assert conflicts.conflicts(b) == []


def test_taking_theirs_after_a_conflict(make_device, admin):
    a, b, original = edited_on_both(make_device, "A's words.", "B's words.")

    conflicts.take_theirs(b, original.id, ACTOR)
    assert sync_once(b).ok
    assert b.get(original.id).narrative == "A's words."
    assert conflicts.conflicts(b) == []
    assert admin.sql("SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NULL")[0].n == 0


def test_status_changes_travel_too(make_device):
    from intake_app.domain.enums import Status

    a = make_device("a", district=9)
    hq = make_device("hq", headquarters=True)
    inc = a.save(make_incident(), ACTOR)
    a.change_status(inc.id, Status.IN_REVIEW, ACTOR)
    assert sync_once(a).ok
    assert sync_once(hq).ok
    assert hq.get(inc.id).status == Status.IN_REVIEW


def test_one_refused_record_is_kept_and_named_while_the_others_go_through(make_device):
    a = make_device("a", district=9)
    hq = make_device("hq", headquarters=True)
    others = [a.save(make_incident(), ACTOR) for _ in range(3)]
    moved = a.save(make_incident(district=2, beat="0211"), ACTOR)  # not this station's district

    report = sync_once(a)

    assert report.pushed == 3 and not report.ok
    assert moved.report_number in report.error and "kept here" in report.error
    assert state.status(a).pending == 1
    assert sync_once(hq).ok
    assert ids(hq) == sorted(inc.id for inc in others)
