"""The JSON interchange format round-trips losslessly and names every structural problem."""

import json
from datetime import UTC, datetime, timedelta

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_app.domain import enums, records
from intake_app.domain.interchange import (
    FORMAT,
    canonical_json,
    dumps,
    from_dict,
    legacy_canonical_json,
    loads,
    to_dict,
)
from intake_app.domain.problems import ValidationError
from intake_app.paths import resource_path

from ..factories import make_incident

SCHEMA = json.loads(resource_path("schema", "incident-2.schema.json").read_text())
SCHEMA_1 = json.loads(resource_path("schema", "incident-1.schema.json").read_text())

text = st.text(max_size=40)
aware = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 1, 1),
                     timezones=st.sampled_from([UTC])).map(lambda d: d.replace(microsecond=0))
maybe = lambda s: st.none() | s  # noqa: E731

vehicles = st.builds(records.Vehicle, plate=text, plate_state=text, make=text, model=text, color=text)
agents = st.builds(records.Agent, agency=st.sampled_from(enums.Agency), name=text, badge=text,
                   identified_by=maybe(st.sampled_from(enums.IdentifiedBy)), masked=st.booleans(),
                   description=text, vehicle=maybe(vehicles), agency_name=text,
                   visible_id_displayed=st.sampled_from(enums.YesNoUnknown), body_camera_worn=st.sampled_from(enums.YesNoUnknown),
                   refused_to_identify=st.sampled_from(enums.YesNoUnknown))
footage = st.builds(records.FootageItem, kind=st.sampled_from(enums.FootageKind), device_id=text, officer_star=text,
                    start=maybe(aware), end=maybe(aware), evidence_id=text, file_path=text,
                    sha256=st.just("") | st.text("0123456789abcdef", min_size=64, max_size=64),
                    file_size=maybe(st.integers(0, 2**42)), file_mtime=maybe(aware), hashed_at=maybe(aware),
                    preservation_status=st.sampled_from(enums.Preservation), preservation_requested_at=maybe(aware),
                    preservation_deadline=maybe(aware), flagged_at=maybe(aware),
                    flag_reasons=st.lists(st.sampled_from(enums.FlagReason), max_size=3, unique=True), hold_form=text)
violations = st.builds(records.Violation, statute=text, offence_class=text, details=text, agent_ids=st.lists(text, max_size=3),
                       subsection=text)
days = st.dates(min_value=datetime(2000, 1, 1).date(), max_value=datetime(2030, 1, 1).date())
federal_supervisors = st.builds(records.FederalSupervisor, agency=st.sampled_from(enums.Agency), agency_name=text, name=text,
                                badge=text, credential_check=maybe(st.sampled_from(enums.CredentialCheck)),
                                not_attempted_reason=text, checked_at=maybe(aware), footage_id=text)
injuries = st.builds(records.Injury, role=st.sampled_from(enums.InjuredRole), description=text,
                     severity=st.sampled_from(enums.InjurySeverity))
medicals = st.builds(records.Medical, anyone_injured=maybe(st.sampled_from(enums.YesNoUnknown)), ems_summoned_at=maybe(aware),
                     ems_unit=text, aid_rendered_by_cpd=st.sampled_from(enums.YesNoUnknown), transported_to=text)
charges = st.builds(records.ApprovedCharge, citation=text, offence_class=text, subsection=text)
steps = st.builds(records.ReviewStep, decision=st.sampled_from(enums.ReviewDecision), decided_on=days,
                  charges=st.lists(charges, max_size=2), comment=text, by_name=text, by_star=text,
                  recorded_at=maybe(aware))
touhy = st.builds(records.TouhyRequest, agency=st.sampled_from(enums.Agency), agency_name=text, what=text, sent_on=maybe(days),
                  status=st.sampled_from(enums.TouhyStatus))
felony_reviews = st.builds(records.FelonyReview, asa_name=text, asa_unit=text, reference=text,
                           steps=st.lists(steps, max_size=2), touhy_requests=st.lists(touhy, max_size=2))
history = st.builds(records.StatusChange, from_status=st.sampled_from(enums.Status), to_status=st.sampled_from(enums.Status),
                    by_name=text, by_star=text, at=aware, comment=text)
