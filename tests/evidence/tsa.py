"""A real RFC 3161 time-stamping authority on loopback for tests: OpenSSL's `openssl ts -reply` behind a small
HTTP server, with a test CA and a TSA certificate (EC P-256) made with the `cryptography` package."""

from __future__ import annotations

import subprocess
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.loopback_http import LoopbackServer

# The key usage of a certificate that signs and nothing else (a TSA's, a station's): the test CA writes it
# itself, not through the app's code, so that a mistake there is not copied into the certificates it is checked
# against.
SIGNING_ONLY = x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                             data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                             encipher_only=False, decipher_only=False)

CONFIG = """
[ tsa ]
default_tsa = tsa_config1
[ tsa_config1 ]
dir = {dir}
serial = {dir}/serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Intake tests")])


@dataclass
class LoopbackCA:
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @classmethod
    def make(cls, name: str = "Intake Test Root CA") -> LoopbackCA:
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(_name(name))
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                             data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                             crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                .sign(key, hashes.SHA256()))
        return cls(key, cert)

    @property
    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def crl(self, revoked=(), *, next_update: timedelta = timedelta(days=7), signer=None) -> bytes:
        """A PEM CRL of this CA listing `revoked`: (certificate, revoked at, reason or None) each."""
        now = datetime.now(UTC)
        builder = (x509.CertificateRevocationListBuilder().issuer_name(self.certificate.subject)
                   .last_update(now - timedelta(minutes=1)).next_update(now + next_update))
        for cert, when, reason in revoked:
            entry = x509.RevokedCertificateBuilder().serial_number(cert.serial_number).revocation_date(when)
            if reason is not None:
                entry = entry.add_extension(x509.CRLReason(reason), critical=False)
            builder = builder.add_revoked_certificate(entry.build())
        return builder.sign(signer or self.key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)

    def issue_tsa(self, name: str = "Intake Test TSA", valid_for: timedelta = timedelta(days=30)):
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(self.certificate.subject)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + valid_for)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(SIGNING_ONLY, critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
                .sign(self.key, hashes.SHA256()))
        return key, cert


class LoopbackTSA(LoopbackServer):
    """`with LoopbackTSA(ca) as tsa:` serves RFC 3161 at tsa.url until the block ends."""

    def __init__(self, ca: LoopbackCA, *, name: str = "Intake Test TSA", valid_for: timedelta = timedelta(days=30)):
        self.ca = ca
        self.key, self.certificate = ca.issue_tsa(name, valid_for)
        self.requests = 0
        self._dir = tempfile.TemporaryDirectory(prefix="intake-tsa-")
        root = Path(self._dir.name)
        (root / "serial").write_text("01\n")
        (root / "tsa.cnf").write_text(CONFIG.format(dir=root))
        (root / "tsa.key").write_bytes(self.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                              serialization.NoEncryption()))
        (root / "tsa.pem").write_bytes(self.certificate.public_bytes(serialization.Encoding.PEM))
        (root / "ca.pem").write_bytes(ca.pem)
        self.root = root
        self._lock = threading.Lock()
        tsa = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's name
                length = min(int(self.headers.get("Content-Length", "0")), 64 * 1024)
                body = self.rfile.read(length)
                answer = tsa.reply(body)
                self.send_response(200 if answer else 500)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        super().__init__(Handler, name="loopback-tsa")
        self.url = f"{self.base}/tsr"

    def reply(self, query: bytes) -> bytes:
        with self._lock:
            self.requests += 1
            (self.root / "query.tsq").write_bytes(query)
            done = subprocess.run(
                ["openssl", "ts", "-reply", "-config", str(self.root / "tsa.cnf"), "-queryfile",
                 str(self.root / "query.tsq"), "-inkey", str(self.root / "tsa.key"), "-signer",
                 str(self.root / "tsa.pem"), "-chain", str(self.root / "ca.pem"), "-out", str(self.root / "reply.tsr")],
                capture_output=True, timeout=30)
            return (self.root / "reply.tsr").read_bytes() if done.returncode == 0 else b""

    def __exit__(self, *exc) -> None:
        super().__exit__(*exc)
        self._dir.cleanup()
