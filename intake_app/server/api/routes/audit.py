"""Audit-chain heads: each sync reports the device's newest audit hash, signed with the installation's audit key
(the key that signs its audit entries; its public half was registered at enrollment)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import APIRouter, HTTPException, Request, status

from ....wire.sync import ERRORS, AuditHeadIn, AuditHeadOut, signed_message
from ... import crud, evidence
from ..deps import CurrentDevice, SessionDep

if TYPE_CHECKING:
    from cryptography import x509

    from ...settings import ServerSettings

router = APIRouter(tags=["audit"])


@router.post("/audit-head", response_model=AuditHeadOut,
             responses=ERRORS)
def audit_head(body: AuditHeadIn, session: SessionDep, device: CurrentDevice, request: Request) -> AuditHeadOut:
    if not device.public_key:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "This device enrolled without a signing key.")
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(device.public_key)).verify(
            bytes.fromhex(body.signature), signed_message(body.head, body.entries, body.previous_head))
    except (InvalidSignature, ValueError) as exc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, [{
            "path": "signature",
            "message": "does not verify with the audit key this device registered at enrollment; the head was not kept"}]) from exc
    row, last = crud.record_audit_head(session, device=device, head=body)
    evidence.register_certificate(session, device=device, fingerprint=body.station_certificate)
    settings = request.app.state.settings
    token = ""
    if body.timestamp_token:
        try:
            evidence.keep_station_token(session, device=device, entries=body.entries, head=body.head,
                                        token_b64=body.timestamp_token, trusted=_tsa_certificates(settings))
        except evidence.InvalidToken as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                                [{"path": "timestamp_token", "message": str(exc)}]) from exc
    else:
        token = evidence.obtain_token(session, device=device, entries=body.entries, head=body.head,
                                      tsa_url=settings.tsa_url)
    return AuditHeadOut(accepted=True, extends_previous=row.extends_previous,
                        last_head=last.head if last else "", last_entries=last.entries if last else 0,
                        timestamp_token=token)


def _tsa_certificates(settings: ServerSettings) -> list[x509.Certificate]:
    if not settings.tsa_certificates:
        return []
    from cryptography import x509

    return x509.load_pem_x509_certificates(settings.tsa_certificates.read_bytes())
