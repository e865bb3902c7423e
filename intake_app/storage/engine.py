"""Engines for the encrypted local store. Built from a path and a key, never at import time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from . import cipher


def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:  # sqlcipher3's, untyped
    cipher.set_pragmas(dbapi_connection)


def encrypted_engine(db_path: Path, key: bytes) -> Engine:
    """SQLCipher 4 with a raw 32-byte key, connections made by cipher.connect."""
    from sqlcipher3 import dbapi2 as sqlcipher

    # The plain pysqlite dialect over the sqlcipher3 module: we key the connection ourselves
    # (the pysqlcipher dialect would put the key in the URL). Pooled, so the page cache survives.
    engine = create_engine("sqlite://", module=sqlcipher, creator=lambda: cipher.connect(db_path, key),
                           poolclass=QueuePool, pool_size=4, max_overflow=4)
    event.listen(engine, "connect", _on_connect)
    _sqlite_transactions(engine)
    return engine


def _sqlite_transactions(engine: Engine) -> None:
    """Let SQLAlchemy own BEGIN (the pysqlite driver's implicit transactions break SAVEPOINT and DDL)."""

    @event.listens_for(engine, "connect")
    def _no_driver_tx(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:  # sqlcipher3's, untyped
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
