"""No lost station: the store's key is also wrapped to the headquarters recovery key, so a station whose
passphrase is forgotten or whose keyring is lost can be opened again by headquarters and given a new key.

- Headquarters makes the recovery key once (`intake recovery-key create`): an X25519 key pair. The public
  half goes to the sync server's settings (INTAKE_SERVER_RECOVERY_PUBLIC_KEY), which publishes it to every
  device at enrollment. The private half is kept offline, optionally split among administrators as SLIP-39
  Shamir shares (the `shamir-mnemonic` library): any `threshold` of the shares give it back.
- A station enrolled with such a server writes `recovery.json` beside its store: the store's key wrapped to
  that public key (ephemeral X25519, HKDF-SHA256, AES-256-GCM bound to the installation id). It holds no
  secret the station could open by itself, only headquarters.
- `intake recover` with the private half (or enough shares) unwraps the key, checks that it opens the store,
  re-encrypts the store with a new key (a new passphrase, or a new random key in the OS keyring), and wraps
  the new key to the recovery key again. Nothing of the store's content is changed.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shamir_mnemonic
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..storage import cipher
from ..storage import database_key as dbkey
from ..storage import secrets as keyring_secrets
from .sealing import key_id, parse_public

RECOVERY_FILE = "recovery.json"
PENDING_FILE = "recovery.pending.json"  # the new key's wrap, written before the store is re-encrypted
FORMAT = "intake.recovery/1"
_INFO = b"intake-recovery-wrap/1"
MAX_FILE = 64 * 1024


class RecoveryError(RuntimeError):
    """Recovery is not possible as asked; the message says why and what to do. Nothing was changed."""


@dataclass(frozen=True)
class RecoveryKey:
    private_hex: str
    public_hex: str
    shares: list[str]  # SLIP-39 mnemonics; empty when not split


def create_recovery_key(*, shares: int = 0, threshold: int = 0) -> RecoveryKey:
    private = X25519PrivateKey.generate()
    raw = private.private_bytes_raw()
    words: list[str] = []
    if shares:
        if not 1 <= threshold <= shares <= 16:
            raise ValueError("threshold: must be between 1 and the number of shares (at most 16)")
        words = shamir_mnemonic.generate_mnemonics(1, [(threshold, shares)], raw)[0]
    return RecoveryKey(raw.hex(), private.public_key().public_bytes_raw().hex(), words)


def private_from(text: str) -> X25519PrivateKey:
    """The recovery key's private half from what the administrators hold: 64 hex digits, or SLIP-39
    shares (one per line; at least the threshold of them)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) == 1 and len(lines[0]) == 64 and all(c in "0123456789abcdefABCDEF" for c in lines[0]):
        return X25519PrivateKey.from_private_bytes(bytes.fromhex(lines[0]))
    try:
        raw = shamir_mnemonic.combine_mnemonics(lines)
    except (shamir_mnemonic.MnemonicError, ValueError) as exc:
        raise RecoveryError(f"The recovery shares do not combine: {exc}") from exc
    if len(raw) != 32:
        raise RecoveryError("The recovery shares do not hold a recovery key.")
    return X25519PrivateKey.from_private_bytes(raw)


def _aad(installation_id: str) -> bytes:
    return f"{FORMAT}|{installation_id}".encode()


def _kek(shared: bytes, epk: bytes, rpk: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=_INFO + epk + rpk).derive(shared)


def wrap(key: bytes, installation_id: str, public: X25519PublicKey) -> dict:
    ephemeral = X25519PrivateKey.generate()
    epk, rpk = ephemeral.public_key().public_bytes_raw(), public.public_bytes_raw()
    nonce = os.urandom(12)
    wrapped = AESGCM(_kek(ephemeral.exchange(public), epk, rpk)).encrypt(nonce, key, _aad(installation_id))
    return {"format": FORMAT, "installation_id": installation_id, "kid": key_id(rpk), "epk": epk.hex(),
            "nonce": base64.b64encode(nonce).decode(), "wrapped": base64.b64encode(wrapped).decode()}


