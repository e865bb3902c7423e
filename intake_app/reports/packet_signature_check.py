"""Reads back a packet's PDF signature with pyHanko's validator: intact, covering the whole file, by which
certificate (this station's?), with which reason, and its time-stamp token (checked against the configured
TSA certificates). Needs nothing but the file and, for "is this the station", the certificates it trusts."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from ..security.station_certificate import fingerprint


@dataclass
class SignatureCheck:
    present: bool
    ok: bool = False  # intact, cryptographically valid, covering the whole file
    problems: list[str] = field(default_factory=list)
    signer: str = ""
    fingerprint: str = ""
    reason: str = ""
    signing_time: datetime | None = None  # as the signer says (not a trusted time)
    by_station: bool = False  # the signer's certificate is one this station signed with
    timestamp_time: datetime | None = None
    timestamp_tsa: str = ""
    timestamp_trusted: bool = False
    timestamp_problem: str = ""
    timestamp_revocation: str = ""  # what the station's CRLs say of the TSA (RFC 3161 section 4)


def _asn1(cert: x509.Certificate):
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def check_signature(pdf: bytes, station: list[x509.Certificate], tsa_roots: list[x509.Certificate],
                    tsa_crls: list[x509.CertificateRevocationList] | None = None) -> SignatureCheck:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.generic_cms import extract_tst_data_iter
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from ..security.timestamps import check_revocation, quiet_validator_logs

    try:
        signatures = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError) as exc:
        return SignatureCheck(False, problems=[f"the PDF's structure is damaged, so its signature cannot be read ({type(exc).__name__})"])
    if not signatures:
        return SignatureCheck(False, problems=["the PDF carries no digital signature"])
    embedded = signatures[-1]
    result = SignatureCheck(True)
    signer_context = ValidationContext(trust_roots=[_asn1(c) for c in station], allow_fetching=False)
    ts_context = ValidationContext(trust_roots=[_asn1(c) for c in tsa_roots], allow_fetching=False)
    try:
        with quiet_validator_logs():
            status = validate_pdf_signature(embedded, signer_validation_context=signer_context,
                                            ts_validation_context=ts_context)
    except Exception as exc:  # pyHanko raises several kinds for a damaged signature
        result.problems.append(f"the signature cannot be validated ({type(exc).__name__}): the file was altered")
        return result
    cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    result.signer = str(names[0].value) if names else status.signing_cert.subject.human_friendly
    result.fingerprint = fingerprint(cert)
    result.by_station = any(cert == c for c in station)
    result.reason = str(embedded.sig_object.get("/Reason", ""))
    result.signing_time = status.signer_reported_dt
    if not (status.intact and status.valid):
        result.problems.append("the signature does not match the file: the PDF was changed after it was signed")
    elif status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        result.problems.append("the signature does not cover the whole file: something was added after signing")
    else:
        result.ok = True
    ts = status.timestamp_validity
    if ts is not None:
        result.timestamp_time = ts.timestamp
        result.timestamp_tsa = ts.signing_cert.subject.human_friendly if ts.signing_cert else ""
        result.timestamp_trusted = bool(ts.intact and ts.valid and ts.trusted)
        if not (ts.intact and ts.valid):
            result.timestamp_problem = "the time-stamp token does not verify"
        elif not ts.trusted:
            result.timestamp_problem = ("no configured TSA certificate vouches for it" if tsa_roots
                                        else "no TSA certificate is configured here to check whom it is from")
        else:
            token = next(extract_tst_data_iter(embedded.signer_info, signed=False), None)
            good, said = check_revocation(token, ts.timestamp, tsa_roots, tsa_crls or []) if token is not None \
                else (False, "the time-stamp token cannot be read back")
            result.timestamp_revocation = said
            if not good:
                result.timestamp_trusted, result.timestamp_problem = False, said
    return result
