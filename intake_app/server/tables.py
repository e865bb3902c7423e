"""The server's own tables (its own Base: nothing shared with the desktop store).

`changes` is the change feed: one row per accepted incident version, `seq` a monotonically increasing
number; a reader never skips one that commits later (feed_order.py). `incidents` holds the newest version only.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# BIGINT on PostgreSQL; SQLite only autoincrements an INTEGER PRIMARY KEY.
BigId = BigInteger().with_variant(Integer(), "sqlite")


if TYPE_CHECKING:
    from sqlalchemy import Table


class Base(DeclarativeBase):
    if TYPE_CHECKING:  # every mapped class here has a real Table (not any FromClause): insert, update, delete take it
        __table__: ClassVar[Table]


class Enrollment(Base):
    __tablename__ = "enrollments"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    district: Mapped[int | None] = mapped_column(Integer)
    headquarters: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    device_id: Mapped[int | None] = mapped_column(BigId)


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    district: Mapped[int | None] = mapped_column(Integer)
    headquarters: Mapped[bool] = mapped_column(Boolean, default=False)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    public_key: Mapped[str] = mapped_column(String(100), default="")  # Ed25519, hex: verifies audit heads
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    audit_flagged: Mapped[bool] = mapped_column(Boolean, default=False)


class ServerIncident(Base):
    __tablename__ = "incidents"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    district: Mapped[int] = mapped_column(Integer, index=True)
    version: Mapped[int] = mapped_column(Integer)
    record_json: Mapped[str] = mapped_column(Text)
    last_seq: Mapped[int] = mapped_column(BigId)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Change(Base):
    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_district_seq", "district", "seq"),)
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    district: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    record_json: Mapped[str] = mapped_column(Text)
    device_id: Mapped[int] = mapped_column(BigId, ForeignKey("devices.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # A deleted draft: record_json is its last content, one version up (migration s0003).
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Sent again by a device after a restore from a backup (server/resends.py, migration s0006): a version the
    # server had acknowledged before it lost it, so of the one history the server had then.
    resent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Push(Base):
    """One row per idempotency key ever applied: a repeated push returns the stored result."""
    __tablename__ = "pushes"
    idempotency_key: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[int] = mapped_column(BigId, ForeignKey("devices.id"))
    incident_id: Mapped[str] = mapped_column(String(36))
    result_json: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ServerConflict(Base):
    """An edit based on an old version: both versions kept, never resolved silently."""
    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    district: Mapped[int] = mapped_column(Integer)
    device_id: Mapped[int] = mapped_column(BigId, ForeignKey("devices.id"))
    idempotency_key: Mapped[str] = mapped_column(String(36))
    base_version: Mapped[int] = mapped_column(Integer)
    server_version: Mapped[int] = mapped_column(Integer)
    server_json: Mapped[str] = mapped_column(Text)
    pushed_json: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditHead(Base):
    __tablename__ = "audit_heads"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    device_id: Mapped[int] = mapped_column(BigId, ForeignKey("devices.id"), index=True)
    head: Mapped[str] = mapped_column(String(64))
    entries: Mapped[int] = mapped_column(BigId)
    previous_head: Mapped[str] = mapped_column(String(64), default="")
    signature: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    extends_previous: Mapped[bool] = mapped_column(Boolean)


class ServerLinkDecision(Base):
    """A reviewer's decision on a pair of incidents (linked incidents), in feed order (`seq`, see feed_order.lock_link_feed).
    The districts are the incidents' when the decision arrived: they decide which devices receive it."""
    __tablename__ = "link_decisions"
    __table_args__ = (Index("ix_link_decisions_districts_seq", "district_a", "district_b", "seq"),)
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    incident_a: Mapped[str] = mapped_column(String(36), index=True)
    incident_b: Mapped[str] = mapped_column(String(36), index=True)
    district_a: Mapped[int] = mapped_column(Integer)
    district_b: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    decision: Mapped[str] = mapped_column(String(16))
    actor_name: Mapped[str] = mapped_column(Text)
    actor_star: Mapped[str] = mapped_column(String(16))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    note: Mapped[str] = mapped_column(Text, default="")
    shared_json: Mapped[str] = mapped_column(Text, default="[]")
    device_id: Mapped[int] = mapped_column(BigId, ForeignKey("devices.id"))
    station: Mapped[str] = mapped_column(String(40))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DeviceCode(Base):
    """Which device hands out report numbers with which device code (their 3 middle characters), per district.
    A headquarters device (district NULL) holds its code in every district. Never released: the numbers a
    code made stay in records (migration s0004_report_numbers, server/device_codes.py)."""
    __tablename__ = "device_codes"
    __table_args__ = (Index("ux_device_codes_district_code", "district", "code", unique=True),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    district: Mapped[int | None] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(3))
    device_id: Mapped[int] = mapped_column(BigId, ForeignKey("devices.id"), index=True)
    requested: Mapped[str] = mapped_column(String(3), default="")  # what the device had when it enrolled
    assigned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReportNumber(Base):
    """Every report number the server accepted and the one incident that holds it (server/report_numbers.py)."""
    __tablename__ = "report_numbers"
    report_number: Mapped[str] = mapped_column(String(32), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UnknownStatute(Base):
    """A stored record version citing a statute the server's catalogue does not know: kept, and flagged here
    for an administrator (the station may have a newer catalogue than the server)."""
    __tablename__ = "unknown_statutes"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    district: Mapped[int] = mapped_column(Integer)
    citation: Mapped[str] = mapped_column(Text)
    device_id: Mapped[int] = mapped_column(BigId)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UnmatchedNumber(Base):
    """A stored record version whose RD or OEMC number the server's pattern refuses: kept, and flagged here for
    an administrator (a station may have set its own pattern)."""
    __tablename__ = "unmatched_numbers"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    district: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)
    pattern: Mapped[str] = mapped_column(Text)
    device_id: Mapped[int] = mapped_column(BigId)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FeedPosition(Base):
    """How far each device's feed was sent at its last pull (the answer's next_cursor). Only for operations:
    the metrics' pending changes and feed lag by device (server/metrics.py)."""
    __tablename__ = "feed_positions"
    device_id: Mapped[int] = mapped_column(BigId, ForeignKey("devices.id"), primary_key=True)
    cursor: Mapped[int] = mapped_column(BigId)
    pulled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ServerRestore(Base):
    """Each time the database was restored from a backup (`intake server after-restore`): a device's first audit
    head after it may not extend the last one the restored database holds (the reports in between were lost
    with the restore), so it is checked for length only (crud.record_audit_head)."""
    __tablename__ = "server_restores"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ServerEpoch(Base):
    """One row: the restore epoch, a random id renewed by `intake server restored` (migration s0006). A device
    that sees a new one asks which versions the server holds and sends again what it lacks (sync/resend.py).
    `since_seq`: the first feed number after the last restore (0 if never restored)."""
    __tablename__ = "server_epoch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(32))
    since_seq: Mapped[int] = mapped_column(BigId)
    set_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RecordRepair(Base):
    """The server's audit of a stored record it rewrote itself (a migration: times repaired to the instants they
    stand for): one row per rewritten record, with what changed and the hashes before and after, so an
    administrator sees that the text changed, by what, and that the content did not."""
    __tablename__ = "record_repairs"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200))
    fields: Mapped[str] = mapped_column(Text)  # JSON: [[path, before, after], ...]
    old_hash: Mapped[str] = mapped_column(String(64))
    new_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
