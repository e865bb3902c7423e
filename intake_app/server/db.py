"""Engine and sessions. One engine per process; the processes themselves keep no state."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Table, any_, bindparam, create_engine, event, insert
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import QueryableAttribute, Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from .settings import ServerSettings


def make_engine(settings: ServerSettings) -> Engine:
    url = settings.resolved_url()
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:  # the sqlite3 driver's connection
            dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
            dbapi_conn.execute("PRAGMA journal_mode=WAL")
            dbapi_conn.execute("PRAGMA foreign_keys=ON")

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # Writers queue at BEGIN instead of failing half-way; SQLite serialises the change log by itself.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    # connect_timeout: a database that does not answer is reported (/health/ready: 503), not waited on forever.
    return create_engine(url, pool_pre_ping=True, pool_size=settings.db_pool_size, max_overflow=settings.db_max_overflow,
                         connect_args={"connect_timeout": 10})


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def insert_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT of many rows (a pushed batch: up to 1,000 per table) in the session's transaction. On PostgreSQL
    straight on psycopg's cursor (its executemany pipelines the rows): SQLAlchemy's own per-row work on such
    an executemany cost about as much as the database's. Every row has the first row's keys."""
    if not rows:
        return
    conn = session.connection()
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    columns = list(rows[0])
    for name in columns:
        table.c[name]  # noqa: B018  (a KeyError here, not SQL built from an unknown name)
    sql = f'INSERT INTO {table.name} ({", ".join(columns)}) VALUES ({", ".join(["%s"] * len(columns))})'
    with conn.connection.cursor() as cursor:  # type: ignore[attr-defined]  # psycopg's cursor is a context manager
        cursor.executemany(sql, [tuple(row[c] for c in columns) for row in rows])


def among(session: Session, column: ColumnElement[Any] | QueryableAttribute[Any], values: Collection[Any]
          ) -> ColumnElement[bool]:
    """`column IN (values)` for a batch's keys (up to 1,000). On PostgreSQL one array parameter (`= ANY`): the
    statement's text is the same for every batch, where 1,000 placeholders were compiled and planned anew."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(list(values))
