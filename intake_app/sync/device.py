"""This device's identity with the server: token and signing key in the OS keyring (never in a file)."""

from __future__ import annotations

import platform

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..security.secrets import get_secret, set_secret
from ..storage.repository import IncidentStore
from . import state
from .client import SyncClient


class NotEnrolled(RuntimeError):
    pass


def _names(store: IncidentStore) -> tuple[str, str]:
    installation = state.installation_id(store)
    return f"sync-token-{installation}", f"sync-signing-key-{installation}"


def token(store: IncidentStore) -> str:
    value = get_secret(_names(store)[0])
    if not value:
        raise NotEnrolled("This computer is not enrolled with a server yet: run `intake enroll URL --code CODE`.")
    return value


def signing_key(store: IncidentStore) -> Ed25519PrivateKey:
    name = _names(store)[1]
    raw = get_secret(name)
    if raw is None:
        key = Ed25519PrivateKey.generate()
        set_secret(name, key.private_bytes_raw().hex())
        return key
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(raw))


def enroll(store: IncidentStore, url: str, code: str, *, ca_bundle: str | None = None, **client_options) -> int:
    key = signing_key(store)
    with SyncClient(url, ca_bundle=ca_bundle, **client_options) as client:
        answer = client.enroll(code, platform.node()[:200], key.public_key().public_bytes_raw().hex())
    set_secret(_names(store)[0], answer.token)
    state.write(store, **{state.SERVER_URL: client.base_url, state.CA_BUNDLE: ca_bundle or "",
                          state.DEVICE_ID: str(answer.device_id), state.CURSOR: "0",
                          state.DISTRICT: "" if answer.district is None else str(answer.district),
                          state.HEADQUARTERS: "1" if answer.headquarters else ""})
    return answer.device_id
