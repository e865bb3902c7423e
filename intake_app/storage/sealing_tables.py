"""Local tables of sealing: each user's X25519 key pair (the private half encrypted under a key derived
from the user's passphrase with scrypt; it never leaves this store)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .tables import Base


class UserSealingKeyRow(Base):
    __tablename__ = "user_sealing_keys"
    star: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # X25519, hex
    # scrypt$n$r$p$salt-hex$nonce-b64$AES-GCM(private key)-b64
    private_box: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)

