"""The reporting party on the command line (review and station security): `intake show` masks the name, phone and address unless the
reader signs in as the supervisor who entered the record or a reviewer; `intake export`, a complete copy, needs
such a sign-in and leaves an entry in the audit trail; lists and search never show the party at all."""

import json

import pytest

from intake_app.domain.actor import Actor
from intake_app.domain.interchange import dumps, loads
from intake_app.domain.records import Supervisor
from intake_app.security.audit import entries_for
from intake_app.security.privacy import MASK
from tests.factories import make_incident

from .conftest import ADMIN_PASS, LT_PASS, SGT_PASS

NAME, PHONE, ADDRESS = "Test Reporter", "312-555-0100", "2206 W Reporterplace St"
# Who a script acts as on a station without users (the store records a name and a star for every change).
SCRIPT = Actor("Station script", "0")
SAYS_MASKED = "The reporting party's name, phone and address are masked"


def private_parts_in(text: str) -> list[str]:
    return [part for part in (NAME, PHONE, ADDRESS) if part in text]


@pytest.fixture
def stored(store, people):
    """One record entered by the sergeant (star 2231), with a reporting party."""
    [inc] = store.import_incidents([make_incident()], people["sgt"])
    return inc


def passphrase(monkeypatch, value: str) -> None:
    """Typed at the prompt in real use; a script (and this test) sets INTAKE_USER_PASSPHRASE."""
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", value)


def test_show_without_signing_in_masks_name_phone_and_address_and_says_how_to_see_them(intake, stored):
    code, out, _err = intake("show", stored.report_number)
    assert code == 0
    assert private_parts_in(out) == []
    assert f"Reporting party: {MASK}, {MASK}, {MASK}, language es" in out
    assert SAYS_MASKED in out and f"intake show {stored.report_number} --as STAR" in out


def test_show_json_without_signing_in_prints_the_masked_record_and_says_so_on_stderr(intake, stored):
    code, out, err = intake("show", stored.report_number, "--json")
    assert code == 0
    party = json.loads(out)["reporting_party"]
    assert (party["name"], party["phone"], party["address"]) == (MASK, MASK, MASK)
    assert private_parts_in(out + err) == []
    assert SAYS_MASKED in err and "--as STAR" in err


def test_show_reveals_the_party_to_the_supervisor_who_entered_it(intake, stored, monkeypatch):
    passphrase(monkeypatch, SGT_PASS)
    code, out, _err = intake("show", stored.report_number, "--as", "2231")
    assert code == 0
    assert private_parts_in(out) == [NAME, PHONE, ADDRESS]
    assert SAYS_MASKED not in out


def test_show_json_reveals_the_whole_record_to_a_reviewer(intake, stored, monkeypatch):
    passphrase(monkeypatch, LT_PASS)
    code, out, err = intake("show", stored.report_number, "--json", "--as", "3100")
    assert code == 0 and err == ""
    assert loads(out) == [stored]


def test_an_administrator_signed_in_still_sees_it_masked_and_is_told_why(intake, stored, monkeypatch):
    passphrase(monkeypatch, ADMIN_PASS)
    code, out, _err = intake("show", stored.report_number, "--as", "1000")
    assert code == 0
    assert private_parts_in(out) == []
    assert SAYS_MASKED in out and "signed in as star 1000 (administrator)" in out


def test_a_wrong_passphrase_exits_2_and_shows_nothing(intake, stored, monkeypatch):
    passphrase(monkeypatch, "not the sergeant's passphrase")
    code, out, err = intake("show", stored.report_number, "--as", "2231")
    assert code == 2
    assert out == ""
    assert "Wrong star number or passphrase" in err and private_parts_in(err) == []


def test_export_without_signing_in_exits_2_and_writes_nothing(intake, stored, tmp_path):
    target = tmp_path / "out.json"
    code, out, err = intake("export", stored.report_number, "--out", str(target))
    assert code == 2
    assert not target.exists() and out == ""
    assert "--as STAR" in err and "Nothing was written" in err


