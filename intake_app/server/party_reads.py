"""Who read which civilian's identity, when: every unmasking a device recorded in its audit trail (a sealed
identity opened, a reporting party shown or exported) is sent by that device at each sync and kept here.
The server learns that star S of device D read the party of incident I at time T, for what (view, export,
print), never the party itself. Headquarters lists them (GET /party-reads, `intake server party-reads`)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, String, UniqueConstraint, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..wire.party_reads import PartyReadIn, ReaderKeyIn
from .db import insert_many
from .tables import Base

if TYPE_CHECKING:
    from .tables import Device

BigId = BigInteger().with_variant(Integer(), "sqlite")


class PartyRead(Base):
    __tablename__ = "party_reads"
    __table_args__ = (UniqueConstraint("device_id", "entry_seq", name="uq_party_reads_entry"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    device_id: Mapped[int] = mapped_column(BigId, ForeignKey("devices.id"), index=True)
    entry_seq: Mapped[int] = mapped_column(BigId)  # the device's audit entry: sent again, kept once
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    actor_star: Mapped[str] = mapped_column(String(16))
    actor_name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def record(session: Session, *, device_id: int, entries: list[PartyReadIn]) -> int:
    seqs = [e.seq for e in entries]
    if not seqs:
        return 0
    known = set(session.scalars(select(PartyRead.entry_seq).where(PartyRead.device_id == device_id,
                                                                  PartyRead.entry_seq.in_(seqs))))
    now = datetime.now(UTC)
    fresh, seen = [], set()
    for e in entries:
        if e.seq in known or e.seq in seen:
            continue
        seen.add(e.seq)
        at = e.at if e.at.tzinfo else e.at.replace(tzinfo=UTC)
        fresh.append({"device_id": device_id, "entry_seq": e.seq, "incident_id": e.incident_id,
                      "actor_star": e.actor_star, "actor_name": e.actor_name, "purpose": e.purpose,
                      "at": at, "received_at": now})
    insert_many(session, PartyRead.__table__, fresh)
    return len(fresh)


def listing(session: Session, *, incident_id: str | None = None, limit: int = 1000) -> list[PartyRead]:
    stmt = select(PartyRead).order_by(PartyRead.at, PartyRead.id).limit(limit)
    if incident_id:
        stmt = stmt.where(PartyRead.incident_id == incident_id)
    return list(session.scalars(stmt))


# ---------------------------------------------------------------- readers' public keys

class ReaderKey(Base):
    """The sealing public key of a reviewer on a device (their private key never leaves that device): the
    other devices of the district seal to it, so a reviewer on any computer of the station reads the party."""
    __tablename__ = "reader_keys"
    device_id: Mapped[int] = mapped_column(BigId, ForeignKey("devices.id"), primary_key=True)
    star: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def replace_reader_keys(session: Session, *, device_id: int, keys: list[ReaderKeyIn]) -> None:
    session.execute(delete(ReaderKey).where(ReaderKey.device_id == device_id))
    now = datetime.now(UTC)
    unique = {k.star: k.public_key for k in keys}
    insert_many(session, ReaderKey.__table__, [{"device_id": device_id, "star": star, "public_key": key,
                                                "updated_at": now} for star, key in unique.items()])


def district_reader_keys(session: Session, *, device: Device) -> list[str]:
    """Keys of the reviewers on the other active devices of this device's district (none for headquarters)."""
    from .tables import Device

    if device.district is None:
        return []
    return sorted(set(session.scalars(
        select(ReaderKey.public_key).join(Device, Device.id == ReaderKey.device_id)
        .where(Device.district == device.district, Device.revoked_at.is_(None), Device.id != device.id,
               Device.headquarters.is_(False)))))
