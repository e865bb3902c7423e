"""A prosecutor opens the packet in a PDF reader and sees a valid signature of the station; any change breaks it.

Read back with pyHanko's validator and with poppler's `pdfsig` (what a desktop PDF reader checks).
"""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from intake_app.reports.packet import build_packet, build_unsigned
from intake_app.reports.packet_signature_check import check_signature
from intake_app.reports.packet_source import packet_input
from intake_app.reports.verify import verify_packet
from intake_app.security import timestamps
from intake_app.security.station_certificate import (
    CITY_CA,
    SELF_SIGNED,
    CertificateProblem,
    import_city_certificate,
    station_credential,
)

from ..evidence.tsa import SIGNING_ONLY, LoopbackCA, LoopbackTSA
from .helpers import GENERATED, page_texts


def signed_packet(store, incident, tmp_path, name="packet.pdf"):
    path = tmp_path / name
    path.write_bytes(build_packet(packet_input(store, incident.id, GENERATED)))
    return path


def pdfsig(path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60).stdout


def _asn1(cert):
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def test_pyhankos_validator_reads_a_valid_station_signature_with_the_approving_reviewer_as_reason(store, approved, tmp_path):
    path = signed_packet(store, approved, tmp_path)
    station = station_credential(store)
    embedded = PdfFileReader(io.BytesIO(path.read_bytes())).embedded_signatures[0]
    status = validate_pdf_signature(embedded, ValidationContext(trust_roots=[_asn1(station.certificate)]))
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert embedded.sig_object["/Reason"] == "Approved for referral by Lt. Dana Reviewer (star 415)"
    assert status.signing_cert.dump() == station.certificate.public_bytes(serialization.Encoding.DER)
    assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES baseline


def test_pdfsig_shows_a_valid_signature_of_the_station_covering_the_whole_document(store, approved, tmp_path):
    out = pdfsig(signed_packet(store, approved, tmp_path))
    assert "Signature Validation: Signature is Valid." in out
    assert "Total document signed" in out
    assert f"Signer Certificate Common Name: {station_credential(store).subject}" in out
    assert "ETSI.CAdES.detached" in out


def test_one_altered_byte_breaks_the_signature_for_pdfsig_pyhanko_and_verify_packet(store, approved, tmp_path):
    path = signed_packet(store, approved, tmp_path)
    data = bytearray(path.read_bytes())
    at = data.index(b"stream", data.index(b"/Contents")) + 40  # a byte of a page's content, inside a stream
    data[at] ^= 0x01
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(bytes(data))
    assert "Signature is Valid" not in pdfsig(altered)
    check = check_signature(bytes(data), [station_credential(store).certificate], [])
    assert not check.ok and check.problems
    result = verify_packet(store, altered)
    assert not result.ok
    assert any(line.startswith("PDF signature: BROKEN") for line in result.lines)


def test_the_cover_prints_the_station_certificates_fingerprint(store, approved, tmp_path):
    cover = "".join(page_texts(signed_packet(store, approved, tmp_path).read_bytes())[0].split())
    assert station_credential(store).fingerprint in cover


def test_the_signed_file_begins_with_the_unsigned_packet_unchanged(store, approved):
    data = packet_input(store, approved.id, GENERATED)
    signed = build_packet(data)
    unsigned = build_unsigned(data)
    assert signed.startswith(unsigned) and len(signed) > len(unsigned)
    assert build_unsigned(packet_input(store, approved.id, GENERATED)) == unsigned  # --generated-at: same content


def test_the_station_certificate_is_made_once_and_kept(store, data_dir):
    from intake_app.storage.opening import open_store

    first = station_credential(store)
    store.engine.dispose()
    again = open_store(data_dir)
    try:
        assert station_credential(again).fingerprint == first.fingerprint
        assert first.source == SELF_SIGNED
    finally:
        again.engine.dispose()


def test_verify_packet_says_which_checks_needed_the_store(store, approved, tmp_path):
    result = verify_packet(store, signed_packet(store, approved, tmp_path))
    assert result.ok, result.lines
    text = "\n".join(result.lines)
    assert "PDF signature: valid, covers the whole file [checked from the file alone]" in text
    assert "this station's certificate" in text
    assert "[checked from the file alone]" in next(line for line in result.lines if line.startswith("QR code"))
    assert "[checked against this station's store]" in next(line for line in result.lines if line.startswith("Record"))
    assert "[checked against this station's store]" in next(line for line in result.lines if line.startswith("Audit chain"))


def test_a_packet_printed_before_an_audit_cut_shows_the_cut(store, approved, actor, tmp_path, data_dir):
    from intake_app.security import audit
    from intake_app.storage.database_key import database_key
    from intake_app.storage.opening import open_store

    for i in range(3):  # the chain grows after the packet is printed
        audit.record_action(store, approved.id, "print", actor, f"copy {i}")
    path = signed_packet(store, approved, tmp_path)
    printed_at = audit.chain_length(store)
    store.engine.dispose()
    from sqlcipher3 import dbapi2 as sqlcipher

    key, _ = database_key(data_dir, None)
    shell = sqlcipher.connect(str(data_dir / "intake.db"), isolation_level=None)
    shell.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    shell.execute("DROP TRIGGER audit_entries_no_delete")
    shell.execute("DELETE FROM audit_entries WHERE seq >= ?", (printed_at - 1,))  # the newest entries cut off
    shell.close()
    cut = open_store(data_dir)
    try:
        result = verify_packet(cut, path)
    finally:
        cut.engine.dispose()
    assert not result.ok
    assert any(line.startswith("AUDIT CHAIN CUT") for line in result.lines)