def test_export_is_refused_to_a_supervisor_for_a_record_another_supervisor_entered(intake, store, people,
                                                                                  tmp_path, monkeypatch):
    [other] = store.import_incidents([make_incident(supervisor=Supervisor("Sgt. Other", "2400"))], people["sgt"])
    passphrase(monkeypatch, SGT_PASS)
    target = tmp_path / "out.json"
    code, _out, err = intake("export", "--all", "--as", "2231", "--out", str(target))
    assert code == 2 and not target.exists()
    assert f"star 2231 (supervisor) may not see the reporting party of 1 incident(s) ({other.report_number})" in err


def test_an_export_of_the_reporting_party_is_in_the_audit_trail_naming_who_and_which_incident(
        intake, store, stored, tmp_path, monkeypatch):
    passphrase(monkeypatch, LT_PASS)
    code, _out, _err = intake("export", stored.report_number, "--as", "3100", "--out", str(tmp_path / "case.json"))
    assert code == 0
    [entry] = [e for e in entries_for(store, stored.id) if e.action == "export"]
    assert (entry.actor_star, entry.actor_name, entry.incident_id) == ("3100", "Lt. Ray Review", stored.id)
    assert entry.new_value == "with the reporting party, to case.json"
    assert private_parts_in(json.dumps(entry.__dict__, default=str)) == []


def test_an_export_to_standard_output_prints_the_record_and_is_audited_too(intake, store, stored, monkeypatch):
    passphrase(monkeypatch, LT_PASS)
    code, out, _err = intake("export", stored.report_number, "--as", "3100", "--out", "-")
    assert code == 0 and out == dumps(stored) + "\n"
    assert [e.new_value for e in entries_for(store, stored.id) if e.action == "export"] == \
        ["with the reporting party, to standard output"]


def test_an_export_that_cannot_be_written_exits_2_and_leaves_no_audit_entry(intake, store, stored, tmp_path,
                                                                           monkeypatch):
    passphrase(monkeypatch, LT_PASS)
    code, _out, err = intake("export", stored.report_number, "--as", "3100", "--out", str(tmp_path / "no" / "x.json"))
    assert code == 2 and "--out: cannot write" in err and "nothing was exported" in err
    assert [e for e in entries_for(store, stored.id) if e.action == "export"] == []


def test_a_refused_export_leaves_no_audit_entry(intake, store, stored, tmp_path, monkeypatch):
    passphrase(monkeypatch, ADMIN_PASS)
    assert intake("export", stored.report_number, "--as", "1000", "--out", str(tmp_path / "x.json"))[0] == 2
    assert [e for e in entries_for(store, stored.id) if e.action == "export"] == []


def test_a_fresh_station_without_users_masks_show_and_says_users_come_first(intake, store, tmp_path):
    [inc] = store.import_incidents([make_incident()], SCRIPT)
    code, out, _err = intake("show", inc.report_number)
    assert code == 0 and private_parts_in(out) == []
    assert "no users yet" in out and "intake users add" in out


def test_a_fresh_station_refuses_to_export_a_reporting_party_and_says_users_come_first(intake, store, tmp_path):
    [inc] = store.import_incidents([make_incident()], SCRIPT)
    target = tmp_path / "out.json"
    code, _out, err = intake("export", inc.report_number, "--out", str(target))
    assert code == 2 and not target.exists()
    assert "no users yet" in err and "intake users add" in err


def test_a_record_without_a_reporting_party_exports_without_signing_in(intake, store, tmp_path):
    [inc] = store.import_incidents([make_incident(reporting_party=None)], SCRIPT)
    target = tmp_path / "out.json"
    assert intake("export", inc.report_number, "--out", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == dumps(inc) + "\n"


def test_list_and_search_never_show_the_reporting_party_nor_find_a_record_by_it(intake, stored):
    outputs = [intake("list")[1], intake("list", "--json")[1], intake("list", "--search", "Michigan")[1]]
    assert stored.report_number in outputs[0] and stored.report_number in outputs[2]
    assert private_parts_in("".join(outputs)) == []
    for words in ("Reporter", "Reporterplace", "0100"):
        assert json.loads(intake("list", "--search", words, "--json")[1]) == []
