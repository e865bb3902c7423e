"""This device's identity with the server: its token in the OS keyring (never in a file), and the public half
of the installation's AUDIT key, registered at enrollment.

Audit-chain heads are signed with the same key that signs every audit entry (security/audit_keys), not a key
of sync's own: the server can then attribute a reported head to this station and check it against the key id
the chain entries carry."""

from __future__ import annotations

import platform

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..security import audit_keys
from ..security.secrets import get_secret, set_secret
from ..storage.repository import IncidentStore
from . import state
from .client import SyncClient


class NotEnrolled(RuntimeError):
    pass


def _token_name(store: IncidentStore) -> str:
    return f"sync-token-{state.installation_id(store)}"


def token(store: IncidentStore) -> str:
    value = get_secret(_token_name(store))
    if not value:
        raise NotEnrolled("This computer is not enrolled with a server yet: run `intake enroll URL --code CODE`.")
    return value


def audit_key(store: IncidentStore) -> Ed25519PrivateKey:
    """The installation's audit signing key (created on first use, like the audit trail does)."""
    with store.transaction() as session:
        return audit_keys.signing_key(session)[1]


def enroll(store: IncidentStore, url: str, code: str, *, ca_bundle: str | None = None, **client_options) -> int:
    key = audit_key(store)
    with SyncClient(url, ca_bundle=ca_bundle, **client_options) as client:
        answer = client.enroll(code, platform.node()[:200], key.public_key().public_bytes_raw().hex())
    set_secret(_token_name(store), answer.token)
    state.write(store, **{state.SERVER_URL: client.base_url, state.CA_BUNDLE: ca_bundle or "",
                          state.DEVICE_ID: str(answer.device_id), state.CURSOR: "0",
                          state.DISTRICT: "" if answer.district is None else str(answer.district),
                          state.HEADQUARTERS: "1" if answer.headquarters else ""})
    return answer.device_id
