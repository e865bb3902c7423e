"""Run the store's Alembic migrations at start-up, on the already-keyed connection."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

if TYPE_CHECKING:
    from alembic.config import Config

# Beside this module, in the source tree and in the PyInstaller bundle (build.spec ships the scripts there).
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def fingerprint(conn: Connection) -> int:
    """31 bits of a SHA-256 over every revision script and the revisions the store is at: it changes when a
    revision is added or edited, and when the store is moved to other revisions (e.g. an Alembic downgrade)."""
    digest = hashlib.sha256()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    has_versions = conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").scalar()
    if has_versions:
        for (revision,) in conn.exec_driver_sql("SELECT version_num FROM alembic_version ORDER BY 1"):
            digest.update(b"\1" + revision.encode("utf-8"))
    return int.from_bytes(digest.digest()[:4], "big") & 0x7FFFFFFF or 1


def upgrade(engine: Engine) -> None:
    with engine.connect() as conn:
        # Start-up speed: a store already upgraded by these very scripts skips importing and running
        # Alembic (about 80 ms of a 0.4 s start). The fingerprint lives in SQLite's header (user_version).
        if conn.exec_driver_sql("PRAGMA user_version").scalar() == fingerprint(conn):
            conn.rollback()
            return
        from alembic import command

        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        # Feature branches each hang off the foundation revision, so upgrade every head.
        command.upgrade(cfg, "heads")
        conn.exec_driver_sql(f"PRAGMA user_version = {fingerprint(conn):d}")
        conn.commit()
