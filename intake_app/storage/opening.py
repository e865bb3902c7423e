"""Open the local store: find the key, build the encrypted engine, migrate, hook in the features."""

from __future__ import annotations

import importlib
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from ..domain.catalogue import Catalogue, load_catalogue
from ..domain.geography import BEATS_FILE, use_beat_map_of
from ..domain.problems import ValidationError
from ..paths import MissingResource
from .cipher import DB_FILE
from .database_key import DatabaseKeyError, StoreInfo, database_key, read_store_info
from .engine import encrypted_engine
from .errors import StoreOpenError
from .migrate import upgrade
from .repository import IncidentStore
from .secrets import keep_secrets_in_store

# Features that must see every change in the same transaction (audit trail, sync outbox...):
# each module has `install(store)`, called on every opened store. Add a line for a new feature.
EXTENSION_MODULES: list[str] = [
    "intake_app.storage.links.extension",
    "intake_app.sync.outbox",
    "intake_app.sync.link_decisions_sync",
    "intake_app.security.authorization",
    "intake_app.security.audit",
]


def open_store(data_dir: Path, *, passphrase: str | None = None, key: bytes | None = None) -> IncidentStore:
    """`key`: the store's key when the caller already has it (first_look derived it), else found here."""
    # The station's own files first: one that cannot be used stops the opening before the store is touched.
    catalogue = _catalogue(data_dir)
    _use_beat_map_of(data_dir)
    info: StoreInfo | None
    if key is None:
        try:
            key, info = database_key(data_dir, passphrase)
        except DatabaseKeyError as exc:
            raise StoreOpenError(str(exc), exc.reason) from exc
    else:
        info = read_store_info(data_dir)
    engine = encrypted_engine(data_dir / DB_FILE, key)
    if info is not None and info.key_mode == "passphrase":
        keep_secrets_in_store(engine)  # the device token and audit key too (no keyring needed, SECURITY.md)
    try:
        upgrade(engine)
    except DatabaseError as exc:
        engine.dispose()
        raise StoreOpenError(
            f"Cannot open the store in {data_dir}: wrong key or passphrase, or the file is damaged. Nothing was changed.",
            StoreOpenError.WRONG_KEY,
        ) from exc
    store = IncidentStore(engine, catalogue=catalogue)
    # Where it was opened from and with what key: what security/recovery.py wraps to the recovery key.
    store.feature_state("opened_from", lambda: (Path(data_dir), key))
    install_extensions(store)
    return store


def _catalogue(data_dir: Path) -> Catalogue:
    """The statute catalogue records are checked against: an administrator's statutes.json in the data folder,
    else the shipped one. A file that cannot be used stops the opening with what is wrong in it, and where:
    falling back to the shipped catalogue would check every record against statutes the station did not choose."""
    try:
        return load_catalogue(data_dir)
    except MissingResource:
        raise  # the shipped one is missing: a broken installation, said as such
    except (ValidationError, OSError) as exc:
        problems = [str(p) for p in exc.problems] if isinstance(exc, ValidationError) else [str(exc)]
        listed = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise StoreOpenError(
            f"The statute catalogue {data_dir / 'statutes.json'} cannot be used: {listed}. Correct it, or remove it "
            "to use the catalogue shipped with Intake. Nothing was changed.", StoreOpenError.BAD_STATION_FILE) from exc


def _use_beat_map_of(data_dir: Path) -> None:
    """An administrator's replacement beats, if any (like statutes.json); one that cannot be used stops the
    opening, naming the file and what is wrong in it."""
    try:
        use_beat_map_of(data_dir)
    except (ValueError, OSError) as exc:
        raise StoreOpenError(
            f"The beat map {data_dir / BEATS_FILE} cannot be used: {exc}. Correct it, or remove it to use the beats "
            "shipped with Intake. Nothing was changed.", StoreOpenError.BAD_STATION_FILE) from exc


def install_extensions(store: IncidentStore) -> None:
    for name in EXTENSION_MODULES:
        importlib.import_module(name).install(store)