incidents = st.builds(
    records.Incident, report_number=st.just(""), status=st.sampled_from(enums.Status), created_at=maybe(aware),
    updated_at=maybe(aware), version=st.integers(0, 10_000), district=maybe(st.integers(-5, 40)), beat=text,
    occurred_at=maybe(aware), timezone=st.just("UTC"),
    location=st.builds(records.Location, address=text, latitude=maybe(st.floats(-90, 90)), longitude=maybe(st.floats(-180, 180))),
    source=maybe(st.sampled_from(enums.Source)),
    reporting_party=maybe(st.builds(records.ReportingParty, name=text, phone=text, preferred_language=st.sampled_from(["en", "es"]),
                                    consent_to_contact=st.booleans(), confidential=st.booleans(),
                                    address=text)),
    narrative=st.text(max_size=300), supervisor=st.builds(records.Supervisor, name=text, star=text),
    agents=st.lists(agents, max_size=3), footage=st.lists(footage, max_size=3),
    violations=st.lists(violations, max_size=2), history=st.lists(history, max_size=2), is_demo=st.booleans(),
    cpd_rd_number=text, oemc_event_number=text, federal_supervisor=federal_supervisors,
    use_of_force=maybe(st.sampled_from(enums.YesNoUnknown)), injuries=st.lists(injuries, max_size=2), medical=medicals,
    felony_review=felony_reviews,
)


@settings(max_examples=150, deadline=None)
@given(incidents)
def test_any_record_survives_the_json_round_trip(incident):
    [back] = loads(dumps(incident))
    assert back == incident
    assert canonical_json(back) == canonical_json(incident)


@settings(max_examples=100, deadline=None)
@given(incidents)
def test_every_export_matches_the_published_schema(incident):
    jsonschema.validate(to_dict(incident), SCHEMA)


def test_the_zone_of_the_incident_survives_the_round_trip():
    [back] = loads(dumps(make_incident()))
    assert str(back.occurred_at.tzinfo) == "America/Chicago"


def test_a_list_file_reports_problems_with_their_index():
    good = to_dict(make_incident())
    bad = to_dict(make_incident())
    bad["agents"][0]["agency"] = "cia"
    bad["footage"][0]["start"] = "yesterday"
    with pytest.raises(ValidationError) as err:
        loads(json.dumps([good, bad]))
    assert [p.path for p in err.value.problems] == ["[1].agents[0].agency", "[1].footage[0].start"]
    assert "'cia' is not one of" in err.value.problems[0].message


def test_a_wrong_format_tag_is_refused():
    data = to_dict(make_incident())
    data["format"] = "intake.incident/3"
    with pytest.raises(ValidationError, match="format"):
        from_dict(data)


def test_a_time_without_zone_is_refused():
    data = to_dict(make_incident())
    data["occurred_at"] = "2026-11-02T14:30:00"
    with pytest.raises(ValidationError, match="occurred_at: needs a time zone"):
        from_dict(data)


def test_not_json_at_all_names_the_line():
    with pytest.raises(ValidationError, match="line 1"):
        loads("{not json")


def test_format_tag_is_written():
    assert to_dict(make_incident())["format"] == FORMAT


def test_duplicate_agent_ids_are_refused():
    data = to_dict(make_incident(agents=2))
    data["agents"][1]["id"] = data["agents"][0]["id"]
    with pytest.raises(ValidationError, match=r"agents\[1\]\.id"):
        from_dict(data)


def test_datetime_offsets_keep_the_same_instant():
    inc = make_incident()
    inc.footage[0].start = datetime(2026, 11, 2, 20, 30, tzinfo=UTC) + timedelta(seconds=1)
    [back] = loads(dumps(inc))
    assert back.footage[0].start == inc.footage[0].start


def test_a_file_written_before_the_reporting_party_had_an_address_still_imports():
    data = to_dict(make_incident())
    del data["reporting_party"]["address"]
    back = from_dict(data)
    assert back.reporting_party.address == ""
    assert back.reporting_party.name == "Test Reporter"


def test_a_record_without_an_address_keeps_the_json_and_hash_it_always_had():
    inc = make_incident()
    inc.reporting_party.address = ""
    assert "address" not in to_dict(inc)["reporting_party"]
    assert b'"address":""' not in canonical_json(inc)


def test_the_reporting_partys_address_survives_export_import_export_byte_for_byte():
    first = dumps(make_incident())
    [back] = loads(first)
    assert back.reporting_party.address == "2206 W Reporterplace St"
    assert dumps(back) == first


