"""Each user's sealing key pair (X25519). The private half is kept only in this store, encrypted with
AES-256-GCM under a key derived from the user's passphrase with scrypt; it is opened at sign-in and held in
memory for that opened store only (never written in clear, never sent). The public half is what records
are sealed to (security/sealing.py) and what a headquarters administrator publishes through the server for
a privacy officer (`intake users sealing-key STAR`).

A key pair is made the first time a user signs in (or is added), since only then is the passphrase known.
When an administrator resets a passphrase the old private key cannot be re-encrypted (its passphrase is
unknown), so the user gets a new pair at the next sign-in; envelopes sealed only to the old pair stay
unreadable to them, which is why every record is also sealed to the station's other reviewers.
"""

from __future__ import annotations

import base64
import hashlib
import os
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from ..domain.roles import REVIEWER
from ..storage import sealing_tables  # noqa: F401  (declares the tables on Base)
from ..storage.repository import IncidentStore
from ..storage.sealing_tables import UserSealingKeyRow
from ..storage.user_tables import UserRow
from .sealing import parse_public

_N, _R, _P = 2**14, 8, 1


def _unlocked(store: IncidentStore) -> dict[str, X25519PrivateKey]:
    """Private keys of the users signed in to this opened store (in this process only)."""
    return store.feature_state("sealing_private_keys", dict)


def _derive(passphrase: str, salt: bytes, n: int = _N, r: int = _R, p: int = _P) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)


def _box(private: X25519PrivateKey, passphrase: str, star: str) -> str:
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_derive(passphrase, salt)).encrypt(nonce, private.private_bytes_raw(), star.encode())
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${base64.b64encode(nonce).decode()}${base64.b64encode(sealed).decode()}"


def _open_box(box: str, passphrase: str, star: str) -> X25519PrivateKey | None:
    _scheme, n, r, p, salt, nonce, sealed = box.split("$")
    try:
        raw = AESGCM(_derive(passphrase, bytes.fromhex(salt), int(n), int(r), int(p))).decrypt(
            base64.b64decode(nonce), base64.b64decode(sealed), star.encode())
    except InvalidTag:
        return None
    return X25519PrivateKey.from_private_bytes(raw)


def unlock(store: IncidentStore, star: str, passphrase: str) -> None:
    """At sign-in (the passphrase was just checked): open the user's private key, making the pair on first use."""
    with store.transaction() as session:
        row = session.get(UserSealingKeyRow, star)
        private = _open_box(row.private_box, passphrase, star) if row is not None else None
        if private is None:  # none yet, or made under a passphrase an administrator has reset since
            private = X25519PrivateKey.generate()
            box = _box(private, passphrase, star)
            public = private.public_key().public_bytes_raw().hex()
            if row is None:
                session.add(UserSealingKeyRow(star=star, public_key=public, private_box=box,
                                              created_at=datetime.now(UTC).replace(tzinfo=None)))
            else:
                row.public_key, row.private_box = public, box
    _unlocked(store)[star] = private


def lock(store: IncidentStore, star: str) -> None:
    _unlocked(store).pop(star, None)


def private_keys(store: IncidentStore, star: str) -> list[X25519PrivateKey]:
    key = _unlocked(store).get(star)
    return [key] if key is not None else []


def public_key(store: IncidentStore, star: str) -> str:
    with store.reading() as session:
        row = session.get(UserSealingKeyRow, star)
        return row.public_key if row is not None else ""


def station_readers(store: IncidentStore) -> tuple[list[X25519PublicKey], dict[str, X25519PublicKey]]:
    """The public keys of this station's active reviewers, and of every active user by star (the supervisor
    who entered a record reads it too). A disabled user gets no new wraps."""
    with store.reading() as session:
        rows = session.execute(
            select(UserSealingKeyRow.star, UserSealingKeyRow.public_key, UserRow.role)
            .join(UserRow, UserRow.star == UserSealingKeyRow.star).where(UserRow.active.is_(True))).all()
    by_star = {r.star: parse_public(r.public_key) for r in rows}
    return [by_star[r.star] for r in rows if r.role == REVIEWER], by_star


def reviewer_public_keys(store: IncidentStore) -> dict[str, str]:
    """Star -> public key (hex) of this station's active reviewers: what the district's other devices seal to."""
    with store.reading() as session:
        rows = session.execute(
            select(UserSealingKeyRow.star, UserSealingKeyRow.public_key)
            .join(UserRow, UserRow.star == UserSealingKeyRow.star)
            .where(UserRow.active.is_(True), UserRow.role == REVIEWER)).all()
    return {r.star: r.public_key for r in rows}
