"""The packet of a record received sealed, through the real commands at headquarters (`intake report`,
`intake print` to a real CUPS queue), after a sync through the real server on PostgreSQL: a privacy officer's
packet prints the party and the unmasking is audited; a clerk's says it is sealed; a confidential party is
withheld whoever asks. The PDF's text is read with pypdf."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from intake_app.cli import main
from intake_app.security.audit import entries_for
from intake_app.storage.opening import open_store
from intake_app.sync.engine import sync_once
from intake_app.sync.sealing_step import OPENED_ACTION

from ..sync import conftest as sync_conftest
from ..sync.sealed_world import CLERK_PASS, OFFICER_PASS, enter, enter_open_party, new_markers, sealed_world
from .test_printing_cups import _already_printed, _newest_pdf_after

pg_url = sync_conftest.pg_url  # the PostgreSQL the server runs on

SEALED = "Sealed: the reporting party's identity is held only by its readers"
WITHHELD = "Withheld: the reporting party's identity is confidential"


@pytest.fixture
def world(tmp_path, pg_url):
    yield from sealed_world(tmp_path)


def _at_headquarters(world, entering) -> tuple[str, dict]:
    markers = new_markers()
    incident_id = entering(world["station"], world["people"], markers)
    assert sync_once(world["station"]).ok
    assert sync_once(world["hq"]).ok
    world["hq"].engine.dispose()  # the command opens the store itself
    return incident_id, markers


def _as(monkeypatch, star: str, passphrase: str) -> None:
    monkeypatch.setenv("INTAKE_USER", star)
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", passphrase)


def _report_text(world, tmp_path, incident_id: str) -> str:
    out = tmp_path / "packet.pdf"
    assert main(["--data-dir", str(tmp_path / "hq"), "report", incident_id, "--out", str(out)]) == 0
    return _text(out)


def _text(path) -> str:
    # The print system sets apostrophes as typographic ones (cups-pdf through Ghostscript).
    text = " ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages).replace("\u2019", "'")
    return " ".join(text.split())


def _openings(tmp_path, incident_id: str) -> list[tuple[str, str]]:
    store = open_store(tmp_path / "hq")
    try:
        return [(e.actor_star, e.new_value) for e in entries_for(store, incident_id) if e.action == OPENED_ACTION]
    finally:
        store.engine.dispose()


def test_a_privacy_officers_intake_report_prints_the_party_and_the_unmasking_is_audited(world, tmp_path,
                                                                                        monkeypatch):
    incident_id, markers = _at_headquarters(world, enter_open_party)
    _as(monkeypatch, "9100", OFFICER_PASS)

    text = _report_text(world, tmp_path, incident_id)

    assert markers["name"] in text and markers["address"] in text
    assert [(star, "packet" in how) for star, how in _openings(tmp_path, incident_id)] == [("9100", True)]


def test_a_clerks_intake_report_says_the_party_is_sealed(world, tmp_path, monkeypatch):
    incident_id, markers = _at_headquarters(world, enter_open_party)
    _as(monkeypatch, "9200", CLERK_PASS)

    text = _report_text(world, tmp_path, incident_id)

    assert SEALED in text and markers["name"] not in text and markers["address"] not in text
    assert _openings(tmp_path, incident_id) == []


def test_a_confidential_party_is_withheld_from_the_privacy_officers_intake_report(world, tmp_path, monkeypatch):
    incident_id, markers = _at_headquarters(world, enter)
    _as(monkeypatch, "9100", OFFICER_PASS)

    text = _report_text(world, tmp_path, incident_id)

    assert WITHHELD in text and markers["name"] not in text


def _printed_text(tmp_path, incident_id: str, queue: str) -> str:
    before = _already_printed()
    assert main(["--data-dir", str(tmp_path / "hq"), "print", incident_id, "--printer", queue]) == 0
    return _text(_newest_pdf_after(before))


def test_a_privacy_officers_intake_print_prints_the_party_and_the_unmasking_is_audited(world, tmp_path, monkeypatch,
                                                                                       cups_pdf_queue):
    incident_id, markers = _at_headquarters(world, enter_open_party)
    _as(monkeypatch, "9100", OFFICER_PASS)

    text = _printed_text(tmp_path, incident_id, cups_pdf_queue)

    assert markers["name"] in text
    assert [(star, "packet" in how) for star, how in _openings(tmp_path, incident_id)] == [("9100", True)]


def test_a_clerks_intake_print_says_the_party_is_sealed(world, tmp_path, monkeypatch, cups_pdf_queue):
    incident_id, markers = _at_headquarters(world, enter_open_party)
    _as(monkeypatch, "9200", CLERK_PASS)

    text = _printed_text(tmp_path, incident_id, cups_pdf_queue)

    assert SEALED in text and markers["name"] not in text
    assert _openings(tmp_path, incident_id) == []
