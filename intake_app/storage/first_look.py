"""What the main window shows first, read before the store is open in full (issue 8: start-up speed).

Opening the store in full imports SQLAlchemy and every feature's tables: several times the time a bare Qt window
takes to appear. The window needs only the station's settings, whether anybody can sign in, and the newest page
of incidents. Those are read here with the SQLCipher driver alone and the store's own key, and only from a store
that these very migration scripts brought up to date (the fingerprint in its header). For anything else (a new
store, no key or a wrong one, a store to migrate, any database error) `first_look` gives None and the app opens
the store in full first, so every problem is met exactly as before.

The page must be exactly the one `IncidentStore.list()` gives for the default filter; tests/storage/
test_first_look.py holds the two side by side.
"""

from __future__ import annotations

import json
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain.enums import Status
from ..domain.settings import StationSettings
from ..security.database_key import DatabaseKeyError, database_key
from . import cipher
from .migrate import is_up_to_date
from .queries import IncidentFilter, IncidentSummary

PAGE_SIZE = IncidentFilter().limit
_PAGE = ("SELECT id, report_number, status, district, beat, occurred_at, address, agent_count, updated_at, version,"
         " is_demo FROM incidents ORDER BY occurred_at DESC, id DESC LIMIT ?")
_SETTINGS = "SELECT value FROM meta WHERE key = 'station_settings'"
_HAS_USERS = "SELECT EXISTS (SELECT 1 FROM users)"


@dataclass(frozen=True)
class FirstLook:
    key: bytes  # handed on to the full opening, so the passphrase is derived once
    settings: StationSettings
    has_users: bool
    page: list[IncidentSummary]


def first_look(data_dir: Path, passphrase: str | None = None) -> FirstLook | None:
    if not (data_dir / cipher.DB_FILE).exists():
        return None
    try:
        key, _info = database_key(data_dir, passphrase)
    except DatabaseKeyError:
        return None
    try:
        conn = cipher.connect(data_dir / cipher.DB_FILE, key)
    except Exception:  # noqa: BLE001 - a wrong key or a damaged file: the full opening says which, to the user
        return None
    try:
        def rows(sql: str, *params) -> list[tuple]:
            return conn.execute(sql, params).fetchall()

        if not is_up_to_date(rows):
            return None
        stored = rows(_SETTINGS)
        settings = StationSettings.from_dict(json.loads(stored[0][0])) if stored else StationSettings()
        return FirstLook(key, settings, bool(rows(_HAS_USERS)[0][0]), [_summary(r) for r in rows(_PAGE, PAGE_SIZE)])
    except Exception:  # noqa: BLE001 - whatever the full opening would meet, it meets it and reports it
        return None
    finally:
        conn.close()


def _summary(r: tuple) -> IncidentSummary:
    return IncidentSummary(r[0], r[1] or "", Status(r[2]), r[3], r[4], _utc(r[5]), r[6], r[7], _utc(r[8]), r[9],
                           bool(r[10]))


def _utc(stored: str | None) -> datetime | None:
    """SQLAlchemy's DateTime keeps naive UTC as 'YYYY-MM-DD HH:MM:SS.ffffff' text in SQLite."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC) if stored is not None else None


class BackgroundOpening:
    """The store being opened on a thread of its own, started before the app imports Qt: first the look
    (the key's derivation, then a few reads), then, once `go_on()` is called or the store is needed, the full
    opening. Without a first look the full opening follows at once, and its outcome (a store, or the
    StoreOpenError that the app answers with a prompt) is `opened`."""

    def __init__(self, data_dir: Path, passphrase: str | None):
        self.looked: Future[FirstLook | None] = Future()
        self.opened: Future = Future()
        self._go_on = threading.Event()
        self._cancelled = False
        self._data_dir, self._passphrase = data_dir, passphrase
        # Not a daemon: a migration under way is never cut short by the end of the process.
        self._thread = threading.Thread(target=self._run, name="intake-open")
        self._thread.start()

    def look(self) -> FirstLook | None:
        return self.looked.result()

    def go_on(self) -> None:
        self._go_on.set()

    def store(self):
        self._go_on.set()  # so nothing can wait for an opening that is itself waiting
        return self.opened.result()

    def close(self) -> None:
        """At the app's end: a full opening not begun is skipped (nobody signed in); one under way is waited
        for; the store it opened is closed (closing twice is harmless)."""
        self._cancelled = True
        self._go_on.set()
        self._thread.join()
        if self.opened.done() and not self.opened.cancelled() and self.opened.exception() is None:
            self.opened.result().engine.dispose()

    def _run(self) -> None:
        try:
            look = first_look(self._data_dir, self._passphrase)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for it
            self.looked.set_exception(exc)
            self.opened.set_exception(exc)
            return
        self.looked.set_result(look)
        if look is not None:
            self._go_on.wait()  # even the imports below are Python-heavy: they wait for the first screen
        if self._cancelled:
            self.opened.cancel()
            return
        try:
            from .opening import open_store

            self.opened.set_result(open_store(self._data_dir, passphrase=self._passphrase,
                                              key=look.key if look is not None else None))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for it
            self.opened.set_exception(exc)


class PendingStore:
    """The store while it is still being opened in full: the window is built and shown with the first look,
    and any use of the store waits for the opening to finish (the window's database work runs on the task
    runner's worker, so that is where it waits). The opening's error, if any, is raised on use. Pass callables
    as `lambda: store.count()`, not `store.count`: the attribute itself waits.

    Per-store state is kept by the store itself (IncidentStore.feature_state), so it makes no difference
    whether a feature was handed this or the opened store."""

    __slots__ = ("_opening",)

    def __init__(self, opening: BackgroundOpening):
        object.__setattr__(self, "_opening", opening)

    def __getattr__(self, name: str):
        return getattr(self._opening.store(), name)

    def __setattr__(self, name: str, value) -> None:
        setattr(self._opening.store(), name, value)
