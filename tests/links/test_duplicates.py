"""After a save, incidents close in place and time (or sharing a plate or badge) are offered as the same event."""

from datetime import timedelta

from intake_app.domain.actor import Actor
from intake_app.domain.matching import CONFIRMED, DISMISSED, SAME_EVENT, DuplicateRules
from intake_app.storage.links.decisions import decide
from intake_app.storage.links.queries import duplicate_candidates, links_for

from .helpers import incident_at, plate_agent

SUPERVISOR = Actor("Sgt. Maria Test", "2231")


def test_two_reports_300_m_and_40_minutes_apart_are_offered(store, actor):
    officer = store.save(incident_at(), actor)
    resident = store.save(incident_at(north_m=300, minutes_later=40), actor)

    [match] = duplicate_candidates(store, resident)
    assert match.other.id == officer.id and match.kind == SAME_EVENT
    assert 290 < match.distance_m < 310 and match.minutes_apart == 40


def test_reports_3_km_apart_are_not_offered(store, actor):
    store.save(incident_at(), actor)
    far = store.save(incident_at(north_m=3000, minutes_later=10), actor)

    assert duplicate_candidates(store, far) == []


def test_reports_at_one_place_three_hours_apart_are_not_offered(store, actor):
    store.save(incident_at(), actor)
    later = store.save(incident_at(north_m=50, minutes_later=180), actor)

    assert duplicate_candidates(store, later) == []


def test_the_distance_and_window_are_configurable(store, actor):
    store.save(incident_at(), actor)
    later = store.save(incident_at(north_m=800, minutes_later=180), actor)

    wide = DuplicateRules(distance_m=1000, window=timedelta(hours=4))
    assert len(duplicate_candidates(store, later, wide)) == 1


def test_a_shared_plate_the_same_day_elsewhere_is_offered(store, actor):
    first = store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    elsewhere = store.save(incident_at(north_m=6000, minutes_later=300, agents=[plate_agent("abc-1234")]), actor)

    [match] = duplicate_candidates(store, elsewhere)
    assert match.other.id == first.id and match.distance_m > 5000
    assert [s.kind for s in match.shared] == ["plate"]


def test_a_shared_plate_a_month_later_is_a_pattern_not_a_duplicate(store, actor):
    store.save(incident_at(agents=[plate_agent("ABC 1234")]), actor)
    month_later = store.save(incident_at(minutes_later=60 * 24 * 30, agents=[plate_agent("ABC 1234")]), actor)

    assert duplicate_candidates(store, month_later) == []
    assert len(links_for(store, month_later.id)) == 1


def test_a_record_not_yet_saved_can_be_checked_too(store, actor):
    store.save(incident_at(), actor)

    assert len(duplicate_candidates(store, incident_at(north_m=100, minutes_later=5))) == 1


def test_a_dismissed_duplicate_is_not_offered_again(store, actor):
    officer = store.save(incident_at(), actor)
    resident = store.save(incident_at(north_m=300, minutes_later=40), actor)
    decide(store, resident.id, officer.id, SAME_EVENT, DISMISSED, SUPERVISOR, "two different arrests")

    assert duplicate_candidates(store, resident) == []
    assert duplicate_candidates(store, store.save(store.get(officer.id), actor)) == []


def test_linked_as_one_event_both_stay_and_each_lists_the_other(store, actor):
    officer = store.save(incident_at(), actor)
    resident = store.save(incident_at(north_m=300, minutes_later=40), actor)
    decide(store, resident.id, officer.id, SAME_EVENT, CONFIRMED, SUPERVISOR)

    assert duplicate_candidates(store, resident) == []
    [seen_from_officer] = links_for(store, officer.id)
    assert (seen_from_officer.other.id, seen_from_officer.kind, seen_from_officer.decision) == (resident.id, SAME_EVENT, CONFIRMED)
    assert store.count() == 2
