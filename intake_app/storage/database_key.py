"""The key that encrypts the local store.

Two modes, chosen when the store is created and recorded (without any secret) in store.json:
- keyring: 32 random bytes kept in the OS keyring;
- passphrase: derived with scrypt from a passphrase (INTAKE_PASSPHRASE or a prompt), for
  headless machines and scripts. Only the salt and parameters are written down.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from . import secrets as keyring_secrets

PASSPHRASE_ENV = "INTAKE_PASSPHRASE"
STORE_FILE = "store.json"
# scrypt cost: about 0.1 s here; enough to slow guessing, not to annoy at start-up.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 12


class DatabaseKeyError(RuntimeError):
    """The store's key could not be had; the message says why and what to do."""

    # Why, for callers that offer a way out (the app asks for a passphrase on NO_KEYRING/NEEDS_PASSPHRASE).
    NO_KEYRING = "no_keyring"
    NEEDS_PASSPHRASE = "needs_passphrase"
    KEY_MISSING = "key_missing"
    WEAK_PASSPHRASE = "weak_passphrase"

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


@dataclass
class StoreInfo:
    installation_id: str
    key_mode: str  # "keyring" | "passphrase"
    salt: str = ""

    @property
    def keyring_name(self) -> str:
        return f"db-key:{self.installation_id}"


def read_store_info(data_dir: Path) -> StoreInfo | None:
    path = data_dir / STORE_FILE
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return StoreInfo(raw["installation_id"], raw["key_mode"], raw.get("salt", ""))


def _write_store_info(data_dir: Path, info: StoreInfo) -> None:
    payload = {"installation_id": info.installation_id, "key_mode": info.key_mode, "salt": info.salt,
               "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}}
    tmp = data_dir / (STORE_FILE + ".tmp")
    tmp.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    os.replace(tmp, data_dir / STORE_FILE)


def derive_key(passphrase: str, salt_hex: str) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=bytes.fromhex(salt_hex), n=SCRYPT_N, r=SCRYPT_R,
                          p=SCRYPT_P, maxmem=128 * 1024 * 1024, dklen=32)


def database_key(data_dir: Path, passphrase: str | None = None) -> tuple[bytes, StoreInfo]:
    """The key of the store in data_dir, creating it on first use."""
    passphrase = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV)
    info = read_store_info(data_dir)
    if info is None:
        return _create(data_dir, passphrase)
    if info.key_mode == "passphrase":
        if not passphrase:
            raise DatabaseKeyError(f"This store is protected by a passphrase: set {PASSPHRASE_ENV} or pass --passphrase.",
                                   DatabaseKeyError.NEEDS_PASSPHRASE)
        return derive_key(passphrase, info.salt), info
    try:
        stored = keyring_secrets.get_secret(info.keyring_name)
    except keyring_secrets.NoSecureKeyring as exc:
        raise DatabaseKeyError(str(exc), DatabaseKeyError.NO_KEYRING) from exc
    if stored is None:
        raise DatabaseKeyError(
            f"The key of the store in {data_dir} is not in this user's keyring. "
            "It was created by another user or on another computer; nothing was changed.",
            DatabaseKeyError.KEY_MISSING,
        )
    return bytes.fromhex(stored), info


def _create(data_dir: Path, passphrase: str | None) -> tuple[bytes, StoreInfo]:
    # Only a new store needs these; the app's start opens an existing one without them (start-up speed).
    import secrets
    import uuid

    installation_id = str(uuid.uuid4())
    if passphrase:
        if len(passphrase) < MIN_PASSPHRASE:
            raise DatabaseKeyError(f"The passphrase must be at least {MIN_PASSPHRASE} characters long.",
                                   DatabaseKeyError.WEAK_PASSPHRASE)
        info = StoreInfo(installation_id, "passphrase", secrets.token_hex(16))
        key = derive_key(passphrase, info.salt)
    else:
        info = StoreInfo(installation_id, "keyring")
        key = secrets.token_bytes(32)
        try:
            keyring_secrets.set_secret(info.keyring_name, key.hex())
        except keyring_secrets.NoSecureKeyring as exc:
            raise DatabaseKeyError(str(exc), DatabaseKeyError.NO_KEYRING) from exc
    _write_store_info(data_dir, info)
    return key, info
