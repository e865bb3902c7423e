"""Local tables of sealing: each user's X25519 key pair (the private half encrypted under a key derived
from the user's passphrase with scrypt; it never leaves this store), and the sealed envelopes of records
pulled from the server (the identity of their civilians, readable only with a recipient's key)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .tables import Base


class UserSealingKeyRow(Base):
    __tablename__ = "user_sealing_keys"
    star: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # X25519, hex
    # scrypt$n$r$p$salt-hex$nonce-b64$AES-GCM(private key)-b64
    private_box: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SealedEnvelopeRow(Base):
    """The newest envelope received for an incident (a record pulled with its identity sealed)."""
    __tablename__ = "sealed_envelopes"
    incident_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    envelope_json: Mapped[str] = mapped_column(Text)
