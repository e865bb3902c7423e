"""A connection to the encrypted store with the SQLCipher driver alone (no SQLAlchemy): the engine's
connections are made here, and so is the start-up's first look (first_look.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

DB_FILE = "intake.db"

PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    # FULL: a saved record survives a power cut, which NORMAL does not promise in WAL mode.
    "PRAGMA synchronous=FULL",
    "PRAGMA busy_timeout=10000",
    # 16 MiB of (decrypted) pages per connection, not SQLite's 2 MiB: a pulled page of 1,000 records writes
    # about 8 MB of pages in one transaction. Measured on the sync benchmark's pull of 10,000 records:
    # 3.45 s -> 3.1 s.
    "PRAGMA cache_size=-16384",
)


def set_pragmas(dbapi_connection: Any) -> None:
    """`dbapi_connection`: the driver's own connection (sqlcipher3 ships no type information)."""
    cur = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cur.execute(pragma)
    cur.close()


def connect(db_path: Path, key: bytes) -> Any:  # sqlcipher3's connection: the sqlite3 API, untyped
    """SQLCipher 4 with a raw 32-byte key (x'..' form skips the passphrase KDF: the key is already random).
    Raises the driver's DatabaseError ("file is not a database") when the key is wrong."""
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(db_path), check_same_thread=False, isolation_level=None)
    # A wrong key is reported to the user by us; SQLCipher's own stderr lines would only confuse.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn
