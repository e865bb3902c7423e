"""The packet's QR code carries the audit chain's length and the hash of its entry at that length, so a packet
printed before the newest audit entries were cut off shows the cut when it is checked (`intake verify-packet`)."""

from __future__ import annotations

from sqlalchemy import text

from intake_app.reports.verify import stamp_from_qr
from intake_app.security.audit import chain_length, hash_at

from ..factories import make_incident


def _packet(intake, store, actor, tmp_path):
    saved = store.save(make_incident(), actor)
    store.save(make_incident(), actor)  # more entries after it: the newest ones are what gets cut
    pdf = tmp_path / "packet.pdf"
    code, _, err = intake("report", saved.report_number, "--out", str(pdf))
    assert code == 0, err
    return saved, pdf


def test_the_qr_code_carries_the_audit_chain_length_and_head(intake, store, actor, tmp_path):
    _, pdf = _packet(intake, store, actor, tmp_path)
    stamp = stamp_from_qr(pdf)
    assert stamp.audit_entries is not None and stamp.audit_entries >= 2
    assert stamp.audit_head == hash_at(store, stamp.audit_entries)


def test_a_packet_printed_before_the_newest_audit_entries_were_cut_reports_the_cut(intake, store, actor, tmp_path):
    saved, pdf = _packet(intake, store, actor, tmp_path)
    printed_at = stamp_from_qr(pdf).audit_entries
    with store.engine.begin() as conn:  # someone with the key removes the newest entries behind the app's back
        conn.execute(text("DROP TRIGGER audit_entries_no_delete"))
        conn.execute(text("DELETE FROM audit_entries WHERE seq > :keep"), {"keep": printed_at - 2})
    assert chain_length(store) < printed_at

    code, out, _ = intake("verify-packet", str(pdf))

    assert code != 0
    assert "AUDIT CHAIN CUT" in out and f"had {printed_at:,} entries" in out
    assert "OK: the packet matches" not in out


def test_a_packet_verifies_while_the_chain_only_grows(intake, store, actor, tmp_path):
    _, pdf = _packet(intake, store, actor, tmp_path)
    store.save(make_incident(), actor)

    code, out, _ = intake("verify-packet", str(pdf))

    assert code == 0, out
    assert "Audit chain holds the" in out and "OK: the packet matches the record" in out
