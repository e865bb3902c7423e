"""The paper can be checked against the record: the cover's QR code holds id, version and record hash."""

from __future__ import annotations

from intake_app.reports.packet_qr import stamp_for
from intake_app.reports.verify import stamp_from_metadata, stamp_from_qr, verify_packet

from .helpers import incident_with, packet_pdf, unsaved


def test_the_cover_qr_code_decodes_to_the_record_hash(tmp_path):
    inc = incident_with()
    pdf = tmp_path / "packet.pdf"
    pdf.write_bytes(packet_pdf(inc))
    expected = stamp_for(inc)
    assert stamp_from_qr(pdf) == expected
    assert stamp_from_metadata(pdf) == expected
    assert len(expected.sha256) == 64 and expected.version == 3


def _saved_packet(store, actor, tmp_path):
    saved = store.save(unsaved(), actor)
    pdf = tmp_path / "packet.pdf"
    pdf.write_bytes(packet_pdf(saved))
    return saved, pdf


def test_a_packet_of_the_stored_record_verifies(store, actor, tmp_path):
    saved, pdf = _saved_packet(store, actor, tmp_path)
    result = verify_packet(store, pdf)
    assert result.ok and result.report_number == saved.report_number


def test_a_packet_of_an_older_version_does_not_verify(store, actor, tmp_path):
    saved, pdf = _saved_packet(store, actor, tmp_path)
    saved.narrative += " Added later."
    store.save(saved, actor)
    result = verify_packet(store, pdf)
    assert not result.ok
    assert any("the record changed after the packet was made" in line for line in result.lines)
