"""Sealing a civilian's identity for sync: the fields in domain.sealed_fields.SEALED_FIELDS are taken out
of the record and encrypted with a fresh data key per record version (AES-256-GCM, bound to the record's
id and version), and that key is wrapped to each recipient's X25519 public key (an ephemeral X25519 key
agreement, HKDF-SHA256, AES-256-GCM). All primitives come from `cryptography`; nothing is home-made.

Recipients are the station's active reviewers (and the supervisor who entered the record) and the
headquarters privacy officers whose public keys the server published at enrollment. The server stores and
forwards the envelope; it holds no private key and so never sees the clear text.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Iterable, Mapping

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..domain.sealed_fields import (
    ALGORITHM,
    ENVELOPE_FORMAT,
    ENVELOPE_KEY,
    MAX_RECIPIENTS,
    SEALED_FIELDS,
    clear_values,
    concrete_paths,
    envelope_problems,
)

_WRAP_INFO = b"intake-sealed-wrap/1"


class CannotOpen(Exception):
    """None of the given keys is a recipient of this envelope, or the envelope was altered."""


def key_id(public: X25519PublicKey | bytes) -> str:
    raw = public if isinstance(public, bytes) else public.public_bytes_raw()
    return hashlib.sha256(raw).hexdigest()[:16]


def public_hex(private: X25519PrivateKey) -> str:
    return private.public_key().public_bytes_raw().hex()


def parse_public(hex_key: str) -> X25519PublicKey:
    raw = bytes.fromhex(hex_key.strip())
    if len(raw) != 32:
        raise ValueError("an X25519 public key is 32 bytes (64 hex digits)")
    return X25519PublicKey.from_public_bytes(raw)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _aad(incident_id: str) -> bytes:
    # Bound to the incident (an envelope cannot be moved to another record), not to its version: a device
    # that cannot open an envelope carries it unchanged to the versions it makes (the identity did not change).
    return f"{ENVELOPE_FORMAT}|{incident_id}".encode()


def _kek(shared: bytes, epk: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=_WRAP_INFO + epk + recipient).derive(shared)


class Readers:
    """The readers of one sealing run (one push): one ephemeral X25519 key for the run and, per reader, the
    key-encryption key agreed with it (X25519, HKDF-SHA256 over both public keys). Each record's own fresh
    data key is then wrapped with AES-256-GCM under each reader's key-encryption key (random nonce, bound to
    the incident), so sealing a record costs symmetric operations only. The ephemeral private key lives in
    memory for the run alone. Measured: 1,000 records to 5 readers, 2.3 s with a key agreement per record
    and reader, 0.5 s with one per run (JSON parsing and writing included)."""

    def __init__(self, keys: Iterable[X25519PublicKey]):
        self.keys = _unique(keys)
        ephemeral = X25519PrivateKey.generate()
        epk = ephemeral.public_key().public_bytes_raw()
        self._keks = [(key_id(r), epk.hex(), AESGCM(_kek(ephemeral.exchange(r), epk, r.public_bytes_raw())))
                      for r in self.keys]

    def __bool__(self) -> bool:
        return bool(self._keks)

    def wrap(self, data_key: bytes, aad: bytes) -> list[dict]:
        out = []
        for kid, epk, kek in self._keks:
            nonce = os.urandom(12)
            out.append({"kid": kid, "epk": epk, "nonce": _b64(nonce), "wrapped": _b64(kek.encrypt(nonce, data_key, aad))})
        return out


def _unwrap(envelope: dict, private: X25519PrivateKey, aad: bytes) -> bytes | None:
    mine = private.public_key().public_bytes_raw()
    kid = key_id(mine)
    for r in envelope["recipients"]:
        if r["kid"] != kid:
            continue
        epk = bytes.fromhex(r["epk"])
        kek = _kek(private.exchange(X25519PublicKey.from_public_bytes(epk)), epk, mine)
        try:
            return AESGCM(kek).decrypt(base64.b64decode(r["nonce"]), base64.b64decode(r["wrapped"]), aad)
        except InvalidTag:
            return None
    return None


def _unique(recipients: Iterable[X25519PublicKey]) -> list[X25519PublicKey]:
    seen: dict[str, X25519PublicKey] = {}
    for r in recipients:
        seen.setdefault(key_id(r), r)
    return list(seen.values())


def seal_record(record: dict, recipients: Readers | Iterable[X25519PublicKey]) -> dict:
    """A copy of the interchange dict with every sealed field emptied and their values in the envelope.
    A record with nothing to seal is returned without an envelope."""
    values = clear_values(record)
    out = json.loads(json.dumps(record))
    out.pop(ENVELOPE_KEY, None)
    if not values:
        return out
    readers = recipients if isinstance(recipients, Readers) else Readers(recipients)
    if not readers:
        raise CannotOpen("Nobody could read the sealed identity: there is no reviewer or privacy officer key. "
                         "A reviewer must sign in once on this station first.")
    fill(out, dict.fromkeys(values, ""))
    aad = _aad(record["id"])
    data_key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    plaintext = json.dumps(values, ensure_ascii=False, sort_keys=True).encode("utf-8")
    out[ENVELOPE_KEY] = {
        "format": ENVELOPE_FORMAT, "alg": ALGORITHM, "fields": sorted(values),
        "nonce": _b64(nonce), "ciphertext": _b64(AESGCM(data_key).encrypt(nonce, plaintext, aad)),
        "recipients": readers.wrap(data_key, aad),
    }
    return out


def fill(record: dict, values: Mapping[str, str]) -> dict:
    """`record`, changed in place and returned, with each sealed field `values` names (by concrete path) set
    to its value: sealing empties them, opening puts the sealed values back, a reader without a key reads
    "sealed" and a screen shows a mask until the party is opened (`reading`). One walk of SEALED_FIELDS."""
    if values:
        for pattern in SEALED_FIELDS:
            for concrete, holder, key in concrete_paths(record, pattern):
                if concrete in values:
                    holder[key] = values[concrete]
    return record


def reading(record: dict, envelope: Mapping[str, list[str]], text: str) -> dict:
    """`record`, changed in place and returned, with every field `envelope` sealed reading `text`. The envelope
    is one a record holds, so its shape was checked when the record was read (interchange.from_dict)."""
    return fill(record, dict.fromkeys(envelope.get("fields") or (), text))


def _checked(envelope: dict) -> None:
    if envelope_problems(envelope):
        raise CannotOpen("The sealed envelope is not well formed.")


def open_values(record: dict, envelope: dict, private_keys: Iterable[X25519PrivateKey]) -> dict[str, str]:
    """The sealed fields' values, by concrete path, with the first key that opens the envelope."""
    _checked(envelope)
    aad = _aad(record["id"])
    for private in private_keys:
        data_key = _unwrap(envelope, private, aad)
        if data_key is None:
            continue
        try:
            plain = AESGCM(data_key).decrypt(base64.b64decode(envelope["nonce"]),
                                             base64.b64decode(envelope["ciphertext"]), aad)
        except InvalidTag as exc:
            raise CannotOpen("The sealed envelope was altered.") from exc
        values = json.loads(plain)
        if not isinstance(values, dict) or not all(isinstance(v, str) for v in values.values()):
            raise CannotOpen("The sealed envelope holds no field values.")
        return values
    raise CannotOpen("None of these keys opens the sealed identity.")


