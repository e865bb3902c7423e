"""Local tables of sealing: each user's X25519 key pair (the private half encrypted under a key derived
from the user's passphrase with scrypt; it never leaves this store), and the envelopes the server holds of
the records this station keeps in clear (what a re-wrap must start from, byte for byte)."""

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



class ServerEnvelopeRow(Base):
    """The envelope the server holds of a record this store keeps in clear, at that version, as the change
    feed last brought it back (sync/apply_step.py). Sealing is fresh at every push, so only the server's copy
    tells what a re-wrap (sync/rewrap_step.py) must leave byte-identical."""
    __tablename__ = "server_envelopes"
    incident_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    envelope_json: Mapped[str] = mapped_column(Text)
