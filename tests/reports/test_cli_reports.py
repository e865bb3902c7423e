"""The supervisor's command line: packet, receipt, check, referral sent, printing errors in plain words."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from intake_app.cli import main
from intake_app.domain.interchange import from_dict, to_dict
from intake_app.reports.packet import build_packet
from intake_app.reports.packet_source import packet_input
from intake_app.reports.referral import mark_referral_sent
from intake_app.security import audit

from .helpers import incident_with, stored_and_referred, unsaved


@pytest.fixture
def stored(store, actor):
    inc = store.save(unsaved(), actor)
    store.engine.dispose()
    return inc


def run(data_dir, *args):
    return main(["--data-dir", str(data_dir), *args])


def test_report_writes_a_packet_that_verify_packet_accepts(data_dir, stored, tmp_path, capsys):
    out = tmp_path / "p.pdf"
    assert run(data_dir, "report", stored.report_number, "--out", str(out)) == 0
    assert len(PdfReader(str(out)).pages) >= 3
    assert run(data_dir, "verify-packet", str(out)) == 0
    assert "OK: the packet matches the record" in capsys.readouterr().out


def test_saving_a_packet_is_in_the_audit_trail(data_dir, stored, tmp_path):
    run(data_dir, "report", stored.report_number, "--out", str(tmp_path / "p.pdf"))
    from intake_app.storage.opening import open_store
    store = open_store(data_dir)
    actions = [e.action for e in audit.entries_for(store, stored.id)]
    store.engine.dispose()
    assert "packet" in actions


def test_the_same_stored_record_and_time_give_the_same_bytes(store, actor):
    inc = store.save(unsaved(), actor)
    when = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    first = build_packet(packet_input(store, inc.report_number, when))
    assert build_packet(packet_input(store, inc.id, when)) == first


def test_each_saved_packet_appears_in_the_next_packets_chain_of_custody(data_dir, stored, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for path in (a, b):
        run(data_dir, "report", stored.id, "--out", str(path), "--generated-at", "2026-11-25T08:00:00+00:00")
    assert "saved as a.pdf" not in PdfReader(str(a)).pages[-1].extract_text()
    assert "saved as a.pdf" in "".join(p.extract_text() for p in PdfReader(str(b)).pages)


def test_receipt_in_spanish_from_the_command_line(data_dir, stored, tmp_path):
    out = tmp_path / "r.pdf"
    assert run(data_dir, "receipt", stored.report_number, "--lang", "es", "--out", str(out)) == 0
    assert "Número de denuncia" in PdfReader(str(out)).pages[0].extract_text()


def test_an_unknown_receipt_language_is_bad_input(data_dir, stored, tmp_path, capsys):
    assert run(data_dir, "receipt", stored.id, "--lang", "xx", "--out", str(tmp_path / "r.pdf")) == 2
    assert "no receipt text for 'xx'" in capsys.readouterr().err


def test_printing_to_a_printer_that_does_not_exist_says_so(data_dir, stored, capsys):
    assert run(data_dir, "print", stored.id, "--printer", "NoSuchPrinter") == 1
    err = capsys.readouterr().err
    assert "NoSuchPrinter" in err or "CUPS" in err


def test_verify_packet_on_a_file_that_is_not_a_packet_is_bad_input(data_dir, stored, tmp_path, capsys):
    bogus = tmp_path / "x.pdf"
    bogus.write_bytes(b"not a pdf")
    assert run(data_dir, "verify-packet", str(bogus)) == 2


def test_a_referral_is_marked_sent_and_its_ccsao_reference_added_later(store, actor):
    inc = stored_and_referred(store, actor, unsaved())
    sent = mark_referral_sent(store, inc.id, actor)
    assert sent.referral_sent_at is not None and sent.ccsao_reference == ""
    later = mark_referral_sent(store, inc.id, actor, reference="CCSAO-2026-0042")
    assert later.referral_sent_at == sent.referral_sent_at
    assert store.get(inc.id).ccsao_reference == "CCSAO-2026-0042"
    paths = [e.field_path for e in audit.entries_for(store, inc.id)]
    assert "referral_sent_at" in paths and "ccsao_reference" in paths


def test_a_draft_cannot_be_marked_as_sent(data_dir, stored, capsys):
    assert run(data_dir, "referral-sent", stored.id, "--reference", "X") == 2
    assert "only an approved or referred incident" in capsys.readouterr().err


def test_records_without_the_referral_fields_read_as_not_sent():
    data = to_dict(incident_with())
    assert "referral_sent_at" not in data and "ccsao_reference" not in data  # old records keep their hashes
    inc = from_dict(json.loads(json.dumps(data)))
    assert inc.referral_sent_at is None and inc.ccsao_reference == ""
