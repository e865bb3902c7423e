"""This device's identity with the server: its token in the OS keyring (never in a plain file), or, for a
store opened with a passphrase, inside the encrypted store (headless machines have no keyring; see
SECURITY.md); and the public half of the installation's AUDIT key, registered at enrollment.

Audit-chain heads are signed with the same key that signs every audit entry (security/audit_keys), not a key
of sync's own: the server can then attribute a reported head to this station and check it against the key id
the chain entries carry."""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..domain.actor import Actor
from ..security import audit_keys
from ..security.audit import record_action_in
from ..security.station_certificate import station_credential
from ..storage.repository import IncidentStore
from ..storage.secrets import (
    NoSecureKeyring,
    delete_secret,
    get_secret,
    require_secure_keyring,
    secrets_in_store,
    set_secret,
)
from . import state
from .client import SyncClient

HEADQUARTERS_KEYS = "sealing_keys"  # the privacy officers' public keys (sync/sealing_step.py reads them)
RECOVERY_KEY = "recovery_public_key"
ENROLLMENT_ACTOR = Actor("Enrollment with the sync server", "")
TOKEN_IN_STORE = "device_token"  # sync state key of a passphrase store's token


class NotEnrolled(RuntimeError):
    pass


def _token_name(store: IncidentStore) -> str:
    return f"sync-token-{state.installation_id(store)}"


def token(store: IncidentStore) -> str:
    value: str | None
    if secrets_in_store(store.engine):
        value = state.read(store, TOKEN_IN_STORE) or _token_from_before(store)
    else:
        value = get_secret(_token_name(store))
    if not value:
        raise NotEnrolled("This computer is not enrolled with a server yet: run `intake enroll URL --code CODE`.")
    return value


def _token_from_before(store: IncidentStore) -> str:
    """A passphrase store enrolled before its token moved into the store kept it in the keyring: moved on first
    use (into the store, then out of the keyring), so it goes on syncing."""
    try:
        value = get_secret(_token_name(store))
    except NoSecureKeyring:
        return ""
    if value:
        state.write(store, **{TOKEN_IN_STORE: value})
        delete_secret(_token_name(store))
    return value or ""


def audit_key(store: IncidentStore) -> Ed25519PrivateKey:
    """The installation's audit signing key (created on first use, like the audit trail does)."""
    with store.transaction() as session:
        return audit_keys.signing_key(session)[1]


@dataclass(frozen=True)
class Enrolled:
    device_id: int
    device_code: str
    replaced_code: str = ""  # the code this device had, when the server found another device holding it

    def message(self) -> str:
        """What the user is told about the device code (empty when it stays as it was)."""
        if not self.replaced_code:
            return ""
        return (f"Another computer of this district already makes report numbers with device code "
                f"{self.replaced_code}, so the server gave this computer the code {self.device_code}. New report "
                f"numbers use {self.device_code}; numbers already given out keep theirs.")


def enroll(store: IncidentStore, url: str, code: str, *, ca_bundle: str | None = None, **client_options: Any) -> Enrolled:
    in_store = secrets_in_store(store.engine)
    if not in_store:
        require_secure_keyring()  # before the one-time code is spent on a token there is nowhere to keep
    key = audit_key(store)
    mine = store.device_code()
    with SyncClient(url, ca_bundle=ca_bundle, **client_options) as client:
        answer = client.enroll(code, platform.node()[:200], key.public_key().public_bytes_raw().hex(), mine,
                               station_certificate=station_credential(store).fingerprint)
    if not in_store:
        set_secret(_token_name(store), answer.token)
    with store.transaction() as session:
        if in_store:
            state.put(session, TOKEN_IN_STORE, answer.token)
        for name, value in {state.SERVER_URL: client.base_url, state.CA_BUNDLE: ca_bundle or "",
                            state.DEVICE_ID: str(answer.device_id), state.CURSOR: "0",
                            state.DISTRICT: "" if answer.district is None else str(answer.district),
                            state.HEADQUARTERS: "1" if answer.headquarters else "",
                            # Sealed identity: whom this station seals civilians' identity to, and the
                            # recovery key its store's key is wrapped to (security/recovery.py).
                            HEADQUARTERS_KEYS: json.dumps(answer.sealing_keys),
                            RECOVERY_KEY: answer.recovery_key}.items():
            state.put(session, name, value)
        # The code the server gave replaces ours in the same transaction as the enrollment: no number is made
        # in between with a code another device of the district also uses.
        given = answer.device_code or mine
        replaced = store.replace_device_code_in(session, given) if given != mine else ""
        if replaced:
            record_action_in(session, None, "device code changed", ENROLLMENT_ACTOR,
                             f"{replaced} -> {given}: {replaced} was already used by another computer of the district")
    _protect_store(store)  # the store's key, wrapped to the recovery key the server published
    return Enrolled(answer.device_id, given, replaced)


def _protect_store(store: IncidentStore) -> bool:
    """For an opened store that remembers where it was opened from (storage/opening.py) and is enrolled
    with a server that published a recovery key: the store's key, wrapped to that key (security/recovery.py)."""
    from ..security import recovery
    from ..storage.database_key import read_store_info

    opened = store.feature_state("opened_from", lambda: None)
    if opened is None:
        return False
    data_dir, key = opened
    info = read_store_info(data_dir)
    public = state.read(store, RECOVERY_KEY)
    if info is None or not public:
        return False
    return recovery.protect(data_dir, key, info.installation_id, public)
