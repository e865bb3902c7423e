"""Tables of the "connect the dots" feature (linked incidents): an index of agents' identifiers, a place-and-time
index for duplicates, and the reviewers' link decisions. Created by migration 0005_links.

The identifier and place rows are projections of `incidents.record_json`, rewritten in the same
transaction as every change; the decisions are kept (append-only): a later decision supersedes an
earlier one for the same pair and kind, and both stay readable. Migration 0007_link_decision_sync gave each
decision an idempotency key and a station, and the outbox that carries decisions to the server.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..tables import Base

# R*Tree over (latitude, longitude, minutes since TIME_ORIGIN); created by the migration (raw SQL),
# keyed by IncidentPlaceRow.place_id. Minutes keep the value exact in the R*Tree's 32-bit floats until ~2031
# and conservative (boxes only grow) after.
PLACE_INDEX = "incident_place_index"
TIME_ORIGIN = datetime(2000, 1, 1)


class IdentifierRow(Base):
    __tablename__ = "incident_identifiers"
    __table_args__ = (Index("ix_incident_identifiers_key", "kind", "value", "state"),)

    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # badge | name | plate
    value: Mapped[str] = mapped_column(String(128), primary_key=True)  # canonical (identifiers.normalise_*)
    state: Mapped[str] = mapped_column(String(2), primary_key=True, default="")  # plate state, "" if unknown
    display: Mapped[str] = mapped_column(Text, default="")  # as typed


class IncidentPlaceRow(Base):
    """The integer key an incident has in the R*Tree (R*Tree rows are addressed by integer only)."""

    __tablename__ = "incident_places"

    place_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), unique=True)


class LinkDecisionRow(Base):
    __tablename__ = "link_decisions"
    __table_args__ = (Index("ix_link_decisions_pair", "incident_a", "incident_b", "kind", "id"),
                      Index("ix_link_decisions_b", "incident_b"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_a: Mapped[str] = mapped_column(String(36))  # the smaller id of the pair
    incident_b: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(8))  # agent | event
    decision: Mapped[str] = mapped_column(String(16))  # confirmed | rejected | dismissed
    actor_name: Mapped[str] = mapped_column(Text)
    actor_star: Mapped[str] = mapped_column(String(16))
    decided_at: Mapped[datetime] = mapped_column(DateTime)  # UTC, naive
    note: Mapped[str] = mapped_column(Text, default="")
    shared_json: Mapped[str] = mapped_column(Text, default="[]")  # what the reviewer saw in common
    # One key per decision wherever it travels: a decision coming back from the server is not kept twice.
    # (a unique index, as the migration that added the column to a table already holding rows made it)
    sync_key: Mapped[str | None] = mapped_column(String(36), index=True, unique=True)
    station: Mapped[str] = mapped_column(Text, default="")  # where it was taken; "" = on this device


class LinkDecisionOutboxRow(Base):
    """A decision taken here, waiting for the server's acknowledgement (intake_app.sync.link_decisions_sync)."""

    __tablename__ = "link_decision_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)  # queue order
    sync_key: Mapped[str] = mapped_column(String(36), unique=True)
    payload_json: Mapped[str] = mapped_column(Text)
    queued_at: Mapped[datetime] = mapped_column(DateTime)
