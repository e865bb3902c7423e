"""Local tables of sync (offline sync): the outbox, the sync state, and conflicts waiting for a supervisor."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from .tables import Base


class OutboxRow(Base):
    """One local change waiting to be acknowledged by the server; removed only on acknowledgement."""
    __tablename__ = "sync_outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)  # queue order
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    base_version: Mapped[int] = mapped_column(Integer)
    record_json: Mapped[str] = mapped_column(Text)  # the incident version, intake.incident/1
    queued_at: Mapped[datetime] = mapped_column(DateTime)
    # "save", or "delete_draft" (record_json is then only {"id": ...}: the deleted draft is not sent again).
    action: Mapped[str] = mapped_column(String(16), default="save", server_default="save")


class SyncStateRow(Base):
    """Key/value: server URL, device id, feed cursor, last sync time and error, audit head reported."""
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncConflictRow(Base):
    """An edit of ours the server refused because it was based on an old version: both versions kept
    until the supervisor chooses."""
    __tablename__ = "sync_conflicts"
    incident_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    mine_json: Mapped[str] = mapped_column(Text)
    theirs_json: Mapped[str] = mapped_column(Text)
    server_conflict_id: Mapped[int | None] = mapped_column(Integer)
    detected_at: Mapped[datetime] = mapped_column(DateTime)
    # The server's side is a deletion (theirs_json is the draft as it was deleted): taking theirs deletes it here.
    theirs_deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class KeptDeletionRow(Base):
    """A draft deletion made here, kept after the server acknowledged it (storage/kept_deletions.py): if the server
    is restored from a backup taken before it, the deletion is sent again. Numbers and keys only, never any of the
    draft's content: what it said, and who reported it, is gone from this device with the draft."""
    __tablename__ = "sync_deletions_kept"
    idempotency_key: Mapped[str] = mapped_column(String(36), primary_key=True)  # the deletion's, as first queued
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    base_version: Mapped[int] = mapped_column(Integer)  # the version of the draft deleted here
    kept_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # UTC, naive: when it was deleted
    # A restored server that held nothing of the draft: asked again at each sync until then (UTC, naive), in case
    # a device that pulled the draft but not its deletion sends the draft again (storage/kept_deletions.py).
    watch_until: Mapped[datetime | None] = mapped_column(DateTime)
