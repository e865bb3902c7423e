"""What the server keeps of a station's evidence: the RFC 3161 tokens over its audit-chain heads, and the
fingerprint of the certificate that signs its packets (registered at enrollment).

A token comes with a head from the station (it has a TSA of its own), or the server obtains one for the head
when it has a TSA configured (INTAKE_SERVER_TSA_URL) and sends it back in its answer; either way it is kept
here, so the station's history is anchored outside the station even if the station's copy is lost.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..security.timestamps import TimestampError, check_token, request_token, token_info
from .tables import Base, BigId, Device

if TYPE_CHECKING:
    from cryptography import x509

STATION, SERVER = "station", "server"


class InvalidToken(ValueError):
    """A token a device sent that is not a token over the head it reported (422, nothing kept)."""


class ServerAuditTimestamp(Base):
    __tablename__ = "audit_timestamps"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    device_id: Mapped[int] = mapped_column(BigId, ForeignKey("devices.id"), index=True)
    entries: Mapped[int] = mapped_column(BigId)
    head: Mapped[str] = mapped_column(String(64))
    token: Mapped[bytes] = mapped_column(LargeBinary)
    gen_time: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    tsa: Mapped[str] = mapped_column(Text)
    obtained_by: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StationCertificate(Base):
    __tablename__ = "station_certificates"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    device_id: Mapped[int] = mapped_column(BigId, ForeignKey("devices.id"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(95))
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def register_certificate(session: Session, *, device: Device, fingerprint: str) -> None:
    """Keeps a fingerprint the device reports, once (a station's certificates are never forgotten)."""
    if fingerprint and fingerprint not in certificates_of(session, device.id):
        session.add(StationCertificate(device_id=device.id, fingerprint=fingerprint, registered_at=datetime.now(UTC)))


def certificates_of(session: Session, device_id: int) -> list[str]:
    return list(session.scalars(select(StationCertificate.fingerprint).where(StationCertificate.device_id == device_id)
                                .order_by(StationCertificate.id)))


def _keep(session: Session, *, device: Device, entries: int, head: str, token: bytes, obtained_by: str) -> None:
    info = token_info(token)
    session.add(ServerAuditTimestamp(device_id=device.id, entries=entries, head=head, token=token,
                                     gen_time=info.gen_time, tsa=info.tsa[:500], obtained_by=obtained_by,
                                     received_at=datetime.now(UTC)))


def keep_station_token(session: Session, *, device: Device, entries: int, head: str, token_b64: str,
                       trusted: list[x509.Certificate]) -> None:
    """A token the station obtained for the head it reports: checked to stamp that head (and, when the server
    trusts TSA certificates, to be valid), then kept."""
    try:
        token = base64.b64decode(token_b64, validate=True)
        info = token_info(token)
    except ValueError as exc:
        raise InvalidToken("is not a base64 RFC 3161 time-stamp token") from exc
    if not head or info.imprint != bytes.fromhex(head):
        raise InvalidToken("is a time-stamp token over another hash than this head")
    if trusted:
        check = check_token(token, info.imprint, trusted)
        if not check.ok:
            raise InvalidToken(f"does not verify: {check.problem}")
    _keep(session, device=device, entries=entries, head=head, token=token, obtained_by=STATION)


def obtain_token(session: Session, *, device: Device, entries: int, head: str, tsa_url: str) -> str:
    """The server's own token for the head (base64, also kept); "" when no TSA answered (the head is kept all
    the same, and the next sync tries again)."""
    if not tsa_url or not head:
        return ""
    if session.scalar(select(ServerAuditTimestamp.id).where(ServerAuditTimestamp.device_id == device.id,
                                                            ServerAuditTimestamp.head == head).limit(1)):
        return ""  # already anchored: a sync with no change asks the TSA nothing
    try:
        token = request_token(tsa_url, bytes.fromhex(head))
    except TimestampError:
        return ""
    _keep(session, device=device, entries=entries, head=head, token=token, obtained_by=SERVER)
    return base64.b64encode(token).decode("ascii")
