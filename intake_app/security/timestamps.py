"""RFC 3161 trusted time-stamps: an outside authority signs that the audit chain's head existed at a time.

The message imprint is the head entry's own hash (SHA-256 of its canonical form, audit.canonical_entry), so a
token says "the audit entry with this hash existed at genTime": anyone can check it with the chain alone
(or `openssl ts -verify -digest HEAD -in token.tsr -CAfile tsa-ca.pem`). The head is always the signed last
entry of a run, so the station's signature over its chain is inside what is anchored.

Requests and validation are pyHanko's (its TimeStamper checks the status and the nonce; its validator checks
the CMS signature, EC or RSA, and the TSA's certificate path with pyhanko-certvalidator). The certificate is
validated at the token's genTime, as RFC 3161 (appendix B) says: a token stays good after the TSA's
certificate has expired, as long as it was valid when the token was made. No ASN.1 of our own.

Configuration (kept in the store's meta, `intake signing tsa URL --certificate FILE.pem [--crl FILE]`): the
TSA's URL, the certificates trusted for its tokens (its CA, or its own certificate) and, optionally, the CA's
certificate revocation lists. Without trusted certificates a token's signature is still checked, but the
report says that whom it is from was not; without a CRL of the TSA's issuer, that revocation was not checked.

Revocation follows RFC 3161, section 4, not the generic "revoked after the signing time is fine": a TSA
certificate revoked for key compromise, or with no reason given, makes every token of that key worthless (a
thief can stamp any time); revoked for another reason (superseded, cessation of operation, ...), the tokens
made before the revocation stay good. The CRLs are kept with the station (offline first), never fetched.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
from asn1crypto import cms, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
from pyhanko_certvalidator import ValidationContext
from sqlalchemy.orm import Session

from ..storage.meta import read_meta, write_meta
from ..storage.repository import IncidentStore

TSA_URL = "tsa_url"
TSA_CERTIFICATES = "tsa_certificates_pem"
TSA_CRLS = "tsa_crls_pem"
MAX_CRL_BYTES = 4 * 1024 * 1024  # a CA's list with tens of thousands of entries; a bound on a hostile file
MAX_RESPONSE_BYTES = 256 * 1024  # a token with its certificates is a few kB
MAX_TOKEN_BYTES = MAX_RESPONSE_BYTES
TIMEOUT = 10.0


class TimestampError(RuntimeError):
    """No token could be had (unreachable TSA, refusal, a garbled or wrong answer); the message says which."""


@dataclass(frozen=True)
class TsaConfig:
    url: str
    certificates: list[x509.Certificate]
    crls: list[x509.CertificateRevocationList] = field(default_factory=list)


@dataclass(frozen=True)
class TokenInfo:
    gen_time: datetime  # UTC aware
    tsa: str  # the signer's subject, as the token names it
    imprint: bytes
    algorithm: str


@dataclass(frozen=True)
class TokenCheck:
    ok: bool
    info: TokenInfo | None
    problem: str = ""
    trusted: bool = False  # the TSA's certificate chains to a configured certificate, valid at genTime
    revocation: str = ""  # what the configured CRLs say of the TSA's certificate (a note when ok)


@contextmanager
def quiet_validator_logs() -> Iterator[None]:
    """pyHanko logs every failed check with a traceback at ERROR; a failed check is a result we report."""
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


# ---------------------------------------------------------------- configuration

def _meta(session: Session, key: str) -> str:
    return read_meta(session, key) or ""


def load_crls(data: bytes, certificates: list[x509.Certificate]) -> list[x509.CertificateRevocationList]:
    """The CRLs in a PEM file (one or more) or a DER file (one), each checked to be signed by one of
    `certificates` (the TSA's CA): a list nobody trusted signed could un-revoke anything. ValueError says why."""
    if len(data) > MAX_CRL_BYTES:
        raise ValueError(f"the CRL file is larger than {MAX_CRL_BYTES // (1024 * 1024)} MiB")
    try:
        if b"-----BEGIN X509 CRL-----" in data:
            blocks = data.split(b"-----END X509 CRL-----")[:-1]
            crls = [x509.load_pem_x509_crl(block.strip() + b"\n-----END X509 CRL-----\n") for block in blocks]
        else:
            crls = [x509.load_der_x509_crl(data)]
    except ValueError as exc:
        raise ValueError("the CRL file holds no certificate revocation list (PEM or DER)") from exc
    for crl in crls:
        if not any(c.subject == crl.issuer and _signed_by(crl, c) for c in certificates):
            raise ValueError(f"the CRL of {crl.issuer.rfc4514_string()} is not signed by a configured TSA "
                             f"certificate (give the CA that issued it with --certificate)")
    return crls


def _signed_by(crl: x509.CertificateRevocationList, issuer: x509.Certificate) -> bool:
    key = issuer.public_key()
    if not isinstance(key, rsa.RSAPublicKey | ec.EllipticCurvePublicKey | ed25519.Ed25519PublicKey
                      | ed448.Ed448PublicKey):
        return False  # no key a CA signs CRLs with
    try:
        return crl.is_signature_valid(key)
    except (TypeError, ValueError):
        return False


def configure(store: IncidentStore, url: str, certificates_pem: bytes, crls_data: bytes = b"") -> TsaConfig:
    """Sets the station's TSA (an empty url turns it off). The certificates are checked to be PEM, the CRLs to
    be signed by one of them."""
    url = url.strip()
    if url and not url.startswith(("http://", "https://")):
        raise ValueError(f"{url!r} is not an http:// or https:// address of a time-stamping authority")
    try:
        certificates = x509.load_pem_x509_certificates(certificates_pem) if certificates_pem.strip() else []
    except ValueError as exc:
        raise ValueError("the TSA certificate file holds no PEM certificate") from exc
    crls = load_crls(crls_data, certificates) if crls_data.strip() else []
    pem = "".join(c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in certificates)
    crl_pem = "".join(c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in crls)
    with store.transaction() as session:
        for key, value in ((TSA_URL, url), (TSA_CERTIFICATES, pem), (TSA_CRLS, crl_pem)):
            write_meta(session, key, value)
    return TsaConfig(url, certificates, crls)


def config(store: IncidentStore) -> TsaConfig:
    with store.reading() as session:
        url, pem, crl_pem = _meta(session, TSA_URL), _meta(session, TSA_CERTIFICATES), _meta(session, TSA_CRLS)
    certificates = x509.load_pem_x509_certificates(pem.encode("ascii")) if pem else []
    return TsaConfig(url, certificates, load_crls(crl_pem.encode("ascii"), certificates) if crl_pem else [])


# ---------------------------------------------------------------- requesting

class HttpTimeStamper(TimeStamper):
    """pyHanko's TimeStamper over httpx (what the rest of the app speaks), with a bounded answer."""

    def __init__(self, url: str, timeout: float = TIMEOUT):
        super().__init__(include_nonce=True)
        self.url, self.timeout = url, timeout

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        return await asyncio.to_thread(self._post, req.dump())

    def _post(self, body: bytes) -> tsp.TimeStampResp:
        try:
            with httpx.Client(timeout=self.timeout) as client, client.stream(
                    "POST", self.url, content=body, headers={"Content-Type": "application/timestamp-query"}) as answer:
                if answer.status_code != 200:
                    raise TimestampError(f"the time-stamping authority at {self.url} answered HTTP {answer.status_code}")
                data = b""
                for chunk in answer.iter_bytes():
                    data += chunk
                    if len(data) > MAX_RESPONSE_BYTES:
                        raise TimestampError(f"the answer of {self.url} is larger than {MAX_RESPONSE_BYTES:,} bytes")
        except httpx.HTTPError as exc:
            raise TimestampError(f"cannot reach the time-stamping authority at {self.url} ({type(exc).__name__})") from exc
        try:
            response = tsp.TimeStampResp.load(data)
            response.native  # noqa: B018 - parses it all now, so a garbled answer fails here
        except (ValueError, TypeError) as exc:
            raise TimestampError(f"the answer of {self.url} is not an RFC 3161 time-stamp response") from exc
        return response


def _run(coroutine):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:  # called from inside an event loop: a loop of its own
        return pool.submit(asyncio.run, coroutine).result()


def request_token(url: str, digest: bytes, *, timeout: float = TIMEOUT) -> bytes:
    """A token (DER ContentInfo) over the SHA-256 `digest`, checked to answer this request (status, nonce,
    imprint); its signature and certificate are checked by check_token."""
    try:
        token = _run(HttpTimeStamper(url, timeout).async_timestamp(digest, "sha256"))
    except TimestampRequestError as exc:
        raise TimestampError(f"the time-stamping authority at {url} refused: {exc}") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise TimestampError(f"the answer of {url} is not a usable time-stamp token") from exc
    der = token.dump()
    info = token_info(der)
    if info.imprint != digest:
        raise TimestampError(f"the time-stamping authority at {url} stamped another hash than the one asked")
    return der


# ---------------------------------------------------------------- reading and checking

def _tst_info(der: bytes) -> tuple[cms.ContentInfo, tsp.TSTInfo]:
    if len(der) > MAX_TOKEN_BYTES:
        raise ValueError("the token is too large")
    token = cms.ContentInfo.load(der)
    if token["content_type"].native != "signed_data":
        raise ValueError("the token is not CMS SignedData")
    content = token["content"]["encap_content_info"]["content"]
    info = content.parsed if content is not None else None
    if not isinstance(info, tsp.TSTInfo):
        raise ValueError("the token holds no TSTInfo")
    return token, info


def _signer_certificate(signed: cms.SignedData) -> asn1_x509.Certificate | None:
    sid = signed["signer_infos"][0]["sid"]
    for choice in signed["certificates"] or []:
        cert = choice.chosen
        if not isinstance(cert, asn1_x509.Certificate):
            continue
        if sid.name == "issuer_and_serial_number":
            match = (cert.issuer == sid.chosen["issuer"] and cert.serial_number == sid.chosen["serial_number"].native)
        else:
            match = cert.key_identifier == sid.chosen.native
        if match:
            return cert
    return None


def _signer_subject(token: cms.ContentInfo) -> str:
    cert = _signer_certificate(token["content"])
    return cert.subject.human_friendly if cert is not None else "(a TSA whose certificate is not in the token)"


def token_info(der: bytes) -> TokenInfo:
    """What a token says (genTime, TSA, imprint), without checking it. ValueError if it is not a token."""
    try:
        token, info = _tst_info(der)
        imprint = info["message_imprint"]
        gen_time = info["gen_time"].native
        return TokenInfo(gen_time.astimezone(UTC), _signer_subject(token), imprint["hashed_message"].native,
                         imprint["hash_algorithm"]["algorithm"].native)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise ValueError(f"not an RFC 3161 time-stamp token ({exc})") from exc


# RFC 3161, section 4: revoked for these (or for no stated reason), none of the key's tokens can be trusted.
_ALL_TOKENS_VOID = {x509.ReasonFlags.key_compromise, x509.ReasonFlags.ca_compromise}


def check_revocation(signed: cms.SignedData, gen_time: datetime, trusted: list[x509.Certificate],
                     crls: list[x509.CertificateRevocationList], *, now: datetime | None = None) -> tuple[bool, str]:
    """(still good, what the CRLs say) for the TSA certificate that signed the token whose SignedData is
    `signed` (an audit anchor's, or the one embedded in a packet's signature), by RFC 3161 section 4."""
    signer = _signer_certificate(signed)
    if signer is None:
        return False, "the token does not carry the TSA's certificate, so its revocation cannot be checked"
    cert = x509.load_der_x509_certificate(signer.dump())
    lists = [c for c in crls if c.issuer == cert.issuer
             and any(t.subject == c.issuer and _signed_by(c, t) for t in trusted)]
    if not lists:
        return True, "the TSA certificate's revocation was not checked (no CRL of its issuer is configured)"
    newest = max(lists, key=lambda c: c.last_update_utc)
    for crl in lists:
        entry = crl.get_revoked_certificate_by_serial_number(cert.serial_number)
        if entry is None:
            continue
        revoked = entry.revocation_date_utc
        try:
            reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason
        except x509.ExtensionNotFound:
            reason = None
        said = f"revoked on {revoked:%Y-%m-%d %H:%M} UTC ({reason.name.replace('_', ' ') if reason else 'no reason given'})"
        if reason is None or reason in _ALL_TOKENS_VOID:
            return False, f"the TSA's certificate was {said}: none of its tokens can be trusted (RFC 3161, section 4)"
        if revoked <= gen_time:
            return False, f"the TSA's certificate was {said}, before this token's time"
        return True, f"the TSA's certificate was {said}, after this token: the token stays valid"
    when = now or datetime.now(UTC)
    note = f"the TSA's certificate is not revoked (CRL of {newest.last_update_utc:%Y-%m-%d})"
    if newest.next_update_utc is not None and newest.next_update_utc < when:
        note += f"; that CRL was due for renewal on {newest.next_update_utc:%Y-%m-%d}: load a newer one"
    return True, note


def check_token(der: bytes, digest: bytes, trusted: list[x509.Certificate],
                crls: list[x509.CertificateRevocationList] | None = None) -> TokenCheck:
    """Checks the token's signature, that it stamps `digest` (SHA-256), and, when certificates are trusted,
    the TSA's certificate path to one of them at the token's genTime and its revocation in `crls`."""
    try:
        info = token_info(der)
    except ValueError as exc:
        return TokenCheck(False, None, str(exc))
    if info.algorithm != "sha256" or info.imprint != digest:
        return TokenCheck(False, info, "the token stamps another hash than this audit entry's")
    token, _ = _tst_info(der)
    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trusted]
    context = ValidationContext(trust_roots=roots, moment=info.gen_time, allow_fetching=False,
                                revocation_mode="soft-fail")
    try:
        with quiet_validator_logs():
            status = _run(validate_tst_signed_data(token["content"], context,
                                                   lambda algorithm: b"" if algorithm != "sha256" else digest))
    except Exception as exc:  # pyHanko raises several kinds for a malformed or unsupported token
        return TokenCheck(False, info, f"the token cannot be validated ({type(exc).__name__})")
    if not (status.get("intact") and status.get("valid")):
        return TokenCheck(False, info, "the token's signature does not verify: it was altered or is not the TSA's")
    if not roots:
        return TokenCheck(True, info, "no TSA certificate is configured, so who signed it was not checked")
    if status.get("trust_problem_indic") is not None:
        return TokenCheck(False, info, f"the TSA's certificate is not trusted at the token's time "
                                       f"({status['trust_problem_indic'].name.lower().replace('_', ' ')})")
    good, revocation = check_revocation(token["content"], info.gen_time, trusted, crls or [])
    if not good:
        return TokenCheck(False, info, revocation, revocation=revocation)
    return TokenCheck(True, info, trusted=True, revocation=revocation)
