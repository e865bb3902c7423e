"""The one validator: every problem names its field path in plain words."""

from datetime import datetime, timedelta

from intake_app.domain import limits
from intake_app.domain.enums import Status
from intake_app.domain.problems import Severity
from intake_app.domain.records import Agent, Vehicle, Violation
from intake_app.domain.validation import blocking_for_status, validate

from ..factories import CHICAGO, make_incident


def paths(problems):
    return {p.path for p in problems}


def test_a_complete_incident_has_no_problems():
    assert validate(make_incident(agents=3, footage=2)) == []


def test_a_merged_district_is_refused_by_name():
    problems = validate(make_incident(district=13, beat="1311"))
    assert "district" in paths(problems)
    assert "13 is not a CPD district" in next(p.message for p in problems if p.path == "district")


def test_beat_must_start_with_the_district():
    problems = validate(make_incident(district=9, beat="1011"))
    assert [p.message for p in problems if p.path == "beat"] == [
        "beat 1011 is not in district 9 (its first two digits are the district)"
    ]


def test_an_incident_in_the_future_is_refused():
    problems = validate(make_incident(occurred_at=datetime.now(CHICAGO) + timedelta(days=1)))
    assert "occurred_at" in paths(problems)


def test_coordinates_outside_chicago_are_refused():
    inc = make_incident()
    inc.location.latitude, inc.location.longitude = 40.7128, -74.0060
    assert "location.latitude" in paths(validate(inc))


def test_unknown_agent_needs_a_description_or_a_vehicle():
    inc = make_incident()
    inc.agents.append(Agent())
    problems = validate(inc)
    assert "agents[1].description" in paths(problems)
    inc.agents[1].vehicle = Vehicle(plate="XYZ 9", plate_state="IL")
    assert "agents[1].description" not in paths(validate(inc))


def test_bad_plate_is_reported_at_its_exact_path():
    inc = make_incident(agents=2)
    inc.agents[1].vehicle.plate = "AB$%"
    problems = validate(inc)
    assert "agents[1].vehicle.plate" in paths(problems)


def test_body_worn_footage_needs_the_officer_star():
    inc = make_incident(footage=2)
    inc.footage[1].officer_star = ""
    assert "footage[1].officer_star" in paths(validate(inc))


def test_footage_ending_before_it_starts_is_refused():
    inc = make_incident()
    inc.footage[0].end = inc.footage[0].start - timedelta(minutes=1)
    assert "footage[0].end" in paths(validate(inc))


def test_class_must_be_one_of_the_statutes_classes():
    inc = make_incident()
    inc.violations[0] = Violation(statute="720 ILCS 5/12-3", offence_class="X", agent_ids=[])
    problems = validate(inc)
    assert "violations[0].offence_class" in paths(problems)


def test_violation_must_point_at_an_agent_of_this_incident():
    inc = make_incident()
    inc.violations[0].agent_ids.append("not-an-agent")
    assert "violations[0].agent_ids[1]" in paths(validate(inc))


def test_a_statute_missing_from_the_catalogue_is_refused():
    inc = make_incident()
    inc.violations[0].statute = "720 ILCS 5/99-99"
    assert "violations[0].statute" in paths(validate(inc))


def test_narrative_over_the_limit_is_refused_with_its_length():
    inc = make_incident(narrative="x" * 100_001)
    [problem] = [p for p in validate(inc) if p.path == "narrative"]
    assert "100,001" in problem.message


def test_missing_values_are_incomplete_and_do_not_block_a_draft():
    inc = make_incident(beat="", narrative="")
    problems = validate(inc)
    assert {p.severity for p in problems} == {Severity.INCOMPLETE}
    assert blocking_for_status(problems, Status.DRAFT) == []
    assert paths(blocking_for_status(problems, Status.IN_REVIEW)) == {"beat", "narrative"}


def test_a_wrong_value_blocks_even_a_draft_import():
    problems = validate(make_incident(district=13, beat="1311"))
    assert "district" in paths(blocking_for_status(problems, Status.DRAFT))


def test_a_reporting_party_address_over_the_limit_is_refused_at_its_path():
    inc = make_incident()
    inc.reporting_party.address = "x" * 501
    [problem] = [p for p in validate(inc) if p.path == "reporting_party.address"]
    assert "501 characters" in problem.message and "500" in problem.message


def test_every_control_character_is_found_in_a_single_line_and_a_multi_line_text():
    """Every code point below U+3000, in an address (multi-line) and a supervisor's name (single line): a
    control character is named by its path, anything else is not; tabs and line breaks only in the first."""
    control, multiline = limits.CONTROL, limits.CONTROL_IN_MULTILINE
    for cp in range(0x3000):
        c = chr(cp)
        inc = make_incident()
        inc.location.address, inc.supervisor.name = f"12 W {c}Main St", f"Lt. {c}Ortiz"
        found = {p.path for p in validate(inc, now=datetime.now().astimezone())
                 if p.template.startswith("holds a control character")}
        expected = {path for path, pattern in (("location.address", multiline), ("supervisor.name", control))
                    if pattern.match(c)}
        assert found == expected, hex(cp)
