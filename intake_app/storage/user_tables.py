"""Local tables of users and review (review and station security): who may sign in, failed sign-ins, and record versions kept
after approval. Passphrases are stored only as scrypt hashes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .tables import Base


class UserRow(Base):
    __tablename__ = "users"
    star: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # supervisor | reviewer | administrator
    pass_hash: Mapped[str] = mapped_column(Text)  # scrypt$n$r$p$salt-hex$hash-hex
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SignInFailureRow(Base):
    """Failed sign-ins per star (also for stars that are not users, so guessing names is slowed too).
    Kept in the store, so restarting the app does not reset the delay."""
    __tablename__ = "sign_in_failures"
    star: Mapped[str] = mapped_column(String(16), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class RecordVersionRow(Base):
    """A snapshot of the record each time it is approved or corrected after approval; never updated."""
    __tablename__ = "record_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    record_version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # approved | correction
    reason: Mapped[str] = mapped_column(Text, default="")
    actor_name: Mapped[str] = mapped_column(String(200))
    actor_star: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    record_json: Mapped[str] = mapped_column(Text)
