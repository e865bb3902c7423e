"""On a station with users, no record leaves without a signed-in user: `report`, `receipt`, `print`, `export`,
`publish` and `sync` ask who is acting before anything is built, written or sent, and write nothing (exit 2)
when nobody signed in. Every packet and receipt written, and every print, is an entry in the audit trail."""

from __future__ import annotations

import pytest

from intake_app.security import audit
from intake_app.storage.opening import open_store
from tests.factories import make_incident

from .conftest import SGT_PASS

ASKS_FOR_SIGN_IN = "This station has users"


@pytest.fixture
def stored(store, people):
    """A record with a reporting party, entered by the sergeant (star 2231) on a station with users."""
    [inc] = store.import_incidents([make_incident()], people["sgt"])
    return inc


@pytest.fixture
def trail(data_dir):
    """The audit trail as it is on disk now: (number of entries, actions on one incident)."""
    def read(incident_id: str) -> tuple[int, list[str]]:
        s = open_store(data_dir)
        try:
            return audit.chain_length(s), [e.action for e in audit.entries_for(s, incident_id)]
        finally:
            s.engine.dispose()
    return read


@pytest.fixture
def signed_in_sergeant(monkeypatch):
    monkeypatch.setenv("INTAKE_USER", "2231")
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", SGT_PASS)


def test_an_unsigned_report_writes_no_packet_and_no_audit_entry(intake, stored, tmp_path, trail):
    before = trail(stored.id)
    code, _out, err = intake("report", stored.report_number, "--out", str(tmp_path / "p.pdf"))
    assert code == 2 and ASKS_FOR_SIGN_IN in err
    assert list(tmp_path.glob("p.pdf*")) == []
    assert trail(stored.id) == before


def test_a_signed_in_report_writes_the_packet_and_its_audit_entry(intake, stored, tmp_path, trail,
                                                                 signed_in_sergeant):
    code, _out, err = intake("report", stored.report_number, "--out", str(tmp_path / "p.pdf"))
    assert code == 0, err
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    assert "packet" in trail(stored.id)[1]


def test_an_unsigned_receipt_writes_nothing(intake, stored, tmp_path, trail):
    before = trail(stored.id)
    code, _out, err = intake("receipt", stored.report_number, "--lang", "es", "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and ASKS_FOR_SIGN_IN in err
    assert list(tmp_path.glob("r.pdf*")) == []
    assert trail(stored.id) == before


def test_a_receipt_written_is_in_the_audit_trail(intake, stored, tmp_path, trail, signed_in_sergeant):
    code, _out, err = intake("receipt", stored.report_number, "--lang", "es", "--out", str(tmp_path / "r.pdf"))
    assert code == 0, err
    assert (tmp_path / "r.pdf").is_file()
    assert "receipt" in trail(stored.id)[1]


def test_an_unsigned_print_sends_nothing_to_the_printer(intake, stored, trail):
    """Asked first: the print system is never reached (an unknown queue would otherwise fail with exit 1)."""
    before = trail(stored.id)
    code, _out, err = intake("print", stored.report_number, "--printer", "NoSuchQueue")
    assert code == 2 and ASKS_FOR_SIGN_IN in err
    assert "NoSuchQueue" not in err
    assert trail(stored.id) == before


def test_a_refused_print_job_leaves_no_print_entry(intake, stored, trail, signed_in_sergeant):
    code, _out, err = intake("print", stored.report_number, "--printer", "NoSuchQueue")
    assert code == 1, err  # an unknown queue, or no print system at all
    assert "print" not in trail(stored.id)[1]


def test_an_unsigned_export_of_a_record_without_a_reporting_party_writes_nothing(intake, store, people,
                                                                                  tmp_path, trail):
    [plain] = store.import_incidents([make_incident(reporting_party=None)], people["sgt"])
    before = trail(plain.id)
    code, _out, err = intake("export", plain.report_number, "--out", str(tmp_path / "e.json"))
    assert code == 2 and "this station has users" in err and "Nothing was written" in err
    assert not (tmp_path / "e.json").exists()
    assert trail(plain.id) == before


def test_an_unsigned_publish_writes_no_release(intake, stored, tmp_path, trail):
    before = trail(stored.id)
    code, _out, err = intake("publish", "--out", str(tmp_path / "release"))
    assert code == 2 and ASKS_FOR_SIGN_IN in err
    assert not (tmp_path / "release").exists()
    assert trail(stored.id) == before


def test_a_signed_in_publish_is_in_the_audit_trail(intake, stored, tmp_path, trail, signed_in_sergeant):
    entries_before, _ = trail(stored.id)
    code, _out, err = intake("publish", "--out", str(tmp_path / "release"))
    assert code == 0, err
    assert trail(stored.id)[0] == entries_before + 1


def test_an_unsigned_sync_sends_nothing(intake, stored, trail):
    before = trail(stored.id)
    code, _out, err = intake("sync")
    assert code == 2 and ASKS_FOR_SIGN_IN in err
    assert "sync did not finish" not in err  # the sync engine was never started
    assert trail(stored.id) == before
