"""The `intake` command leaves one line per command in the app's rotating log (name, exit code, duration; never
its arguments), and an unexpected error becomes a crash report without personal data, a plain message and exit 1."""

import json
import logging
import stat

from intake_app.cli import main
from intake_app.domain.interchange import dumps
from intake_app.domain.records import ReportingParty
from intake_app.storage.repository import IncidentStore

from ..factories import make_incident

NAME = "Qxplanted Reportername"
PHONE = "773-555-0144"
ADDRESS = "4410 W Qxplantedaddr St"
SEARCH = "Qxsearchmarker"


def log_lines(data_dir) -> list[dict]:
    return [json.loads(line) for line in (data_dir / "logs" / "intake.log").read_text().splitlines()]


def planted_file(tmp_path):
    f = tmp_path / "Qxfilename.json"
    f.write_text(dumps(make_incident(reporting_party=ReportingParty(name=NAME, phone=PHONE, address=ADDRESS))))
    return f


def test_a_command_leaves_one_line_with_its_name_exit_code_and_duration(intake, data_dir):
    intake("demo", "--incidents", "2")
    code, _out, _err = intake("list", "--search", SEARCH)
    assert code == 0
    last = log_lines(data_dir)[-1]
    assert (last["action"], last["exit_code"], last["event"]) == ("cli.list", 0, "command finished")
    assert isinstance(last["duration_ms"], int) and last["duration_ms"] >= 0
    assert SEARCH not in (data_dir / "logs" / "intake.log").read_text()


def test_a_refused_command_is_logged_with_exit_code_2_and_without_the_file_contents(intake, data_dir, tmp_path):
    intake("demo", "--incidents", "1")  # the data folder exists from here on
    bad = make_incident(reporting_party=ReportingParty(name=NAME, phone=PHONE, address=ADDRESS))
    bad.beat = "ABCD"
    f = tmp_path / "Qxfilename.json"
    f.write_text(dumps(bad))
    code, _out, err = intake("import", str(f))
    assert code == 2 and "beat" in err
    last = log_lines(data_dir)[-1]
    assert (last["action"], last["exit_code"]) == ("cli.import", 2)
    text = (data_dir / "logs" / "intake.log").read_text()
    assert not any(v in text for v in (NAME, "Qxplanted", PHONE, ADDRESS, "Qxfilename"))


def test_a_command_with_an_action_is_named_with_it(intake, data_dir):
    intake("users", "list")
    assert log_lines(data_dir)[-1]["action"] == "cli.users.list"


def test_a_crash_writes_a_report_without_personal_data_and_exits_1(intake, data_dir, tmp_path, monkeypatch):
    def broken_import(self, incidents, actor):
        # As careless as a real bug can be: the whole record (name, phone, address...) in the message.
        raise RuntimeError(f"cannot store {incidents[0]!r} from {tmp_path} for {NAME}")

    monkeypatch.setattr(IncidentStore, "import_incidents", broken_import)
    intake("list")  # the store exists, so the report goes to its logs folder
    f = planted_file(tmp_path)
    code, out, err = intake("import", str(f))

    assert code == 1 and out == ""
    assert "unexpected error" in err and "Traceback" not in err
    [report] = list((data_dir / "logs").glob("crash-*.txt"))
    assert str(report) in err
    text = report.read_text()
    assert "RuntimeError" in text and "broken_import" in text
    for planted in (NAME, "Qxplanted", PHONE, PHONE.replace("-", ""), ADDRESS, "Reportername", "Qxfilename",
                    "Test Reporter", "grocery store", "Sgt. Maria Test"):
        assert planted not in text, planted
    lines = log_lines(data_dir)
    assert [(line["action"], line["event"]) for line in lines[-2:]] == [
        ("cli.import", "crash report written"), ("cli.import", "command finished")]
    assert lines[-1]["exit_code"] == 1


def test_a_crash_report_leaves_out_the_errors_message_even_unquoted_search_text(intake, data_dir, monkeypatch):
    def broken_list(self, flt):
        raise RuntimeError(f"no index for {flt.text} yet")  # unquoted: no redaction pattern could see it

    monkeypatch.setattr(IncidentStore, "list", broken_list)
    intake("demo", "--incidents", "1")
    code, _out, _err = intake("list", "--search", SEARCH)
    assert code == 1
    [report] = list((data_dir / "logs").glob("crash-*.txt"))
    text = report.read_text()
    assert SEARCH not in text and "no index for" not in text
    assert "RuntimeError" in text and "broken_list" in text


def test_a_command_that_needs_no_store_does_not_create_the_data_folder_to_log(tmp_path, capsys):
    folder = tmp_path / "never-made"
    f = tmp_path / "file.bin"
    f.write_bytes(b"x")
    assert main(["--data-dir", str(folder), "hash", str(f)]) == 0
    assert not folder.exists()


def test_the_log_handler_does_not_outlive_the_command(intake):
    intake("demo", "--incidents", "1")
    intake("list")
    assert not [h for h in logging.getLogger().handlers if getattr(h, "intake_log", False)]


def test_a_crash_without_a_data_folder_is_reported_in_the_users_own_state_folder(tmp_path, monkeypatch, capsys):
    """Not in a temporary folder every user of the computer can read: the user's state folder, owner-only."""
    from intake_app.commands import evidence

    def broken_hash(path):
        raise RuntimeError("hashing failed")

    monkeypatch.setattr(evidence, "hash_file", broken_hash)
    f = tmp_path / "file.bin"
    f.write_bytes(b"x")
    folder = tmp_path / "never-made"
    assert main(["--data-dir", str(folder), "hash", str(f)]) == 1
    err = capsys.readouterr().err
    logs = tmp_path / "state" / "intake" / "logs"
    [report] = list(logs.glob("crash-*.txt"))
    assert str(report) in err and not folder.exists()
    assert "RuntimeError" in report.read_text()
    assert stat.S_IMODE(logs.stat().st_mode) == 0o700
    assert stat.S_IMODE(logs.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(report.stat().st_mode) == 0o600


def test_the_log_of_a_command_without_a_data_folder_is_the_users_own(tmp_path, capsys):
    f = tmp_path / "file.bin"
    f.write_bytes(b"x")
    assert main(["--data-dir", str(tmp_path / "never-made"), "hash", str(f)]) == 0
    log = tmp_path / "state" / "intake" / "logs" / "intake.log"
    assert json.loads(log.read_text().splitlines()[-1])["action"] == "cli.hash"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_the_data_folders_logs_are_the_owners_only(intake, data_dir):
    intake("demo", "--incidents", "1")
    logs = data_dir / "logs"
    assert stat.S_IMODE(logs.stat().st_mode) == 0o700
    assert stat.S_IMODE((logs / "intake.log").stat().st_mode) == 0o600
