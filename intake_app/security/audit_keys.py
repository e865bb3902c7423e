"""This installation's Ed25519 key for signing audit entries.

The private key of a keyring store lives in the OS keyring; that of a passphrase store (headless machines,
scripts) in the encrypted store itself, as secure as the records (secrets.secrets_in_store). The public keys
ever used here are kept in the store's meta table (by key id), so entries signed before a key was replaced
still verify. A keyring store that finds no secure keyring keeps the key in the store too. In the store,
entries stay hash-chained and signed, but anyone holding the store's key could then also sign.
"""

from __future__ import annotations

import hashlib
import json
import socket
import uuid
import weakref
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..storage.meta import read_meta, write_meta
from ..storage.secrets import NoSecureKeyring, get_secret, secrets_in_store, set_secret
from ..storage.tables import MetaRow

INSTALLATION = "audit_installation"
PUBLIC_KEYS = "audit_public_keys"
UNPROTECTED_PRIVATE = "audit_private_key_unprotected"  # in the store, not the keyring (see the docstring)

_cache: dict[str, tuple[str, Ed25519PrivateKey]] = {}


@dataclass(frozen=True)
class _Signer:
    """What every audit entry of one store needs and what cannot change under it once it is in the store:
    the installation id and a signing key whose public half is already recorded in meta."""
    installation: str
    kid: str
    private: Ed25519PrivateKey


# Per store (engine): the meta look-ups and the JSON parse of the known public keys cost more than the
# rest of an audit entry, on every save. Filled only from values already committed (see signing_key).
_signers: weakref.WeakKeyDictionary[Engine, _Signer] = weakref.WeakKeyDictionary()
_DEVICE_CODE = select(MetaRow.value).where(MetaRow.key == "device_code")
# Set in Session.info when this session wrote the installation id or a public key: those are not committed
# yet, and a rollback would leave a cache naming values the store never kept.
_WROTE_IDENTITY = "intake_audit_identity_written"


def _engine(session: Session) -> Engine:
    return session.get_bind().engine  # a session bound to a Connection names its engine the same way


def key_id(public: Ed25519PublicKey) -> str:
    return hashlib.sha256(public.public_bytes_raw()).hexdigest()[:16]


def installation_id(session: Session) -> str:
    value = read_meta(session, INSTALLATION)
    if value is None:
        value = uuid.uuid4().hex
        write_meta(session, INSTALLATION, value)
        session.info[_WROTE_IDENTITY] = True
    return value


def machine_name(session: Session) -> str:
    """Host name plus what names this installation for good (device code, installation id)."""
    signer = _signers.get(_engine(session))
    installation = signer.installation if signer else installation_id(session)
    # Read every time: enrollment may give the device another code while a store is open. Flushed first
    # because this Core read does not autoflush a code the same transaction has just set.
    session.flush()
    code = session.connection().scalar(_DEVICE_CODE) or "---"
    return f"{socket.gethostname()} (device {code}, installation {installation[:8]})"


def public_keys(session: Session) -> dict[str, Ed25519PublicKey]:
    raw = json.loads(read_meta(session, PUBLIC_KEYS) or "{}")
    return {kid: Ed25519PublicKey.from_public_bytes(bytes.fromhex(h)) for kid, h in raw.items()}


def _load_private(session: Session, installation: str) -> Ed25519PrivateKey:
    name = f"audit-signing-key-{installation}"
    if secrets_in_store(_engine(session)):
        if read_meta(session, UNPROTECTED_PRIVATE) is None:
            _key_from_before(session, name)
        return _private_in_store(session)
    try:
        raw = get_secret(name)
        if raw is None:
            key = Ed25519PrivateKey.generate()
            set_secret(name, key.private_bytes_raw().hex())
            return key
    except NoSecureKeyring:
        return _private_in_store(session)
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(raw))


def _key_from_before(session: Session, name: str) -> None:
    """A passphrase store whose key an earlier version kept in the keyring goes on signing with that key (the
    server knows its public half from the enrollment): copied into the store. The keyring's copy is left:
    the store's transaction may still roll back."""
    try:
        raw = get_secret(name)
    except NoSecureKeyring:
        return
    if raw:
        write_meta(session, UNPROTECTED_PRIVATE, raw)


def _private_in_store(session: Session) -> Ed25519PrivateKey:
    raw = read_meta(session, UNPROTECTED_PRIVATE)
    if raw is None:
        key = Ed25519PrivateKey.generate()
        write_meta(session, UNPROTECTED_PRIVATE, key.private_bytes_raw().hex())
        return key
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(raw))


def signing_key(session: Session) -> tuple[str, Ed25519PrivateKey]:
    """(key id, private key); its public key is recorded in the store's meta on first use."""
    signer = _signers.get(_engine(session))
    if signer is not None:
        return signer.kid, signer.private
    installation = installation_id(session)
    cached = _cache.get(installation)
    if cached is None:
        private = _load_private(session, installation)
        cached = (key_id(private.public_key()), private)
    kid, private = cached
    known = json.loads(read_meta(session, PUBLIC_KEYS) or "{}")
    if kid not in known:
        known[kid] = private.public_key().public_bytes_raw().hex()
        write_meta(session, PUBLIC_KEYS, json.dumps(known, sort_keys=True))
        session.info[_WROTE_IDENTITY] = True
    elif not session.info.get(_WROTE_IDENTITY):
        # Neither was written by this session, so both are committed, and neither ever changes.
        _signers[_engine(session)] = _Signer(installation, kid, private)
    _cache[installation] = cached
    return cached
