"""ORM tables of the local store.

The incident's full record is kept as its interchange JSON (the truth, lossless); the child tables
and the FTS index are projections rewritten in the same transaction, for lists, filters and search.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

if TYPE_CHECKING:
    from sqlalchemy import Table


class Base(DeclarativeBase):
    if TYPE_CHECKING:  # every mapped class here has a real Table (not any FromClause): insert, update, delete take it
        __table__: ClassVar[Table]


class IncidentRow(Base):
    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_occurred_at", "occurred_at", "id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    report_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    district: Mapped[int | None] = mapped_column(Integer, index=True)
    beat: Mapped[str] = mapped_column(String(4), default="")
    occurred_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC, naive; indexed with id
    address: Mapped[str] = mapped_column(Text, default="")
    latitude: Mapped[float | None] = mapped_column(Float)  # (FLOAT, as the first migration made them)
    longitude: Mapped[float | None] = mapped_column(Float)
    agent_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    version: Mapped[int] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    record_json: Mapped[str] = mapped_column(Text)
    search_rowid: Mapped[int] = mapped_column(Integer, unique=True)
    # What the order and CPD practice require (migration 0009_order_fields).
    cpd_rd_number: Mapped[str] = mapped_column(String(32), default="", index=True)
    oemc_event_number: Mapped[str] = mapped_column(String(32), default="", index=True)
    review_decision: Mapped[str] = mapped_column(String(32), default="")  # the felony review's current decision
    # Counted by the public release, without names (migration 0010_release_order_counts): the federal
    # supervisor's credential check ("" when not recorded), the people injured, whether EMS was summoned, and
    # whether CPD rendered aid (yes, no, unknown; "" when the injury section was not answered).
    credential_check: Mapped[str] = mapped_column(String(32), default="")
    injured_count: Mapped[int] = mapped_column(Integer, default=0)
    ems_summoned: Mapped[bool] = mapped_column(Boolean, default=False)
    aid_rendered: Mapped[str] = mapped_column(String(16), default="")


class ListedInIncident:
    """The key of a row of one of an incident's lists (agents, footage, violations): the incident, and the
    row's place in that list. Gone with the incident."""

    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)


class AgentRow(ListedInIncident, Base):
    __tablename__ = "incident_agents"

    agent_id: Mapped[str] = mapped_column(String(36))
    agency: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(Text, default="")
    badge: Mapped[str] = mapped_column(String(64), default="")
    plate: Mapped[str] = mapped_column(String(16), default="")
    plate_state: Mapped[str] = mapped_column(String(2), default="")


# Footage still to be preserved: body-worn and in-car items (domain.preservation.PURGED_AFTER_RETENTION) not yet
# confirmed preserved. SQLite uses a partial index only for queries that repeat its condition, so the alert
# queries (storage/preservation_queries.py) use this very text; migration 0006 created the index with it.
AWAITING_PRESERVATION = "kind IN ('body_worn_camera', 'in_car_camera') AND preservation_status != 'preserved'"
# POD and private/business cameras not yet preserved, asked for or not: the most perishable footage (a POD
# overwrites within weeks, an owner's recorder within days: the per-kind retention of Settings), so the alert
# list shows them with the body-worn and in-car items. Migration 0010_perishable_alerts made the index with this
# very text (SQLite matches a partial index by its text).
PERISHABLE_AWAITING = "kind IN ('pod_camera', 'private_business_camera') AND preservation_status != 'preserved'"


class FootageRow(ListedInIncident, Base):
    __tablename__ = "incident_footage"
    __table_args__ = (
        Index("ix_footage_deadline", "preservation_status", "preservation_deadline"),
        # The alert list, soonest deadline first: with one retention for all items that is earliest start first.
        Index("ix_footage_awaiting", "start", sqlite_where=text(AWAITING_PRESERVATION)),
        # Keyed on the very columns its condition tests, so SQLite takes it over ix_footage_deadline (an index
        # keyed on incident_id lost to that one and walked every "requested" item: 300 ms over 100,000 incidents).
        Index("ix_footage_perishable", "kind", "preservation_status", sqlite_where=text(PERISHABLE_AWAITING)),
    )

    footage_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(32))
    preservation_status: Mapped[str] = mapped_column(String(16))
    preservation_deadline: Mapped[datetime | None] = mapped_column(DateTime)  # UTC, naive
    sha256: Mapped[str] = mapped_column(String(64), default="")
    # What the alert list shows, so it never parses records (migration 0006).
    device_id: Mapped[str] = mapped_column(Text, default="")
    officer_star: Mapped[str] = mapped_column(Text, default="")
    evidence_id: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[datetime | None] = mapped_column(DateTime)  # UTC, naive
    flagged_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC, naive (migration 0009_order_fields)


class ViolationRow(ListedInIncident, Base):
    __tablename__ = "incident_violations"

    violation_id: Mapped[str] = mapped_column(String(36))
    statute: Mapped[str] = mapped_column(String(64), index=True)
    offence_class: Mapped[str] = mapped_column(String(16), default="")


class ReportSequence(Base):
    __tablename__ = "report_sequences"

    district: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class MetaRow(Base):
    """Installation facts (device code) and station settings, as JSON text per key."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AutosaveRow(Base):
    """The wizard's unsaved form, written every few seconds so a crash loses little; one per incident and per
    user who typed it (`owner_star`; "" for a form saved before autosaves had owners)."""

    __tablename__ = "autosaves"

    incident_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_star: Mapped[str] = mapped_column(String(32), primary_key=True, default="")
    saved_at: Mapped[datetime] = mapped_column(DateTime)
    record_json: Mapped[str] = mapped_column(Text)


# The FTS5 table is created by the migration (raw SQL); listed here for readers.
FTS_TABLE = "incident_fts"
FTS_COLUMNS = ("incident_id", "report_number", "narrative", "address", "agent_names", "badges", "plates")
