"""How the change feed's numbers are handed out so that a reader never skips a change.

A reader that has taken seq 11 must never later find a seq 10 committed after it. Numbers come from one
PostgreSQL sequence, so they are drawn in one order but commit in another. Two ways to keep the reader right:

- Commit in the order drawn. Each writer takes one exclusive lock before it draws and holds it to its commit.
  Every push then writes its rows and commits one after another. That was measured at 200 devices: 20-43 ms
  a push under the lock, 4-8 s in all of a 6-10 s push. (The push was no shorter without it: the two cores
  were spent on other work; docs/SERVER.md.)
- Let numbers commit in any order, and let readers stop below any number that may still commit. This is
  what the change log does. Just before it draws, a writer takes a *marker*: a shared advisory lock whose key
  is the newest number drawn so far, held to its commit or rollback. Every number it draws afterwards is
  above its marker. A reader first reads the newest number drawn (`head`), then the lowest marker held
  (`lowest`), then the rows. It returns only rows numbered up to both. Every row up to `head` was drawn
  before `lowest` was read. If its writer was still open then, its marker was held, and the bound is below
  the row. Otherwise the writer had finished, and the rows are read after that. A later reader starts where
  this one stopped, so nothing below its cursor can still appear.
  Shared locks never wait for each other, so writers run in parallel up to their commit. Markers live only
  in PostgreSQL's lock table: nothing is stored, and a restored backup holds none.

Reading the markers reads the whole lock table: 0.27 ms with nothing held, 2.1 ms beside 20 open pushes holding
150 advisory locks each (crud.lock_items; measured on the 2-core test machine). A bound once read stays true
(rows up to it never change), so a reader that needs it less often could keep it a moment.

The reader's three statements must each take their own snapshot, in that order: READ COMMITTED, the default.
The sequence must hand out numbers in the order asked for, which it does with CACHE 1, the default.
The link decisions' feed, written a few rows a day, keeps the exclusive lock (`lock_link_feed`).
On SQLite, BEGIN IMMEDIATE serialises writers anyway, and these are no-ops.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from .db import on_postgresql

# Markers are the bigint form of an advisory lock, key MARKER_BASE + number. pg_locks shows such a key as
# classid (its high 32 bits) and objid (its low 32 bits), objsubid 1. The base keeps them apart from the
# server's other advisory locks, which are small constants or the two-int form (objsubid 2).
MARKER_BASE = 1 << 62
LINK_FEED_LOCK = 0x1A7A_C4A6  # any constant; the one exclusive lock that orders the link decisions' feed

_HEAD = "coalesce(pg_sequence_last_value(pg_get_serial_sequence('changes', 'seq')::regclass), 0)"
_MARK = text(f"SELECT pg_advisory_xact_lock_shared(:base + {_HEAD})")
_READ_HEAD = text(f"SELECT {_HEAD}")
_LOWEST_MARKER = text(
    "SELECT min(((classid::int8 << 32) | objid::int8) - :base) FROM pg_locks "
    "WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND classid::int8 >= :base_high "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")


def mark_change_log(session: Session) -> None:
    """Taken just before a transaction draws change-log numbers, held to its end: readers stop below them
    until it commits or rolls back. Taking it again in the same transaction is harmless."""
    if on_postgresql(session):
        session.execute(_MARK, {"base": MARKER_BASE})


def change_log_bound(session: Session) -> int | None:
    """The highest number a reader may return now: below it, every change has committed or never will.
    None: no bound (SQLite)."""
    if not on_postgresql(session):
        return None
    head: int = session.execute(_READ_HEAD).scalar_one()  # first: see the module's text
    lowest: int | None = session.execute(_LOWEST_MARKER, {"base": MARKER_BASE,
                                                           "base_high": MARKER_BASE >> 32}).scalar_one()
    return head if lowest is None else min(head, lowest)


def lock_link_feed(session: Session) -> None:
    """Held from the drawing of a link decision's number to the commit: those numbers commit in the order drawn."""
    if on_postgresql(session):
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LINK_FEED_LOCK})
