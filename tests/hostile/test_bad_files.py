"""`intake import` of files a careless user or an adversary would give it: each is refused with exit 2, naming
the field path (or the byte offset of a file that is not JSON), writing nothing, within bounded memory."""

from __future__ import annotations

import json
import tracemalloc

import pytest

from intake_app.domain.interchange import loads_file, to_dict
from intake_app.domain.problems import ValidationError

from ..factories import make_agent, make_incident


def _record(**changes) -> dict:
    record = to_dict(make_incident())
    record.update(changes)
    return record


def _import(intake, tmp_path, data: bytes | str | dict | list):
    path = tmp_path / "file.json"
    if isinstance(data, dict | list):
        data = json.dumps(data)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    code, out, err = intake("import", str(path))
    listed = intake("list", "--json")[1].strip()
    return code, err, listed


def test_a_file_of_100000_nested_arrays_is_refused_without_crashing(intake, tmp_path):
    code, err, listed = _import(intake, tmp_path, "[" * 100_000 + "]" * 100_000)
    assert code == 2 and "nests deeper than 16 levels" in err and "byte offset" in err
    assert listed == "[]"


def test_a_field_nested_5000_levels_deep_is_named_by_its_path(intake, tmp_path):
    text = json.dumps(_record(narrative="PLACEHOLDER")).replace('"PLACEHOLDER"', "[" * 5000 + "]" * 5000)
    code, err, listed = _import(intake, tmp_path, text)
    assert code == 2 and "narrative" in err and "nests deeper" in err
    assert listed == "[]"


def test_a_file_that_is_not_utf8_names_the_byte_offset(intake, tmp_path):
    data = json.dumps(_record()).encode("utf-8")
    at = data.index(b"Officers")
    code, err, listed = _import(intake, tmp_path, data[:at] + b"\xff\xfe" + data[at:])
    assert code == 2 and f"byte offset {at}" in err and "UTF-8" in err
    assert listed == "[]"


def test_a_version_of_2_to_the_70_is_refused_by_its_path(intake, tmp_path):
    text = json.dumps(_record(version=1)).replace('"version": 1', f'"version": {2**70}')
    code, err, listed = _import(intake, tmp_path, text)
    assert code == 2 and "version:" in err and "outside the numbers a record may hold" in err
    assert listed == "[]"


def test_an_integer_of_5000_digits_is_refused_not_crashed_on(intake, tmp_path):
    text = json.dumps(_record(district=9)).replace('"district": 9', '"district": ' + "9" * 5000)
    code, err, listed = _import(intake, tmp_path, text)
    assert code == 2 and "district:" in err
    assert listed == "[]"


@pytest.mark.parametrize("when", ["9999-12-31T23:59:00-06:00", "0001-01-01T00:00:00-06:00", "1900-06-01T12:00:00-06:00"])
def test_a_time_outside_the_years_a_record_may_hold_is_refused_by_its_path(intake, tmp_path, when):
    code, err, listed = _import(intake, tmp_path, _record(occurred_at=when))
    assert code == 2 and "occurred_at:" in err and "outside the times a record may hold" in err
    assert listed == "[]"


def test_a_footage_time_in_year_1_is_refused_by_its_path(intake, tmp_path):
    record = _record()
    record["footage"][0]["start"] = "0001-01-01T00:00:00+00:00"
    code, err, listed = _import(intake, tmp_path, record)
    assert code == 2 and "footage[0].start:" in err
    assert listed == "[]"


def test_a_negative_version_is_refused_not_stored_as_1(intake, tmp_path):
    code, err, listed = _import(intake, tmp_path, _record(version=-5))
    assert code == 2 and "version: cannot be negative" in err
    assert listed == "[]"


def test_an_unknown_top_level_field_is_refused_not_dropped(intake, tmp_path):
    code, err, listed = _import(intake, tmp_path, _record(secret_note="kept nowhere"))
    assert code == 2 and "secret_note: is not a field of intake.incident/2" in err
    assert listed == "[]"


def test_a_first_format_file_carrying_a_second_format_field_is_refused_by_name(intake, tmp_path):
    record = _record(format="intake.incident/1", cpd_rd_number="JH123456")
    code, err, listed = _import(intake, tmp_path, record)
    assert code == 2 and "cpd_rd_number: is not a field of intake.incident/1" in err
    assert listed == "[]"


