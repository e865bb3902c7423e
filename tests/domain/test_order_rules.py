"""What the ICE On Notice order and CPD practice require, as the one validator checks it."""

from __future__ import annotations

from datetime import date

import pytest

from intake_app.domain.actor import Actor
from intake_app.domain.enums import (
    Agency,
    CredentialCheck,
    FlagReason,
    ReviewDecision,
    Source,
    Status,
    YesNoUnknown,
)
from intake_app.domain.geography import locate
from intake_app.domain.order_validation import rd_letters_for_year
from intake_app.domain.problems import Severity
from intake_app.domain.records import ApprovedCharge, FederalSupervisor, Location
from intake_app.domain.settings import StationSettings
from intake_app.domain.validation import validate
from intake_app.domain.workflow import WorkflowError, record_review_step, transition

from ..factories import make_incident
from ..order_story import refused_credentials_story

REVIEWER = Actor("Lt. Ray Review", "1187")


def paths(problems):
    return {p.path: p for p in problems}


def test_the_refused_credentials_story_is_complete_and_valid():
    assert validate(refused_credentials_story()) == []


def test_coordinates_give_district_10_and_its_beat():
    place = refused_credentials_story().location
    where = locate(place.latitude, place.longitude)
    assert (where.district, where.beat) == (10, "1013")


def test_a_typed_district_that_disagrees_with_the_coordinates_names_both():
    [problem] = [p for p in validate(refused_credentials_story(district=9, beat="0911")) if p.path == "district"]
    assert problem.message == "district 9 disagrees with the coordinates, which are in district 10 (beat 1013)"


def test_a_typed_beat_that_disagrees_with_the_coordinates_names_both():
    [problem] = [p for p in validate(refused_credentials_story(beat="1011")) if p.path == "beat"]
    assert problem.message == "beat 1011 disagrees with the coordinates, which are in beat 1013"


@pytest.mark.parametrize("beat", ["0199", "0100"])
def test_a_beat_must_be_a_real_beat_of_its_district(beat):
    [problem] = [p for p in validate(make_incident(district=1, beat=beat, location=Location("x"))) if p.path == "beat"]
    assert problem.message == f"beat {beat} is not a beat of district 1"


@pytest.mark.parametrize("place", [(41.8570, -87.8606), (41.9353, -87.8656), (41.8456, -87.7539), (41.8850, -87.7845)],
                         ids=["Broadview", "Franklin Park", "Cicero", "Oak Park"])
def test_coordinates_outside_the_citys_beats_are_refused(place):
    inc = make_incident(location=Location("x", *place))
    assert "is outside Chicago" in paths(validate(inc))["location.latitude"].message


def test_force_used_with_no_injury_section_answered_is_missing():
    inc = make_incident()
    inc.footage[0].flagged_at, inc.footage[0].flag_reasons = inc.occurred_at, [FlagReason.USE_OF_FORCE]
    problem = paths(validate(inc))["medical.anyone_injured"]
    assert problem.severity == Severity.INCOMPLETE
    inc.medical.anyone_injured = YesNoUnknown.NO
    assert "medical.anyone_injured" not in paths(validate(inc))


def test_a_refused_credential_check_needs_its_time_and_the_footage_that_shows_it():
    inc = make_incident()
    inc.federal_supervisor = FederalSupervisor(Agency.ICE_ERO, credential_check=CredentialCheck.REFUSED)
    found = paths(validate(inc))
    assert {"federal_supervisor.checked_at", "federal_supervisor.footage_id"} <= set(found)


def test_a_check_not_attempted_needs_a_reason():
    inc = make_incident()
    inc.federal_supervisor = FederalSupervisor(credential_check=CredentialCheck.NOT_ATTEMPTED)
    assert "federal_supervisor.not_attempted_reason" in paths(validate(inc))


def test_cpd_on_scene_must_answer_the_credential_check_but_a_community_report_need_not():
    inc = make_incident()
    inc.federal_supervisor = FederalSupervisor()
    assert "federal_supervisor.credential_check" in paths(validate(inc))
    inc.source = Source.COMMUNITY
    assert "federal_supervisor.credential_check" not in paths(validate(inc))


def test_rd_letters_name_the_year():
    assert (rd_letters_for_year(2017), rd_letters_for_year(2025), rd_letters_for_year(2026)) == ("JA", "JJ", "JK")


@pytest.mark.parametrize("number", ["JK12345", "J1234567", "jk123456", "JI123456"])
def test_an_rd_number_that_is_not_two_letters_and_six_digits_is_wrong(number):
    inc = make_incident()
    inc.cpd_rd_number = number
    assert "cpd_rd_number" in paths(validate(inc))


def test_an_rd_number_of_another_year_is_wrong():
    inc = make_incident()  # occurred in 2026
    inc.cpd_rd_number = "JH123456"
    assert paths(validate(inc))["cpd_rd_number"].message == "JH is not the RD letters of 2026 (JK)"


