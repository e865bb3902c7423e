"""The station's signing certificate: what signs its referral packets (PAdES, reports/packet_signing.py).

Two sources, in this order:
- **the city's certificate authority**: `intake signing import-certificate FILE.p12` takes a PKCS#12 file the
  city's CA issued for this station (key, certificate and the CA's chain). A prosecutor's PDF reader that
  trusts the city's CA then shows the signature as trusted without further steps.
- otherwise **a self-signed station certificate**, made once on first use (RSA 3072, 20 years) and kept with
  the station's secrets: its private key in the OS keyring, or, with no secure keyring (passphrase mode), in
  the encrypted store, as the audit key is (always in the store for a store opened with a passphrase). Its SHA-256 fingerprint is registered with the server at
  enrollment and printed on the packet's cover, so whoever holds a packet can compare the signer with what
  the server and the paper say.

RSA (PKCS#1 v1.5) because every PDF reader checks it (Adobe Reader, poppler's pdfsig) and because its
signature is deterministic: the same packet, signed at the same time, gives the same bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from sqlalchemy.orm import Session

from ..storage.meta import read_meta, write_meta
from ..storage.repository import IncidentStore
from ..storage.secrets import NoSecureKeyring, get_secret, secrets_in_store, set_secret
from .audit_keys import installation_id

CERTIFICATE = "station_certificate_pem"  # the signing certificate (PEM)
CHAIN = "station_certificate_chain_pem"  # the city CA's certificates above it (PEM, may be empty)
SOURCE = "station_certificate_source"  # "self-signed" or "city CA"
HISTORY = "station_certificates_ever"  # every certificate this station ever signed with (PEM)
UNPROTECTED_KEY = "station_signing_key_unprotected"  # only when there is no secure keyring
SELF_SIGNED, CITY_CA = "self-signed", "city CA"
KEY_BITS = 3072
VALID_FOR = timedelta(days=20 * 365)
MAX_P12_BYTES = 1_000_000


# Loading an RSA 3072 key checks it, which takes 0.1-0.4 s (measured): once per process, not once per packet.
_loaded: dict[bytes, rsa.RSAPrivateKey] = {}


class CertificateProblem(ValueError):
    """A certificate file that cannot serve as the station's signing certificate (message says why)."""


@dataclass(frozen=True)
class StationCredential:
    certificate: x509.Certificate
    private_key: rsa.RSAPrivateKey
    source: str
    chain: list[x509.Certificate] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    @property
    def subject(self) -> str:
        names = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else self.certificate.subject.rfc4514_string()


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER, as colon-separated upper-case hex pairs (as PDF readers show it)."""
    digest = hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2))




def _key_name(session: Session) -> str:
    return f"station-signing-key-{installation_id(session)}"


def _save_key(session: Session, key: rsa.RSAPrivateKey) -> None:
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode("ascii")
    _loaded[hashlib.sha256(pem.encode("ascii")).digest()] = key
    if secrets_in_store(session.get_bind().engine):  # a passphrase store keeps its secrets inside itself
        write_meta(session, UNPROTECTED_KEY, pem)
        return
    try:
        set_secret(_key_name(session), pem)
    except NoSecureKeyring:
        write_meta(session, UNPROTECTED_KEY, pem)


def _load_key(session: Session) -> rsa.RSAPrivateKey | None:
    if secrets_in_store(session.get_bind().engine):
        pem = read_meta(session, UNPROTECTED_KEY)
    else:
        try:
            pem = get_secret(_key_name(session))
        except NoSecureKeyring:
            pem = read_meta(session, UNPROTECTED_KEY)
    if not pem:
        return None
    digest = hashlib.sha256(pem.encode("ascii")).digest()
    key = _loaded.get(digest)
    if key is None:
        loaded = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
        if not isinstance(loaded, rsa.RSAPrivateKey):
            return None
        _loaded[digest] = key = loaded
    return key


def _self_signed(key: rsa.RSAPrivateKey, station: str, now: datetime) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"Intake station {station}"[:64]),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Chicago Police Department"),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Intake (self-signed station certificate)")])
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + VALID_FOR)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))


def _keep(session: Session, certificate: x509.Certificate, chain: list[x509.Certificate], source: str) -> None:
    pem = certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")
    write_meta(session, CERTIFICATE, pem)
    write_meta(session, CHAIN, "".join(c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in chain))
    write_meta(session, SOURCE, source)
    write_meta(session, HISTORY, (read_meta(session, HISTORY) or "") + pem)


def _pems(text: str | None) -> list[x509.Certificate]:
    return x509.load_pem_x509_certificates(text.encode("ascii")) if text else []


def credential_in(session: Session) -> StationCredential:
    """The station's credential, made (self-signed) on first use in the caller's transaction."""
    cert_pem = read_meta(session, CERTIFICATE)
    key = _load_key(session)
    if cert_pem and key is not None:
        certificate = x509.load_pem_x509_certificate(cert_pem.encode("ascii"))
        public = certificate.public_key()
        if isinstance(public, rsa.RSAPublicKey) and public.public_numbers() == key.public_key().public_numbers():
            return StationCredential(certificate, key, read_meta(session, SOURCE) or SELF_SIGNED, _pems(read_meta(session, CHAIN)))
    # First use (or the key went missing from the keyring: a new certificate, never a mismatched pair).
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    certificate = _self_signed(key, installation_id(session)[:8], datetime.now(UTC))
    _save_key(session, key)
    _keep(session, certificate, [], SELF_SIGNED)
    return StationCredential(certificate, key, SELF_SIGNED)


def station_credential(store: IncidentStore) -> StationCredential:
    with store.transaction() as session:
        return credential_in(session)


def import_city_certificate(store: IncidentStore, p12: bytes, passphrase: bytes | None) -> StationCredential:
    """Makes a PKCS#12 file from the city's CA the station's signing credential (it replaces the self-signed
    one; packets signed before keep verifying with the certificate they embed)."""
    if len(p12) > MAX_P12_BYTES:
        raise CertificateProblem(f"the file is larger than {MAX_P12_BYTES:,} bytes: not a PKCS#12 certificate file")
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(p12, passphrase)
    except ValueError as exc:
        raise CertificateProblem("not a PKCS#12 file, or the passphrase is wrong") from exc
    if certificate is None or key is None:
        raise CertificateProblem("the PKCS#12 file holds no certificate with its private key")
    if not isinstance(key, rsa.RSAPrivateKey) or key.key_size < 2048:
        raise CertificateProblem("the station's signing key must be RSA of at least 2048 bits")
    now = datetime.now(UTC)
    if certificate.not_valid_after_utc < now:
        raise CertificateProblem(f"the certificate expired on {certificate.not_valid_after_utc:%Y-%m-%d}")
    with store.transaction() as session:
        _save_key(session, key)
        _keep(session, certificate, list(chain), CITY_CA)
    return StationCredential(certificate, key, CITY_CA, list(chain))


def known_certificates(store: IncidentStore) -> list[x509.Certificate]:
    """Every certificate this station ever signed with (for verify-packet: is the signer this station?).
    Never creates one."""
    with store.reading() as session:
        return _pems(read_meta(session, HISTORY))
