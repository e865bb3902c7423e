"""The referral packet as a signed PDF (PAdES baseline, pyHanko): an incremental update on the unsigned packet.

The unsigned packet's bytes stay the file's first revision, unchanged, so `--generated-at` still makes the
same unsigned content; the signature covers the whole file, so any change to it breaks the signature.
- signer: the station's certificate (security/station_certificate.py), embedded with the city CA's chain;
- reason: the approving reviewer, by name and star ("Approved for referral by ..."), or that it is unreviewed;
- time: the signature's own signing time is the packet's generation time (the station's clock, not a trusted
  time); a time-stamp token from the configured TSA (security/timestamps.py) is embedded over the signature
  when one is configured (PAdES-B-T), and that is the trusted time a PDF reader shows.

Without a TSA the signed packet is byte-identical for the same record, settings and generation time: RSA
PKCS#1 v1.5 is deterministic and the file's second ID is derived from the unsigned content instead of random.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from ..security.station_certificate import StationCredential

log = logging.getLogger(__name__)
FIELD_NAME = "StationSignature"
LOCATION = "Chicago Police Department, Intake"
# Room for the CMS signature without a TSA token (certificate, chain, signature), so pyHanko need not sign a
# dummy first to measure it. A TSA token's size is the TSA's, so then pyHanko measures.
RESERVED = 16384


@dataclass(frozen=True)
class PacketSigning:
    """What the packet builder needs to sign: the station's credential and, when configured, a TSA."""
    credential: StationCredential
    timestamper: TimeStamper | None = None
    tsa_name: str = ""

    def __post_init__(self):
        # Made once per packet source, not per packet: loading the key and certificates into pyHanko's form
        # is a fifth of a signature's time.
        object.__setattr__(self, "_signer", _StationSigner(self.credential))

    @property
    def signer(self) -> signers.Signer:
        return self._signer  # type: ignore[attr-defined]  # set in __post_init__ (frozen)


def _asn1(cert) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class _StationSigner(signers.SimpleSigner):
    """pyHanko's SimpleSigner, signing with the key already loaded: it parses the DER key again for every
    signature, and cryptography's check of an RSA 3072 key on load takes 0.4 s (measured), twice a packet."""

    def __init__(self, credential):
        key = asn1_keys.PrivateKeyInfo.load(credential.private_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        super().__init__(signing_cert=_asn1(credential.certificate), signing_key=key,
                         cert_registry=SimpleCertificateStore.from_certs([_asn1(c) for c in credential.chain]))
        self._key = credential.private_key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        if mechanism != "rsassa_pkcs1v15":  # not what our certificates use; pyHanko's own path handles it
            return super().sign_raw(data, digest_algorithm)
        return self._key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))


class _Writer(IncrementalPdfFileWriter):
    """Leaves the document information as the packet wrote it: pyHanko would set its modification date to the
    clock's time, and the signed file would differ on every run."""

    def _update_meta(self):
        pass


class _SignerAt(signers.PdfSigner):
    """pyHanko's signer with the signing time given (the packet's generation time) instead of the clock's."""

    def __init__(self, *args, at: datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self._at = at

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._at
        return session


def signature_reason(approver: tuple[str, str] | None) -> str:
    if approver is None:
        return "Packet of the record as held by the station (not approved by a reviewer)"
    name, star = approver
    return f"Approved for referral by {name}" + (f" (star {star})" if star else "")


def sign_packet(pdf: bytes, signing: PacketSigning, *, reason: str, signed_at: datetime) -> bytes:
    writer = _writer(pdf)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, reason=reason, location=LOCATION, name=signing.credential.subject,
        md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES)
    if signing.timestamper is not None:
        try:
            return _sign(writer, meta, signing, signing.timestamper, signed_at)
        except (OSError, RuntimeError, ValueError):  # the TSA unreachable or refusing: signed without its time
            log.warning("packet signed without a time-stamp: the time-stamping authority could not be used")
            writer = _writer(pdf)
    return _sign(writer, meta, signing, None, signed_at)


def _writer(pdf: bytes) -> _Writer:
    writer = _Writer(io.BytesIO(pdf))
    # The second file ID is random in pyHanko; derived from the unsigned content it keeps the output repeatable.
    writer._document_id = generic.ArrayObject(
        [writer._document_id[0], generic.ByteStringObject(hashlib.sha256(pdf).digest()[:16])])
    return writer


def _sign(writer, meta, signing: PacketSigning, timestamper, signed_at: datetime) -> bytes:
    signer = _SignerAt(meta, signing.signer, timestamper=timestamper, at=signed_at)
    out = io.BytesIO()
    coroutine = signer.async_sign_pdf(writer, output=out, bytes_reserved=RESERVED if timestamper is None else None)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
    else:  # called from inside an event loop (a server route, a test): sign on a thread of its own
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, coroutine).result()
    return out.getvalue()
