"""`intake links`, `intake duplicates` and `intake link`, as a reviewer at a terminal uses them."""

import json

import pytest

from .helpers import incident_at, plate_agent


@pytest.fixture
def three_cars(store, actor):
    """Incidents in districts 9, 12 and 25 sharing one plate typed three ways."""
    return [
        store.save(incident_at(district=9, agents=[plate_agent("ABC 1234")]), actor),
        store.save(incident_at(district=12, minutes_later=60 * 24 * 3, agents=[plate_agent("abc-1234")]), actor),
        store.save(incident_at(district=25, minutes_later=60 * 24 * 9, agents=[plate_agent("ABC l234")]), actor),
    ]


def test_links_lists_the_other_incidents_with_scores(intake, three_cars):
    code, out, _ = intake("links", three_cars[0].report_number)
    assert code == 0
    assert three_cars[1].report_number in out and three_cars[2].report_number in out
    assert "0.90 strong" in out and "plate abc-1234 (IL)" in out


def test_a_confirmed_link_appears_in_links_json(intake, three_cars):
    first, second, _ = three_cars
    code, out, _ = intake("link", first.report_number, second.report_number, "--confirm", "--note", "same Durango")
    assert code == 0 and "confirmed" in out

    code, out, _ = intake("links", first.report_number, "--json")
    rows = {r["report_number"]: r for r in json.loads(out)}
    assert code == 0
    assert rows[second.report_number]["decision"] == "confirmed"
    assert rows[second.report_number]["district"] == 12
    assert rows[second.report_number]["shared"][0]["kind"] == "plate"
    assert rows[three_cars[2].report_number]["decision"] is None


def test_a_rejected_link_is_gone_from_links_json(intake, three_cars):
    first, _, third = three_cars
    assert intake("link", third.id, first.id, "--reject", "--note", "plate misread")[0] == 0

    _, out, _ = intake("links", first.report_number, "--json")
    assert third.report_number not in {r["report_number"] for r in json.loads(out)}


def test_duplicates_lists_a_pair_near_in_place_and_time_once(intake, store, actor):
    officer = store.save(incident_at(), actor)
    resident = store.save(incident_at(north_m=300, minutes_later=40), actor)
    store.save(incident_at(north_m=3000, minutes_later=40), actor)

    code, out, _ = intake("duplicates", "--json")
    [pair] = json.loads(out)
    assert code == 0
    assert {pair["a"]["report_number"], pair["b"]["report_number"]} == {officer.report_number, resident.report_number}
    assert 290 < pair["b"]["distance_m"] < 310


def test_duplicates_since_a_later_date_leaves_older_pairs_out(intake, store, actor):
    store.save(incident_at(), actor)
    store.save(incident_at(north_m=300, minutes_later=40), actor)

    _, out, _ = intake("duplicates", "--since", "2026-11-20", "--json")
    assert json.loads(out) == []


def test_a_bad_date_is_refused_with_exit_2(intake):
    code, _, err = intake("duplicates", "--since", "20/11/2026")
    assert code == 2 and "--since" in err


def test_linking_an_unknown_incident_is_refused_with_exit_2(intake, three_cars):
    code, _, err = intake("link", three_cars[0].report_number, "D009-2026-XXX-99999", "--confirm")
    assert code == 2 and "D009-2026-XXX-99999" in err


def test_linking_an_incident_to_itself_is_refused_with_exit_2(intake, three_cars):
    code, _, err = intake("link", three_cars[0].report_number, three_cars[0].id, "--confirm")
    assert code == 2 and "itself" in err


def test_a_wider_station_rule_is_kept_for_later_searches(intake, store, actor):
    store.save(incident_at(), actor)
    store.save(incident_at(north_m=800, minutes_later=150), actor)
    assert json.loads(intake("duplicates", "--json")[1]) == []

    code, _, err = intake("duplicates", "--distance", "1000", "--window", "180", "--save-rules", "--json")
    assert code == 0 and "1000 m, 180 min" in err

    assert len(json.loads(intake("duplicates", "--json")[1])) == 1


def test_a_zero_distance_is_refused_with_exit_2(intake):
    code, _, err = intake("duplicates", "--distance", "0")
    assert code == 2 and "--distance" in err
