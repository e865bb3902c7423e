"""Backup and restore of the encrypted store.

A backup is a consistent copy made with SQLite's online backup API (through sqlcipher3) while the app may
be running: it copies one snapshot of the database (a read transaction), so a save going on meanwhile is
either wholly in it or not at all. The copy is encrypted with the store's own key, page by page, and never
exists in clear: it is written to a temporary file beside the target and renamed once complete.

A restore checks the backup before it replaces anything: it must open with this store's key, pass SQLite's
integrity check, and its audit chain, signatures and every record's hash must verify (`intake verify`'s
checks), on a copy in a temporary folder. The store it replaces is kept beside it, renamed, not deleted.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..storage import cipher
from ..storage.errors import StoreOpenError
from ..storage.opening import open_store
from ..storage.repository import IncidentStore
from .audit_verify import verify


class BackupError(RuntimeError):
    """The backup or restore cannot be done as asked; nothing was replaced. The message says why."""


def backup_to(store: IncidentStore, out: Path) -> int:
    """Writes a consistent encrypted copy of the opened store to `out` (which must not exist yet).
    Returns the number of bytes written."""
    opened = store.feature_state("opened_from", lambda: None)
    if opened is None:
        raise BackupError("This store was not opened from a folder: there is nothing to back up.")
    _data_dir, key = opened
    out = Path(out)
    if out.exists():
        raise BackupError(f"{out} exists already; choose a new file name (a backup never overwrites a file).")
    if not out.parent.is_dir():
        raise BackupError(f"The folder {out.parent} does not exist.")
    fd, tmp_name = tempfile.mkstemp(prefix=out.name + ".", suffix=".partial", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # SQLCipher creates the file itself, keyed
    try:
        target = cipher.connect(tmp, key)
        try:
            with store.engine.connect() as conn:
                source = conn.connection.dbapi_connection
                assert source is not None, "a connection checked out of the pool has its DB-API connection"
                source.backup(target)  # one step: the whole snapshot under one read transaction
                conn.rollback()
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out.stat().st_size


@dataclass
class RestoreCheck:
    incidents: int
    entries: int


def check_backup(backup: Path, key: bytes, data_dir: Path) -> RestoreCheck:
    """Opens a copy of the backup in a temporary folder with this store's key and verifies it whole."""
    backup = Path(backup)
    if not backup.is_file():
        raise BackupError(f"{backup} is not a file.")
    try:
        probe = cipher.connect(backup, key)
    except Exception as exc:  # the driver's DatabaseError
        raise BackupError(f"{backup} does not open with this store's key: it is not a backup of this store, "
                          "or it is damaged. Nothing was replaced.") from exc
    try:
        result = probe.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        probe.close()
    if result != "ok":
        raise BackupError(f"{backup} is damaged (SQLite integrity check: {result}). Nothing was replaced.")
    with tempfile.TemporaryDirectory(prefix="intake-restore-") as scratch:
        shutil.copyfile(backup, Path(scratch) / cipher.DB_FILE)
        for name in ("statutes.json",):  # the administrator's catalogue, if any
            if (data_dir / name).exists():
                shutil.copyfile(data_dir / name, Path(scratch) / name)
        try:
            store = open_store(Path(scratch), key=key)
        except StoreOpenError as exc:
            raise BackupError(f"{backup} cannot be opened as a store: {exc}") from exc
        try:
            report = verify(store)
        finally:
            store.engine.dispose()
    if not report.ok:
        raise BackupError(f"{backup} does not verify: {report.problems[0]} Nothing was replaced.")
    return RestoreCheck(report.incidents, report.entries)


def restore_from(backup: Path, key: bytes, data_dir: Path) -> tuple[RestoreCheck, Path | None]:
    """Checks the backup, then puts it in place of the store in `data_dir` (closed: the app must not be
    running). The store replaced is kept as intake.db.before-restore-<time>. Returns the check and that path."""
    check = check_backup(backup, key, data_dir)
    db_path = data_dir / cipher.DB_FILE
    kept: Path | None = None
    incoming = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup, incoming)
    if db_path.exists():
        _checkpoint(db_path, key)
        kept = db_path.with_name(f"{db_path.name}.before-restore-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
        os.replace(db_path, kept)
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    os.replace(incoming, db_path)
    return check, kept


def _checkpoint(db_path: Path, key: bytes) -> None:
    """Folds the write-ahead log into the store being replaced, so the copy kept is whole on its own."""
    try:
        conn = cipher.connect(db_path, key)
    except Exception:
        return  # not openable with this key: kept as it is
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
