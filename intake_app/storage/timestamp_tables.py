"""RFC 3161 time-stamp tokens for audit-chain heads (security/timestamps.py): append-only like the chain
(SQLite triggers, migration 0009_evidence_timestamps).

Each row says: a time-stamping authority signed that the audit entry number `entries`, whose hash is `head`,
existed at `gen_time`. The token (DER) is what proves it; the other columns are read from it, for listing.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, Integer, LargeBinary, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from .tables import Base

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .repository import IncidentStore


class AuditTimestampRow(Base):
    __tablename__ = "audit_timestamps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entries: Mapped[int] = mapped_column(Integer, index=True)  # the chain's length (the head's seq)
    head: Mapped[str] = mapped_column(String(64))
    token: Mapped[bytes] = mapped_column(LargeBinary)
    gen_time: Mapped[datetime] = mapped_column(DateTime)  # UTC, naive, as the token says
    tsa: Mapped[str] = mapped_column(Text)  # the TSA certificate's subject, as the token says
    obtained_by: Mapped[str] = mapped_column(String(16))  # "station" or "server"
    received_at: Mapped[datetime] = mapped_column(DateTime)  # UTC, naive


def add_timestamp_in(session: Session, *, entries: int, head: str, token: bytes, gen_time: datetime, tsa: str,
                     obtained_by: str, received_at: datetime) -> bool:
    """Keeps a token once (the same token synced back again is not a second row). True if it was new."""

    if session.scalar(select(AuditTimestampRow.id).where(AuditTimestampRow.token == token)) is not None:
        return False
    session.add(AuditTimestampRow(entries=entries, head=head, token=token, gen_time=gen_time, tsa=tsa[:500],
                                  obtained_by=obtained_by, received_at=received_at))
    return True


def timestamps(store: IncidentStore) -> list[AuditTimestampRow]:
    """Every token, oldest chain position first (detached plain rows)."""
    with store.reading() as session:
        rows = session.scalars(select(AuditTimestampRow).order_by(AuditTimestampRow.entries,
                                                                  AuditTimestampRow.id)).all()
        session.expunge_all()
        return list(rows)
