"""The `intake` command, as a user at a terminal would use it."""

import json
import os
import subprocess
import sys

from intake_app.cli import main
from intake_app.domain.interchange import dumps, to_dict

from ..factories import make_incident
from ..people import LT_PASS, SGT_PASS, add_people_to


def test_import_then_show_by_report_number(intake, tmp_path):
    f = tmp_path / "one.json"
    f.write_text(dumps(make_incident()))
    code, out, _ = intake("import", str(f))
    assert code == 0
    number = out.split()[1]
    code, out, _ = intake("show", number)
    assert code == 0 and f"Report number: {number}" in out and "Agent Doe" in out


def test_export_import_round_trip_is_byte_identical(intake, tmp_path, data_dir, monkeypatch):
    # Demo records carry reporting parties, so each station's export is made by a reviewer who signed in (review and station security)
    # and the import by the supervisor.
    intake("demo", "--incidents", "15")
    add_people_to(data_dir)
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", LT_PASS)
    first = tmp_path / "first.json"
    assert intake("export", "--all", "--as", "3100", "--out", str(first))[0] == 0
    other = tmp_path / "other"
    other.mkdir()
    add_people_to(other)
    monkeypatch.setenv("INTAKE_USER", "2231")  # `intake import` has no --as; the user comes from the environment
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", SGT_PASS)
    assert main(["--data-dir", str(other), "import", str(first)]) == 0
    # Nothing of the file, the records' reporting parties included, was left out or changed on the way.
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", LT_PASS)
    second = tmp_path / "second.json"
    assert main(["--data-dir", str(other), "export", "--all", "--as", "3100", "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert "W Demo Street (synthetic address)" in first.read_text(encoding="utf-8")


def test_bad_import_exits_2_names_the_field_and_writes_nothing(intake, tmp_path):
    good = to_dict(make_incident())
    bad = to_dict(make_incident())
    bad["agents"][0]["vehicle"]["plate"] = "AB$%"
    f = tmp_path / "list.json"
    f.write_text(json.dumps([good, bad]))
    code, _, err = intake("import", str(f))
    assert code == 2
    assert "[1].agents[0].vehicle.plate" in err
    assert intake("list", "--json")[1].strip() == "[]"


def test_missing_file_is_bad_input(intake, tmp_path):
    code, _, err = intake("import", str(tmp_path / "nope.json"))
    assert code == 2 and "Cannot read" in err


def test_unknown_incident_is_bad_input(intake):
    code, _, err = intake("show", "D009-2026-AAA-00001")
    assert code == 2 and "No incident" in err


def test_list_json_has_the_promised_fields(intake):
    intake("demo", "--incidents", "3")
    code, out, _ = intake("list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 3
    assert {"id", "report_number", "status", "district", "occurred_at"} <= set(rows[0])


def test_list_search_finds_by_plate(intake, tmp_path):
    f = tmp_path / "one.json"
    f.write_text(dumps(make_incident()))
    intake("import", str(f))
    intake("demo", "--incidents", "5")
    rows = json.loads(intake("list", "--search", "abc1234", "--json")[1])
    assert [r["district"] for r in rows] == [9]


def test_list_filters_by_status(intake):
    intake("demo", "--incidents", "30")
    rows = json.loads(intake("list", "--status", "draft", "--json")[1])
    assert rows and {r["status"] for r in rows} == {"draft"}


def test_demo_records_are_marked(intake):
    intake("demo", "--incidents", "4")
    rows = json.loads(intake("list", "--json")[1])
    assert all(r["is_demo"] for r in rows)
    _, out, _ = intake("show", rows[0]["id"])
    assert "[DEMO DATA]" in out


def test_without_a_display_the_app_says_so_plainly(data_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "intake_app", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 1
    assert "no display" in proc.stderr and "intake --help" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_first_format_file_imports_and_a_search_by_rd_number_finds_a_second_format_record(intake, tmp_path):
    from intake_app.domain.records import FederalSupervisor

    old = make_incident(felony=False)
    old.federal_supervisor = FederalSupervisor()  # the first format had none of the order's fields
    first_format = to_dict(old) | {"format": "intake.incident/1"}
    new = make_incident()
    new.cpd_rd_number = "JK123456"
    f = tmp_path / "both.json"
    f.write_text(json.dumps([first_format, to_dict(new)]))
    code, out, err = intake("import", str(f))
    assert code == 0, err
    code, out, _ = intake("list", "--search", "JK123456")
    assert code == 0 and len([line for line in out.splitlines() if "D009-" in line]) == 1


def test_a_file_of_an_unknown_format_is_bad_input(intake, tmp_path):
    f = tmp_path / "future.json"
    f.write_text(json.dumps(to_dict(make_incident()) | {"format": "intake.incident/3"}))
    code, _, err = intake("import", str(f))
    assert code == 2 and "format" in err and "intake.incident/2" in err
