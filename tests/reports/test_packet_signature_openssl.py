"""A defence expert checks the signed packet without our software: OpenSSL alone verifies the signature over the
bytes the PDF says are signed, and the time stamp over that signature; the signature has the shape PAdES baseline
(ETSI EN 319 142-1, levels B-B and B-T) asks of it, which is what Adobe Reader checks for a PAdES signature.

The PDF is read here only to find the two fields every PDF signature has (/ByteRange and /Contents); the
cryptography is OpenSSL's, a second implementation beside pyHanko (which made the signature) and poppler.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import cms, tsp
from cryptography.hazmat.primitives import serialization

from intake_app.reports.packet import build_packet
from intake_app.reports.packet_source import packet_input
from intake_app.security import timestamps
from intake_app.security.station_certificate import station_credential

from ..evidence.tsa import LoopbackCA, LoopbackTSA
from .helpers import GENERATED

SIGNATURE_TIME_STAMP = "signature_time_stamp_token"  # id-aa-signatureTimeStampToken, RFC 3161 appendix A


@pytest.fixture
def tsa_ca():
    return LoopbackCA.make("Intake Test TSA Root")


@pytest.fixture
def stamped_packet(store, approved, tsa_ca):
    with LoopbackTSA(tsa_ca) as tsa:
        timestamps.configure(store, tsa.url, tsa_ca.pem)
        return build_packet(packet_input(store, approved.id, GENERATED))


def signed_parts(pdf: bytes) -> tuple[bytes, bytes]:
    """The bytes the signature covers and the DER signature, as any PDF reader finds them."""
    found = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)
    assert len(found) == 1, "one signature"
    a, b, c, d = (int(n) for n in found[0])
    assert a == 0 and c + d == len(pdf), "the byte range runs from the first byte to the last"
    hole = pdf[a + b:c].strip()
    assert hole[:1] == b"<" and hole[-1:] == b">"
    der = bytes.fromhex(hole[1:-1].decode("ascii"))
    return pdf[a:a + b] + pdf[c:c + d], der[:_der_length(der)]  # /Contents is zero-padded after the DER


def _der_length(der: bytes) -> int:
    first = der[1]
    if first < 0x80:
        return 2 + first
    count = first & 0x7F
    return 2 + count + int.from_bytes(der[2:2 + count], "big")


def openssl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["openssl", *args], capture_output=True, text=True, timeout=60)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def station_pem(store, tmp_path) -> str:
    return write(tmp_path, "station.pem", station_credential(store).certificate.public_bytes(serialization.Encoding.PEM))


def verify_with_openssl(tmp_path, covered: bytes, der: bytes, station: str) -> subprocess.CompletedProcess:
    # -partial_chain: the station's self-signed certificate is itself the trust anchor a reader is given.
    return openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", write(tmp_path, "sig.der", der),
                   "-content", write(tmp_path, "covered.bin", covered), "-CAfile", station, "-partial_chain",
                   "-purpose", "any", "-out", str(tmp_path / "out.bin"))


def signer_info(der: bytes) -> cms.SignerInfo:
    content = cms.ContentInfo.load(der)
    assert content["content_type"].native == "signed_data"
    infos = content["content"]["signer_infos"]
    assert len(infos) == 1
    return infos[0]


def test_openssl_verifies_the_station_signature_over_every_signed_byte(store, stamped_packet, tmp_path):
    covered, der = signed_parts(stamped_packet)
    done = verify_with_openssl(tmp_path, covered, der, station_pem(store, tmp_path))
    assert done.returncode == 0, done.stderr
    assert "Verification successful" in done.stderr


def test_openssl_refuses_the_signature_against_another_certificate(stamped_packet, tsa_ca, tmp_path):
    covered, der = signed_parts(stamped_packet)
    done = verify_with_openssl(tmp_path, covered, der, write(tmp_path, "other.pem", tsa_ca.pem))
    assert done.returncode != 0
    assert "Verification successful" not in done.stderr


def test_openssl_refuses_the_signature_once_one_signed_byte_changes(store, stamped_packet, tmp_path):
    covered, der = signed_parts(stamped_packet)
    altered = bytearray(covered)
    altered[len(altered) // 2] ^= 0x01
    done = verify_with_openssl(tmp_path, bytes(altered), der, station_pem(store, tmp_path))
    assert done.returncode != 0
    assert "Verification successful" not in done.stderr


def test_openssl_verifies_the_time_stamp_over_the_signature_value(stamped_packet, tsa_ca, tmp_path):
    _, der = signed_parts(stamped_packet)
    info = signer_info(der)
    stamps = [attr for attr in info["unsigned_attrs"] if attr["type"].native == SIGNATURE_TIME_STAMP]
    assert len(stamps) == 1, "PAdES B-T: one signature time stamp"
    token = stamps[0]["values"][0].dump()
    done = openssl("ts", "-verify", "-token_in", "-in", write(tmp_path, "token.der", token),
                   "-data", write(tmp_path, "signature.bin", info["signature"].native),
                   "-CAfile", write(tmp_path, "tsa-ca.pem", tsa_ca.pem))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Verification: OK" in done.stdout
    stamped = cms.ContentInfo.load(token)["content"]["encap_content_info"]["content"].parsed
    assert isinstance(stamped, tsp.TSTInfo)
    assert abs(stamped["gen_time"].native - datetime.now(UTC)) < timedelta(minutes=5)


def test_the_signature_has_the_shape_pades_baseline_asks_for(store, stamped_packet):
    pdf = stamped_packet
    assert b"/SubFilter /ETSI.CAdES.detached" in pdf
    assert re.search(rb"/M\s*\(D(:|\\072)\d{14}", pdf), "B-B: the claimed signing time is the dictionary's /M"
    _, der = signed_parts(pdf)
    info = signer_info(der)
    signed = {attr["type"].native for attr in info["signed_attrs"]}
    # B-B: content type, message digest and the signing certificate (ESS v2) are signed; signing-time is not
    # (the time is /M, and a trusted time comes from the time stamp).
    assert {"content_type", "message_digest", "signing_certificate_v2"} <= signed
    assert "signing_time" not in signed
    certificate = [a for a in info["signed_attrs"] if a["type"].native == "signing_certificate_v2"][0]
    cert_hash = certificate["values"][0]["certs"][0]["cert_hash"].native
    station_der = station_credential(store).certificate.public_bytes(serialization.Encoding.DER)
    assert cert_hash == hashlib.sha256(station_der).digest(), "the signed attribute names the station's certificate"
