"""What the main window shows first, read before the store is open in full (start-up speed).

Opening the store in full imports SQLAlchemy and every feature's tables: several times the time a bare Qt window
takes to appear. The window needs only the station's settings, whether anybody can sign in, and the newest page
of incidents. Those are read here with the SQLCipher driver alone and the store's own key, and only from a store
that these very migration scripts brought up to date (the fingerprint in its header). For anything else (a new
store, no key or a wrong one, a store to migrate, any database error) the look is None and the app opens the
store in full first, so every problem is met exactly as before.

The page is read with the store's own list query (queries.SUMMARY_COLUMNS, NEWEST_FIRST, RETURNED_SQL), so
it is the one `IncidentStore.list()` gives for the default filter; tests/storage/test_first_look.py holds the
two side by side. The app's start (ui/shell/startup.py) takes this look on its opening thread.
"""

from __future__ import annotations

import json
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..domain.settings import StationSettings
from . import cipher
from .migrate import is_up_to_date
from .queries import NEWEST_FIRST, RETURNED_SQL, SUMMARY_COLUMNS, IncidentFilter, IncidentSummary, summary_of

PAGE_SIZE = IncidentFilter().limit
# The page comes as one row of JSON, not 200 rows: the driver lets go of the interpreter lock for every row and
# must take it back, which waits for the main thread's 5 ms switch interval while that thread runs Python
# (measured beside a thread that never paused: 2.6 s for 200 rows, 20 ms for one row; 4 ms alone either way).
_NEWEST = "ORDER BY " + ", ".join(f"{name} DESC" for name in NEWEST_FIRST)
_PAGE = (f"SELECT json_group_array(json_array({', '.join(SUMMARY_COLUMNS)}, {RETURNED_SQL}) {_NEWEST})"
         f" FROM (SELECT * FROM incidents {_NEWEST} LIMIT ?)")
_SETTINGS = "SELECT value FROM meta WHERE key = 'station_settings'"
_HAS_USERS = "SELECT EXISTS (SELECT 1 FROM users)"


@dataclass(frozen=True)
class FirstLook:
    key: bytes  # handed on to the full opening, so the passphrase is derived once
    settings: StationSettings
    has_users: bool
    # Read just after the rest, while the app builds its window from the settings: its rows are shown before the
    # window is. If reading it fails, the window asks the store for its list instead (the full opening reports
    # what is wrong).
    page: Future[list[IncidentSummary]]


def first_look(data_dir: Path, key: bytes | None, looked: Future[FirstLook | None]) -> None:
    """Sets `looked` to the look as soon as the settings are read (None when there is none to take), then
    reads the newest page into its `page`. `key`: the store's, from startup.existing_store_key
    (None: no store, or no key to be had)."""
    if key is None:
        looked.set_result(None)
        return
    try:
        conn = cipher.connect(data_dir / cipher.DB_FILE, key)
    except Exception:  # noqa: BLE001 - a wrong key or a damaged file: the full opening says which, to the user
        looked.set_result(None)
        return
    try:
        def rows(sql: str, *params: object) -> list[tuple[Any, ...]]:
            found: list[tuple[Any, ...]] = conn.execute(sql, params).fetchall()
            return found

        look = None
        try:
            if is_up_to_date(rows):
                stored = rows(_SETTINGS)
                settings = StationSettings.from_dict(json.loads(stored[0][0])) if stored else StationSettings()
                look = FirstLook(key, settings, bool(rows(_HAS_USERS)[0][0]), Future())
        except Exception:  # noqa: BLE001 - whatever the full opening would meet, it meets it and reports it
            look = None
        looked.set_result(look)
        if look is not None:
            try:
                look.page.set_result([summary_of(r, _utc) for r in json.loads(rows(_PAGE, PAGE_SIZE)[0][0])])
            except BaseException as exc:  # noqa: BLE001 - the window lists through the store instead
                look.page.set_exception(exc)  # never left unset: the window waits for it
                if not isinstance(exc, Exception):
                    raise
    finally:
        conn.close()


def _utc(stored: str | None) -> datetime | None:
    """SQLAlchemy's DateTime keeps naive UTC as 'YYYY-MM-DD HH:MM:SS.ffffff' text in SQLite."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC) if stored is not None else None
