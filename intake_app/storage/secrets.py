"""The OS keyring, used only when it is a real, secure one.

With no desktop session keyring falls back to `fail.Keyring`; with keyrings.alt installed it may
silently pick a plaintext file. Both count as "no secure keyring" here.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend
    from sqlalchemy.engine import Engine

SERVICE = "intake"
# Stores whose own secrets (the sync device token, the audit signing key) live inside the store itself:
# those opened with a passphrase (storage/database_key.py). Their key never touches the keyring, and a
# headless machine has none; the store is encrypted, so the secrets are as safe as the records.
_KEPT_IN_STORE: weakref.WeakSet[Engine] = weakref.WeakSet()


def keep_secrets_in_store(engine: Engine) -> None:
    _KEPT_IN_STORE.add(engine)


def secrets_in_store(engine: Engine) -> bool:
    """True for a passphrase store: its device token and audit key are in the store, not the keyring."""
    return engine in _KEPT_IN_STORE
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class NoSecureKeyring(RuntimeError):
    pass


def secure_backend() -> KeyringBackend | None:
    # Imported here: looking its backends up is a noticeable share of a start (start-up speed), and a store opened
    # with a passphrase never asks the keyring.
    import keyring

    backend = keyring.get_keyring()
    chained = getattr(backend, "backends", None)
    candidates = list(chained) if chained else [backend]
    for b in candidates:
        module = type(b).__module__
        if module.startswith(_INSECURE_MODULES) or "plaintext" in type(b).__name__.lower():
            continue
        try:
            priority = b.priority
        except Exception:  # a backend may raise when it is not usable here
            continue
        if priority >= 1:
            return b
    return None


def require_secure_keyring() -> None:
    """NoSecureKeyring now, before anything is done that would need the keyring afterwards."""
    _require()


def _require() -> KeyringBackend:
    backend = secure_backend()
    if backend is None:
        raise NoSecureKeyring(
            "No secure keyring is available on this computer (no desktop keyring service is running). "
            "Nothing was stored. Either sign in to a desktop session with a keyring, or use a passphrase: "
            "set INTAKE_PASSPHRASE or pass --passphrase (see README, 'Headless machines')."
        )
    return backend


def get_secret(name: str) -> str | None:
    return _require().get_password(SERVICE, name)


def set_secret(name: str, value: str) -> None:
    _require().set_password(SERVICE, name, value)


def delete_secret(name: str) -> None:
    backend = _require()
    if backend.get_password(SERVICE, name) is not None:
        backend.delete_password(SERVICE, name)
