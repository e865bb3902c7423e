"""The store's key-value rows: the one way to read and write them, in the caller's session. The table `meta`
(read_meta, write_meta) holds the store's own settings; sync keeps its state the same way in `sync_state`
(sync/state.py, through read_value and write_value)."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from .outbox_tables import SyncStateRow
from .tables import MetaRow

# A key-value table: `meta` or `sync_state`.
KeyValueRow = TypeVar("KeyValueRow", MetaRow, SyncStateRow)


def read_value(session: Session, table: type[KeyValueRow], key: str) -> str | None:
    row = session.get(table, key)
    return row.value if row else None


def write_value(session: Session, table: type[KeyValueRow], key: str, value: str) -> None:
    row = session.get(table, key)
    if row:
        row.value = value
    else:
        session.add(table(key=key, value=value))


def read_meta(session: Session, key: str) -> str | None:
    return read_value(session, MetaRow, key)


def write_meta(session: Session, key: str, value: str) -> None:
    write_value(session, MetaRow, key, value)