def unwrap(payload: dict, private: X25519PrivateKey) -> bytes:
    try:
        if payload.get("format") != FORMAT:
            raise RecoveryError(f"{RECOVERY_FILE} is not an {FORMAT} file.")
        if payload["kid"] != key_id(private.public_key()):
            raise RecoveryError("This is not the recovery key this station's key was wrapped to.")
        epk = bytes.fromhex(payload["epk"])
        kek = _kek(private.exchange(X25519PublicKey.from_public_bytes(epk)), epk, private.public_key().public_bytes_raw())
        return AESGCM(kek).decrypt(base64.b64decode(payload["nonce"]), base64.b64decode(payload["wrapped"]),
                                   _aad(payload["installation_id"]))
    except (KeyError, TypeError, ValueError, InvalidTag) as exc:
        raise RecoveryError(f"{RECOVERY_FILE} is damaged or was altered: it cannot be opened.") from exc


def _write(path: Path, payload: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def _read(path: Path) -> dict | None:
    if not path.exists():
        return None
    if path.stat().st_size > MAX_FILE:
        raise RecoveryError(f"{path.name} is too large to be a recovery file.")
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise RecoveryError(f"{path.name} is not valid JSON.") from exc
    if not isinstance(payload, dict):
        raise RecoveryError(f"{path.name} is not a recovery file.")
    return payload


def protect(data_dir: Path, key: bytes, installation_id: str, recovery_public_hex: str) -> bool:
    """Writes recovery.json (the store's key wrapped to the recovery key) unless it is there for this key
    already. Returns whether it wrote it."""
    if not recovery_public_hex:
        return False
    public = parse_public(recovery_public_hex)
    path = data_dir / RECOVERY_FILE
    try:
        current = _read(path)
    except RecoveryError:
        current = None
    if current is not None and current.get("kid") == key_id(public) and current.get("installation_id") == installation_id:
        return False
    _write(path, wrap(key, installation_id, public))
    return True


def recover(data_dir: Path, private: X25519PrivateKey, *, new_passphrase: str | None) -> dbkey.StoreInfo:
    """Opens the store of `data_dir` with the recovery key and gives it a new key: derived from
    `new_passphrase`, or (None) a new random key kept in the OS keyring. Returns the new store info."""
    db_path = data_dir / cipher.DB_FILE
    if not db_path.exists():
        raise RecoveryError(f"There is no store in {data_dir} ({cipher.DB_FILE} is missing).")
    old_key: bytes | None = None
    payload: dict[str, Any] = {}
    for name in (RECOVERY_FILE, PENDING_FILE):  # pending: a recovery stopped after re-encrypting
        candidate = _read(data_dir / name)
        if candidate is None:
            continue
        key = unwrap(candidate, private)
        if _opens(db_path, key):
            old_key, payload = key, candidate
            break
    if old_key is None:
        raise RecoveryError(f"No {RECOVERY_FILE} in {data_dir} opens this store: it was never enrolled with a "
                            "server that publishes a recovery key, or the file belongs to another store.")
    installation_id = payload["installation_id"]
    if new_passphrase is not None:
        if len(new_passphrase) < dbkey.MIN_PASSPHRASE:
            raise RecoveryError(f"The new passphrase must be at least {dbkey.MIN_PASSPHRASE} characters long.")
        info = dbkey.StoreInfo(installation_id, "passphrase", secrets.token_hex(16))
        new_key = dbkey.derive_key(new_passphrase, info.salt)
    else:
        info = dbkey.StoreInfo(installation_id, "keyring")
        new_key = secrets.token_bytes(32)
    public = private.public_key()
    _write(data_dir / PENDING_FILE, wrap(new_key, installation_id, public))
    if info.key_mode == "keyring":
        try:
            keyring_secrets.set_secret(info.keyring_name, new_key.hex())
        except keyring_secrets.NoSecureKeyring as exc:
            (data_dir / PENDING_FILE).unlink(missing_ok=True)
            raise RecoveryError(f"There is no secure keyring here for the new key: give a new passphrase instead. {exc}") from exc
    _rekey(db_path, old_key, new_key)
    dbkey._write_store_info(data_dir, info)
    os.replace(data_dir / PENDING_FILE, data_dir / RECOVERY_FILE)
    return info


def _opens(db_path: Path, key: bytes) -> bool:
    try:
        cipher.connect(db_path, key).close()
    except Exception:  # the driver's DatabaseError: not this key
        return False
    return True


def _rekey(db_path: Path, old_key: bytes, new_key: bytes) -> None:
    """Re-encrypts every page with the new key (SQLCipher's rekey), out of WAL mode so no page is left in a
    write-ahead log under the old key; the store goes back to WAL when it is next opened."""
    conn = cipher.connect(db_path, old_key)
    try:
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    finally:
        conn.close()
