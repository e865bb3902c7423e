"""The JSON interchange format round-trips losslessly and names every structural problem."""

import json
from datetime import UTC, datetime, timedelta

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake_app.domain.enums import Agency, FootageKind, IdentifiedBy, Preservation, Source, Status
from intake_app.domain.interchange import FORMAT, canonical_json, dumps, from_dict, loads, to_dict
from intake_app.domain.problems import ValidationError
from intake_app.domain.records import (
    Agent,
    FootageItem,
    Incident,
    Location,
    ReportingParty,
    StatusChange,
    Supervisor,
    Vehicle,
    Violation,
)
from intake_app.paths import resource_path

from ..factories import make_incident

SCHEMA = json.loads(resource_path("schema", "incident-1.schema.json").read_text())

text = st.text(max_size=40)
aware = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 1, 1),
                     timezones=st.sampled_from([UTC])).map(lambda d: d.replace(microsecond=0))
maybe = lambda s: st.none() | s  # noqa: E731

vehicles = st.builds(Vehicle, plate=text, plate_state=text, make=text, model=text, color=text)
agents = st.builds(Agent, agency=st.sampled_from(Agency), name=text, badge=text,
                   identified_by=maybe(st.sampled_from(IdentifiedBy)), masked=st.booleans(),
                   description=text, vehicle=maybe(vehicles))
footage = st.builds(FootageItem, kind=st.sampled_from(FootageKind), device_id=text, officer_star=text,
                    start=maybe(aware), end=maybe(aware), evidence_id=text, file_path=text,
                    sha256=st.just("") | st.text("0123456789abcdef", min_size=64, max_size=64),
                    file_size=maybe(st.integers(0, 2**42)), file_mtime=maybe(aware), hashed_at=maybe(aware),
                    preservation_status=st.sampled_from(Preservation), preservation_requested_at=maybe(aware),
                    preservation_deadline=maybe(aware))
violations = st.builds(Violation, statute=text, offence_class=text, details=text, agent_ids=st.lists(text, max_size=3))
history = st.builds(StatusChange, from_status=st.sampled_from(Status), to_status=st.sampled_from(Status),
                    by_name=text, by_star=text, at=aware, comment=text)
incidents = st.builds(
    Incident, report_number=st.just(""), status=st.sampled_from(Status), created_at=maybe(aware),
    updated_at=maybe(aware), version=st.integers(0, 10_000), district=maybe(st.integers(-5, 40)), beat=text,
    occurred_at=maybe(aware), timezone=st.just("UTC"),
    location=st.builds(Location, address=text, latitude=maybe(st.floats(-90, 90)), longitude=maybe(st.floats(-180, 180))),
    source=maybe(st.sampled_from(Source)),
    reporting_party=maybe(st.builds(ReportingParty, name=text, phone=text, preferred_language=st.sampled_from(["en", "es"]),
                                    consent_to_contact=st.booleans(), confidential=st.booleans(),
                                    address=text)),
    narrative=st.text(max_size=300), supervisor=st.builds(Supervisor, name=text, star=text),
    agents=st.lists(agents, max_size=3), footage=st.lists(footage, max_size=3),
    violations=st.lists(violations, max_size=2), history=st.lists(history, max_size=2), is_demo=st.booleans(),
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
    data["format"] = "intake.incident/2"
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