def opened_record(record: dict, envelope: dict, private_keys: Iterable[X25519PrivateKey]) -> dict:
    """The interchange dict with its sealed fields filled in again (without the envelope)."""
    values = open_values(record, envelope, private_keys)
    out = json.loads(json.dumps(record))
    out.pop(ENVELOPE_KEY, None)
    return fill(out, {path: value for path, value in values.items() if path in envelope["fields"]})


def add_recipients(incident_id: str, envelope: dict, opener: X25519PrivateKey,
                   new: Iterable[X25519PublicKey]) -> dict:
    """Re-wrap: the same envelope (content and every existing wrap untouched), its data key also wrapped to
    each key of `new` not yet a recipient, in their order, up to MAX_RECIPIENTS in all. The opener must be a
    recipient (CannotOpen otherwise); the data key is checked against the ciphertext before it is given on."""
    _checked(envelope)
    aad = _aad(incident_id)
    data_key = _unwrap(envelope, opener, aad)
    if data_key is None:
        raise CannotOpen("This key is not a recipient of the envelope.")
    try:  # a wrap that opens but does not open the content: nothing is re-wrapped from it
        AESGCM(data_key).decrypt(base64.b64decode(envelope["nonce"]), base64.b64decode(envelope["ciphertext"]), aad)
    except InvalidTag as exc:
        raise CannotOpen("The sealed envelope was altered.") from exc
    have = recipient_ids(envelope)
    room = MAX_RECIPIENTS - len(envelope["recipients"])
    added = [r for r in _unique(new) if key_id(r) not in have][:max(0, room)]
    if not added:
        return envelope
    return {**envelope, "recipients": [*envelope["recipients"], *Readers(added).wrap(data_key, aad)]}


def recipient_ids(envelope: dict) -> set[str]:
    return {r["kid"] for r in envelope.get("recipients", []) if isinstance(r, dict)}