def test_the_oemc_pattern_comes_from_the_settings():
    inc = make_incident()
    inc.oemc_event_number = "E-1234"
    assert "oemc_event_number" in paths(validate(inc))
    station = StationSettings(oemc_event_number_pattern=r"^E-\d{4}$")
    assert "oemc_event_number" not in paths(validate(inc, settings=station))


def test_another_federal_agency_must_be_named():
    inc = make_incident()
    inc.agents[0].agency = Agency.OTHER_FEDERAL
    assert "agents[0].agency_name" in paths(validate(inc))
    inc.agents[0].agency_name = "DOJ Office of the Inspector General"
    assert "agents[0].agency_name" not in paths(validate(inc))


def test_a_subsection_is_written_like_the_code_writes_it():
    inc = make_incident()
    inc.violations[0].subsection = "e1"
    assert paths(validate(inc))["violations[0].subsection"].message == "must look like (e)(1)"


def referred(inc=None):
    inc = inc or refused_credentials_story()
    for to in (Status.IN_REVIEW, Status.APPROVED, Status.REFERRED):
        inc = transition(inc, to, REVIEWER)
    return inc


def test_a_referred_incident_closes_only_after_the_felony_reviews_decision():
    inc = referred()
    with pytest.raises(WorkflowError, match="felony review"):
        transition(inc, Status.CLOSED, REVIEWER)
    declined = record_review_step(inc, ReviewDecision.DECLINED, REVIEWER, decided_on=date(2026, 11, 4),
                                  asa_name="ASA Jane Prosecutor", asa_unit="Felony Review Unit")
    assert transition(declined, Status.CLOSED, REVIEWER).status == Status.CLOSED


def test_after_a_decline_the_misdemeanor_local_police_file_is_recorded_as_the_next_step():
    inc = record_review_step(referred(), ReviewDecision.DECLINED, REVIEWER, decided_on=date(2026, 11, 4),
                             asa_name="ASA Jane Prosecutor")
    inc = record_review_step(inc, ReviewDecision.MISDEMEANOR, REVIEWER, decided_on=date(2026, 11, 5),
                             charges=[ApprovedCharge("720 ILCS 5/12-3", "A")])
    assert [s.decision for s in inc.felony_review.steps] == [ReviewDecision.DECLINED, ReviewDecision.MISDEMEANOR]
    assert inc.felony_review.steps[1].by_star == "1187"
    assert validate(inc) == []


def test_approved_charges_are_final_and_need_the_charges():
    inc = referred()
    with pytest.raises(Exception, match="charges"):
        record_review_step(inc, ReviewDecision.CHARGES_APPROVED, REVIEWER, decided_on=date(2026, 11, 4),
                           asa_name="ASA Jane Prosecutor")
    approved = record_review_step(inc, ReviewDecision.CHARGES_APPROVED, REVIEWER, decided_on=date(2026, 11, 4),
                                  asa_name="ASA Jane Prosecutor", charges=[ApprovedCharge("720 ILCS 5/12-3.05", "3")])
    with pytest.raises(WorkflowError, match="cannot follow"):
        record_review_step(approved, ReviewDecision.DECLINED, REVIEWER, decided_on=date(2026, 11, 5))


def test_only_a_referred_incident_has_a_felony_review():
    with pytest.raises(WorkflowError, match="referred"):
        record_review_step(make_incident(), ReviewDecision.DECLINED, REVIEWER, decided_on=date(2026, 11, 4))


def test_an_administrators_beat_map_in_the_data_folder_replaces_the_shipped_one(tmp_path):
    import json

    from intake_app.domain import geography

    square = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"beat": "0101", "district": 1},
              "geometry": {"type": "Polygon", "coordinates": [[[-87.7, 41.8], [-87.6, 41.8], [-87.6, 41.9],
                                                               [-87.7, 41.9], [-87.7, 41.8]]]}}]}
    (tmp_path / geography.BEATS_FILE).write_text(json.dumps(square))
    shipped = geography.default_beat_map()
    try:
        assert geography.use_beat_map_of(tmp_path)
        assert geography.locate(41.85, -87.65) == geography.Located(1, "0101")
    finally:
        geography._default = shipped


def test_a_beat_map_that_cannot_be_used_stops_the_opening_naming_it(data_dir):
    from intake_app.domain import geography
    from intake_app.storage.errors import StoreOpenError
    from intake_app.storage.opening import open_store

    shipped = geography.default_beat_map()
    (data_dir / geography.BEATS_FILE).write_text('{"type": "FeatureCollection", "features": [{"properties": {}}]}')
    with pytest.raises(StoreOpenError) as raised:
        open_store(data_dir)
    assert raised.value.reason == StoreOpenError.BAD_STATION_FILE
    assert geography.BEATS_FILE in str(raised.value) and "features[0]" in str(raised.value)
    assert geography.default_beat_map() is shipped  # the map in use stays