def test_a_first_format_file_with_its_own_fields_only_imports(intake, tmp_path):
    record = _record(format="intake.incident/1")
    for second_only in ("cpd_rd_number", "oemc_event_number", "federal_supervisor", "felony_review", "injuries",
                        "medical", "use_of_force"):
        record.pop(second_only, None)
    code, err, listed = _import(intake, tmp_path, record)
    assert code == 0, err
    assert record["id"] in listed


@pytest.mark.parametrize(("field", "value"), [("narrative", "Agents\x00 detained"), ("narrative", "bell \x07 here"),
                                              ("agent", "Agent\x00Doe"), ("party", "Jos\u0085e")])
def test_nul_and_control_characters_in_names_and_the_narrative_are_refused(intake, tmp_path, field, value):
    record = _record()
    path = {"narrative": "narrative", "agent": "agents[0].name", "party": "reporting_party.name"}[field]
    if field == "narrative":
        record["narrative"] = value
    elif field == "agent":
        record["agents"][0]["name"] = value
    else:
        record["reporting_party"]["name"] = value
    code, err, listed = _import(intake, tmp_path, record)
    assert code == 2 and f"{path}: holds a control character" in err
    assert listed == "[]"


def test_line_breaks_and_tabs_in_the_narrative_are_kept(intake, tmp_path):
    code, err, _ = _import(intake, tmp_path, _record(narrative="First line.\n\tSecond line.\r\nThird."))
    assert code == 0, err


def test_ten_thousand_agents_are_refused_within_bounded_memory(intake, tmp_path):
    agent = to_dict(make_incident())["agents"][0]
    agents = [dict(agent, id=f"00000000-0000-4000-8000-{i:012d}") for i in range(10_000)]
    data = json.dumps(_record(agents=agents)).encode("utf-8")
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError):
            loads_file(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"10,000 agents: file {len(data) / 1e6:.1f} MB, peak memory of reading it {peak / 1e6:.1f} MB")
    assert peak < 10 * len(data)  # the parsed file, not ten thousand agents built and checked

    code, err, listed = _import(intake, tmp_path, data)
    assert code == 2 and "agents: holds 10,000 entries; the limit is 100" in err
    assert listed == "[]"


def test_two_records_with_the_same_id_in_one_file_are_a_duplicate_in_the_file(intake, tmp_path):
    one = _record()
    two = dict(one, narrative="Another account of it.")
    code, err, listed = _import(intake, tmp_path, [one, two])
    assert code == 2 and "[1].id: is the id of [0] too" in err and "already exists" not in err
    assert listed == "[]"


def test_a_file_that_is_not_json_names_the_byte_offset(intake, tmp_path):
    code, err, listed = _import(intake, tmp_path, '{"format": "intake.incident/1", "narrative": ')
    assert code == 2 and "is not valid JSON" in err and "byte offset" in err
    assert listed == "[]"


def test_a_good_file_still_imports(intake, tmp_path):
    record = _record()
    record["agents"].append(to_dict(make_incident(agents=1))["agents"][0] | {"id": make_agent().id})
    code, err, _ = _import(intake, tmp_path, record)
    assert code == 0, err


@pytest.mark.parametrize("name", ["incident-1.schema.json", "incident-2.schema.json"])
def test_the_published_schema_states_the_limits_the_validator_enforces(name):
    from intake_app.domain import limits
    from intake_app.paths import resource_path

    schema = json.loads(resource_path("schema", name).read_text(encoding="utf-8"))
    props = schema["properties"]
    assert [props[n]["maxItems"] for n in ("agents", "footage", "violations", "history")] == [
        limits.MAX_AGENTS, limits.MAX_FOOTAGE, limits.MAX_VIOLATIONS, limits.MAX_HISTORY]
    assert props["version"]["maximum"] == limits.MAX_VERSION
    assert "2000-01-01" in schema["$comment"] and "nested at most 16 levels" in schema["$comment"]


def test_a_file_larger_than_the_bound_is_refused_without_reading_it_all(intake, tmp_path, monkeypatch):
    from intake_app.domain import bounded_json

    monkeypatch.setattr(bounded_json, "MAX_FILE_BYTES", 10_000)
    code, err, listed = _import(intake, tmp_path, json.dumps([_record() for _ in range(20)]))
    assert code == 2 and "is larger than 10,000 bytes" in err
    assert listed == "[]"
