"""Reviewers' link decisions travel through sync (linked incidents): headquarters sees what stations confirmed, a
rejection made on one device is not offered again on another, and no device learns of another district's
incident through a decision. Real server, real PostgreSQL."""

from __future__ import annotations

import pytest

from intake_app.domain.actor import Actor
from intake_app.domain.matching import AGENT_LINK, CONFIRMED, REJECTED
from intake_app.security.audit import entries_for
from intake_app.storage.links.decisions import LinkError, decide
from intake_app.storage.links.queries import confirmed_links_for_packet, links_for
from intake_app.sync import state
from intake_app.sync.engine import sync_once
from intake_app.sync.link_decisions_sync import pending

from ..links.helpers import decisions_for, incident_at, plate_agent

STATION_REVIEWER = Actor("Lt. Ana Reviewer", "5150")
HQ_REVIEWER = Actor("Cmdr. Hal Quarters", "7001")
OFFICER = Actor("Sgt. Maria Test", "2231")


def _synced(*stores) -> None:
    for store in stores:
        report = sync_once(store)
        assert report.ok, report.error


def _same_plate_pair(store, district: int = 9):
    """An officer's report and a resident's report of one car, days apart, in one district."""
    first = store.save(incident_at(district=district, agents=[plate_agent("ABC 1234")]), OFFICER)
    second = store.save(incident_at(district=district, minutes_later=60 * 24 * 3,
                                    agents=[plate_agent("abc-1234")]), OFFICER)
    return first, second


def test_headquarters_sees_a_link_confirmed_at_a_station_with_who_and_where(make_device):
    station = make_device("station9", district=9)
    hq = make_device("hq", headquarters=True)
    first, second = _same_plate_pair(station)
    decide(station, first.id, second.id, AGENT_LINK, CONFIRMED, STATION_REVIEWER, note="same Durango")

    _synced(station, hq)

    [match] = links_for(hq, first.id)
    assert (match.other.id, match.decision) == (second.id, CONFIRMED)
    [row] = confirmed_links_for_packet(hq, first.id)
    assert row.report_number == second.report_number
    [decision] = decisions_for(hq, first.id)
    assert (decision.actor_name, decision.actor_star, decision.station, decision.note) == (
        "Lt. Ana Reviewer", "5150", "district 9", "same Durango")
    [audited] = [e for e in entries_for(hq, first.id) if e.action == "link_confirmed"]
    assert (audited.actor_name, audited.actor_star) == ("Lt. Ana Reviewer", "5150")
    assert "district 9" in audited.new_value and second.report_number in audited.new_value


def test_a_rejection_at_headquarters_is_not_offered_again_at_the_station(make_device):
    station = make_device("station9", district=9)
    hq = make_device("hq", headquarters=True)
    first, second = _same_plate_pair(station)
    _synced(station, hq)
    assert [m.other.id for m in links_for(station, first.id)] == [second.id]  # suggested before

    decide(hq, first.id, second.id, AGENT_LINK, REJECTED, HQ_REVIEWER)
    _synced(hq, station)

    assert links_for(station, first.id) == []
    [decision] = decisions_for(station, first.id)
    assert (decision.decision, decision.station, decision.actor_name) == (REJECTED, "headquarters",
                                                                          "Cmdr. Hal Quarters")


def test_a_rejection_on_one_station_device_reaches_the_stations_other_device(make_device):
    front_desk = make_device("front", district=9)
    watch_office = make_device("watch", district=9)
    first, second = _same_plate_pair(front_desk)
    _synced(front_desk, watch_office)

    decide(watch_office, first.id, second.id, AGENT_LINK, REJECTED, STATION_REVIEWER)
    _synced(watch_office, front_desk)

    assert links_for(front_desk, first.id) == []


def test_a_decision_is_kept_once_however_often_it_is_sent_or_pulled(make_device, admin):
    station = make_device("station9", district=9)
    hq = make_device("hq", headquarters=True)
    first, second = _same_plate_pair(station)
    decide(station, first.id, second.id, AGENT_LINK, CONFIRMED, STATION_REVIEWER)

    _synced(station, station, hq, hq, station)

    [[on_server]] = admin.sql("SELECT count(*) FROM link_decisions")
    assert on_server == 1
    assert len(decisions_for(station, first.id)) == len(decisions_for(hq, first.id)) == 1
    assert pending(station) == 0
    assert len([e for e in entries_for(hq, first.id) if e.action == "link_confirmed"]) == 1


def test_a_district_device_gets_no_decision_about_another_districts_incident(make_device):
    nine = make_device("nine", district=9)
    twelve = make_device("twelve", district=12)
    hq = make_device("hq", headquarters=True)
    mine = nine.save(incident_at(district=9, agents=[plate_agent("ABC 1234")]), OFFICER)
    theirs = twelve.save(incident_at(district=12, minutes_later=60 * 24 * 3, agents=[plate_agent("abc-1234")]),
                         OFFICER)
    _synced(nine, twelve, hq)
    decide(hq, mine.id, theirs.id, AGENT_LINK, CONFIRMED, HQ_REVIEWER)
    other_hq = make_device("hq2", headquarters=True)

    _synced(hq, nine, twelve, other_hq)

    assert decisions_for(nine, mine.id) == [] and decisions_for(twelve, theirs.id) == []
    [decision] = decisions_for(other_hq, mine.id)
    assert (decision.incident_a, decision.incident_b) == tuple(sorted((mine.id, theirs.id)))
    assert decision.station == "headquarters"


def test_a_decision_about_a_record_the_server_refused_waits_and_nothing_is_lost(make_device, admin):
    station = make_device("station9", district=9)
    first, second = _same_plate_pair(station)
    _synced(station)
    decide(station, first.id, second.id, AGENT_LINK, CONFIRMED, STATION_REVIEWER)
    admin.sql_do("DELETE FROM incidents")  # as if the server did not hold them (yet)

    report = sync_once(station)

    assert pending(station) == 1 and state.status(station).pending == 1  # shown as a change still to send
    assert not report.ok
    assert any("wait for an incident" in note for note in report.notes)
    [[on_server]] = admin.sql("SELECT count(*) FROM link_decisions")
    assert on_server == 0

    admin.sql_do("INSERT INTO incidents (id, district, version, record_json, last_seq, updated_at) "
                 "SELECT DISTINCT ON (incident_id) incident_id, district, version, record_json, seq, at "
                 "FROM changes ORDER BY incident_id, seq DESC")  # they arrive

    assert sync_once(station).ok
    assert pending(station) == 0
    [[on_server]] = admin.sql("SELECT count(*) FROM link_decisions")
    assert on_server == 1


def test_a_note_that_could_never_reach_headquarters_is_refused_naming_the_field(store):
    first, second = _same_plate_pair(store)

    with pytest.raises(LinkError, match="^note: "):
        decide(store, first.id, second.id, AGENT_LINK, CONFIRMED, STATION_REVIEWER, note="same car\x00")

    assert decisions_for(store, first.id) == [] and pending(store) == 0