def test_an_address_that_is_not_text_is_named_by_its_path():
    data = to_dict(make_incident())
    data["reporting_party"]["address"] = 42
    with pytest.raises(ValidationError, match=r"reporting_party\.address: must be text"):
        from_dict(data)


# ---------------------------------------------------------------- the second format, and files of the first

def _first_format(inc) -> dict:
    """The record as the first format wrote it (none of the second format's fields)."""
    data = to_dict(inc)
    data["format"] = "intake.incident/1"
    return data


def test_a_first_format_file_imports_as_a_record_with_nothing_new_answered():
    inc = make_incident()
    inc.federal_supervisor = records.FederalSupervisor()
    data = _first_format(inc)
    jsonschema.validate(data, SCHEMA_1)
    back = from_dict(data)
    assert back.narrative == inc.narrative and back.agents == inc.agents and back.footage == inc.footage
    assert back.cpd_rd_number == "" and back.felony_review.steps == [] and back.medical.anyone_injured is None
    assert to_dict(back)["format"] == "intake.incident/2"


def test_a_record_of_the_first_format_keeps_the_hash_it_had_for_audits_and_packets():
    inc = make_incident()
    inc.federal_supervisor = records.FederalSupervisor()
    old_bytes = json.dumps(_first_format(inc), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    assert legacy_canonical_json(from_dict(_first_format(inc))) == old_bytes


def test_a_record_using_the_second_format_has_no_first_format_hash():
    inc = make_incident()
    inc.cpd_rd_number = "JK123456"
    assert legacy_canonical_json(inc) is None


def test_the_order_fields_survive_export_import_export_byte_for_byte():
    inc = make_incident()
    inc.cpd_rd_number, inc.oemc_event_number = "JK123456", "2603104512"
    inc.federal_supervisor = records.FederalSupervisor(enums.Agency.ICE_ERO, "", "SDDO Smith", "", enums.CredentialCheck.REFUSED, "",
                                               inc.occurred_at, inc.footage[0].id)
    inc.injuries = [records.Injury(role=enums.InjuredRole.CIVILIAN, description="Cut to the head", severity=enums.InjurySeverity.SERIOUS)]
    inc.medical = records.Medical(enums.YesNoUnknown.YES, inc.occurred_at, "Ambulance 38", enums.YesNoUnknown.YES, "Mount Sinai Hospital")
    inc.footage[0].flagged_at, inc.footage[0].flag_reasons = inc.occurred_at, [enums.FlagReason.USE_OF_FORCE]
    first = dumps(inc)
    [back] = loads(first)
    assert back == inc and dumps(back) == first


def test_an_unknown_flag_reason_is_named_by_its_path():
    data = to_dict(make_incident())
    data["footage"][0]["flag_reasons"] = ["use_of_force", "bad_vibes"]
    with pytest.raises(ValidationError, match=r"footage\[0\]\.flag_reasons\[1\]: 'bad_vibes' is not one of"):
        from_dict(data)


def test_a_felony_review_step_without_a_date_is_named_by_its_path():
    data = to_dict(make_incident())
    data["felony_review"] = {"asa_name": "ASA Test", "steps": [{"decision": "declined"}]}
    with pytest.raises(ValidationError, match=r"felony_review\.steps\[0\]"):
        from_dict(data)


@pytest.mark.parametrize(("when", "inside"), [
    ("2000-01-01T00:00:00+00:00", True), ("2000-01-01T05:59:59+06:00", False),
    ("1999-12-31T23:30:00-06:00", True), ("1999-12-31T23:59:59+00:00", False),
    ("2000-12-31T23:00:00+14:00", True), ("2099-12-31T23:59:59+00:00", True),
    ("2099-12-31T20:00:00-06:00", False), ("2100-01-01T05:00:00+06:00", True), ("2100-01-01T00:00:00+00:00", False),
])
def test_times_at_the_ends_of_the_years_a_record_may_hold_are_judged_by_their_instant(when, inside):
    """Reading judges most times by their year alone; the first and last years by the exact instant."""
    record = to_dict(make_incident())
    record["occurred_at"] = when
    if inside:
        assert from_dict(record).occurred_at is not None
    else:
        with pytest.raises(ValidationError) as caught:
            from_dict(record)
        assert [(p.path, "outside the times a record may hold" in p.message) for p in caught.value.problems] == [
            ("occurred_at", True)]
