"""The store's key-value rows (table `meta`): the one way to read and write them, in the caller's session."""

from __future__ import annotations

from sqlalchemy.orm import Session

from .tables import MetaRow


def read_meta(session: Session, key: str) -> str | None:
    row = session.get(MetaRow, key)
    return row.value if row else None


def write_meta(session: Session, key: str, value: str) -> None:
    row = session.get(MetaRow, key)
    if row:
        row.value = value
    else:
        session.add(MetaRow(key=key, value=value))