def _city_ca_pkcs12(tmp_path, *, expired=False) -> bytes:
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "City of Chicago Test CA")])
    now = datetime.now(UTC)
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(1).not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    end = now - timedelta(days=1) if expired else now + timedelta(days=365)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CPD District 009 Intake")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(2)
            .not_valid_before(now - timedelta(days=2)).not_valid_after(end)
            .add_extension(SIGNING_ONLY, critical=True)
            .sign(ca_key, hashes.SHA256()))
    (tmp_path / "city-ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return pkcs12.serialize_key_and_certificates(b"station", key, cert, [ca],
                                                 serialization.BestAvailableEncryption(b"p12 passphrase"))


def test_a_certificate_from_the_citys_ca_signs_and_chains_to_that_ca(store, approved, tmp_path):
    credential = import_city_certificate(store, _city_ca_pkcs12(tmp_path), b"p12 passphrase")
    assert credential.source == CITY_CA
    path = signed_packet(store, approved, tmp_path)
    city_ca = x509.load_pem_x509_certificate((tmp_path / "city-ca.pem").read_bytes())
    embedded = PdfFileReader(io.BytesIO(path.read_bytes())).embedded_signatures[0]
    status = validate_pdf_signature(embedded, ValidationContext(trust_roots=[_asn1(city_ca)]))
    assert status.intact and status.valid and status.trusted  # a reader trusting the city's CA trusts the packet
    assert "CPD District 009 Intake" in pdfsig(path)


def test_an_expired_or_unreadable_city_certificate_is_refused_and_nothing_changes(store, tmp_path):
    before = station_credential(store).fingerprint
    with pytest.raises(CertificateProblem, match="expired"):
        import_city_certificate(store, _city_ca_pkcs12(tmp_path, expired=True), b"p12 passphrase")
    with pytest.raises(CertificateProblem, match="passphrase"):
        import_city_certificate(store, _city_ca_pkcs12(tmp_path), b"wrong")
    assert station_credential(store).fingerprint == before


def test_with_a_tsa_configured_the_signature_carries_its_trusted_time(store, approved, tmp_path):
    ca = LoopbackCA.make()
    with LoopbackTSA(ca) as tsa:
        timestamps.configure(store, tsa.url, ca.pem)
        path = signed_packet(store, approved, tmp_path)
        assert tsa.requests >= 1
    check = check_signature(path.read_bytes(), [station_credential(store).certificate], [ca.certificate])
    assert check.ok and check.timestamp_trusted
    assert abs(check.timestamp_time - datetime.now(UTC)) < timedelta(minutes=5)
    assert "Intake Test TSA" in check.timestamp_tsa
    assert "Signature Validation: Signature is Valid." in pdfsig(path)


def test_a_packet_time_stamped_by_a_tsa_later_revoked_for_key_compromise_has_no_trusted_time(store, approved,
                                                                                             tmp_path):
    from cryptography import x509

    ca = LoopbackCA.make()
    with LoopbackTSA(ca) as tsa:
        timestamps.configure(store, tsa.url, ca.pem)
        path = signed_packet(store, approved, tmp_path)
        compromised = tsa.certificate
    later = datetime.now(UTC) + timedelta(minutes=5)
    crls = timestamps.load_crls(ca.crl([(compromised, later, x509.ReasonFlags.key_compromise)]), [ca.certificate])
    station = [station_credential(store).certificate]
    assert "not revoked" in check_signature(path.read_bytes(), station, [ca.certificate], ca_crls(ca)).timestamp_revocation
    check = check_signature(path.read_bytes(), station, [ca.certificate], crls)
    assert check.ok  # the content is as signed; only the trusted time is gone
    assert not check.timestamp_trusted and "key compromise" in check.timestamp_problem


def ca_crls(ca):
    return timestamps.load_crls(ca.crl(), [ca.certificate])


def test_an_unreachable_tsa_still_gives_a_signed_packet_without_a_time_stamp(store, approved, tmp_path):
    timestamps.configure(store, "http://127.0.0.1:9/tsr", b"")  # nothing listens on the discard port
    check = check_signature(signed_packet(store, approved, tmp_path).read_bytes(),
                            [station_credential(store).certificate], [])
    assert check.ok and check.timestamp_time is None


def test_the_city_certificate_is_imported_on_the_command_line_and_then_signs(intake, store, tmp_path, monkeypatch):
    p12 = tmp_path / "station.p12"
    p12.write_bytes(_city_ca_pkcs12(tmp_path))
    store.engine.dispose()
    monkeypatch.setenv("INTAKE_P12_PASSPHRASE", "p12 passphrase")
    code, out, err = intake("signing", "import-certificate", str(p12))
    assert code == 0, err
    assert "CPD District 009 Intake (city CA)" in out
    code, out, _ = intake("signing", "show")
    assert "CPD District 009 Intake (city CA)" in out


def test_a_wrong_pkcs12_passphrase_on_the_command_line_is_bad_input(intake, tmp_path, monkeypatch):
    p12 = tmp_path / "station.p12"
    p12.write_bytes(_city_ca_pkcs12(tmp_path))
    monkeypatch.setenv("INTAKE_P12_PASSPHRASE", "not it")
    code, _, err = intake("signing", "import-certificate", str(p12))
    assert code == 2
    assert "passphrase is wrong" in err
