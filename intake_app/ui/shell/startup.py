"""The desktop app's start, in one place (start-up speed): what is done in which order, and the handle the app
holds on the store while it is still being opened.

1. `OpeningStore(data_dir, passphrase)`, made by the `intake` command before Qt is imported: a thread of its own
   derives the store's key (hashlib's scrypt leaves the interpreter lock free for the main thread's imports),
   then takes the first look (storage/first_look.py): the station's settings, whether anyone can sign in and the newest page of
   incidents, read with the database driver alone.
2. The app (app.py) imports Qt and builds its first window, the sign-in or the main window, from that look.
   The window is handed the opening itself, a StoreHandle: what it builds before its first paint asks for the
   store only on the database worker, whose first task waits for the full opening (see StoreHandle).
3. Once that window has been painted (first_paint.when_painted), `first_screen_shown()`: the store is opened
   in full (SQLAlchemy, the features' tables). That work is Python-heavy: beside the paint,
   each of the hundreds of short Python calls that paint a table waited for the interpreter lock.
Without a look (a new store, a passphrase to ask for, a store to migrate, any database error) the store is opened
in full at once, and the app meets its problem (a prompt, a message) as it always did.
Garbage collection is not held off during the start: measured until the first paint (200 rows listed), holding it
saved 0.5 ms (2.4-3.0 ms in 15 collections against 1.9-2.2 ms in 10) of a 150-175 ms start.

Deferred imports. These, and only these, are imported where they are first used instead of at the top of their
module, because a start measurably needs it; nowhere else is an import deferred.
The app (tests/benchmarks/test_startup_benchmark.py; tests/ui/test_start_up_imports.py checks what stays unloaded):
- ui/, and with it Qt: imported by `intake` (cli.py) only when the app really opens, Qt after the opening
  thread has started; the commands' modules are not imported to open the app (cli.parse_arguments), nor their
  log (commands/cli_log.py), nor the self-test.
- secrets and uuid (8 ms), which only the creation of a new store needs (storage/database_key.py).
- storage/first_look.py, imported on the opening thread after the key's derivation; and whatever imports
  SQLAlchemy or the record classes (domain/records.py, domain/workflow.py; storage/opening.py with Alembic and
  every table, security/users.py, security/review.py, the links, audit and preservation queries), not before
  the first paint: the modules of the first window (commands/context.py, security/session.py and privacy.py,
  ui/security/sign_in.py and security_feature.py, ui/sync/sync_status.py, the *_feature.py modules, a
  reviewer's ui/review/review_queue.py) import them only inside the function that needs them, or for type
  checking.
- Screens, dialogs and clients built on first use: the incident view's tabs, Settings, the users dialog, the
  screen-lock watcher (D-Bus), the passphrase prompt, the crash dialog, the sync client and engine (httpx,
  pydantic), the conflicts screen and enrolment.
The `intake` commands: every command's module is imported to build the parser, so what only one command needs
and costs more than a few milliseconds (measured after the parser is built) is imported where that command
runs: the server (FastAPI, uvicorn, its database: 100-180 ms), Alembic (130 ms), pyHanko (signing, time-stamps,
anchoring: 370-640 ms), pypdf (130 ms), keyring (14 ms), the sync engine (19 ms), the self-test window (Qt).
(Apart from start-up, an import guarded by a check that its module is installed, as in the self-test and the
packet's verification, stays where it is checked.)
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from ...storage.cipher import DB_FILE
from ...storage.database_key import DatabaseKeyError, database_key

if TYPE_CHECKING:
    from ...storage.first_look import FirstLook
    from ...storage.queries import IncidentSummary
    from ...storage.repository import IncidentStore


def existing_store_key(data_dir: Path, passphrase: str | None = None) -> bytes | None:
    """The key of the store in `data_dir`; None when there is no store yet or its key cannot be had here (no
    keyring, a passphrase to ask for...): the full opening then meets the problem and says what it is."""
    if not (data_dir / DB_FILE).exists():
        return None
    try:
        return database_key(data_dir, passphrase)[0]
    except DatabaseKeyError:
        return None


class StoreHandle(ABC):
    """How the UI holds the store from before it is open: `store` is the opened store, and asking for it waits
    for the opening. What the first window builds before its first paint (the sign-in, the incident list, the
    features' install_ui, the idle lock, a reviewer's queue) and the tabs it shows from the start keep the handle
    and ask for `store` only inside the work they hand the database worker, whose first task waits for the
    opening: the GUI thread never waits for it. So `handle = self.store_handle` on the GUI thread, then
    `runner.run(lambda: handle.store.count())`; never `store = handle.store` before run(), which would hold the
    first paint until the store is open (tests/ui/test_opening_store.py builds and shows the window with the
    opening held back). Screens and dialogs built from a worker's answer (an incident's view) or on a user's
    action (the wizard, the menus' dialogs) take the opened IncidentStore (`window.store`): one opened in the
    first moments after the paint waits there for the rest of the opening."""

    @property
    @abstractmethod
    def store(self) -> IncidentStore: ...


class OpenStore(StoreHandle):
    """The handle of a store already open (no first look, another user's window, the self-test, tests)."""

    def __init__(self, store: IncidentStore):
        self._store = store

    @property
    def store(self) -> IncidentStore:
        return self._store


def store_handle(store: IncidentStore | StoreHandle) -> StoreHandle:
    """What takes either keeps a handle: a store already open is wrapped."""
    return store if isinstance(store, StoreHandle) else OpenStore(store)


class OpeningStore(StoreHandle):
    """The store being opened on a thread of its own, started before the app imports Qt: first the look, then,
    once the first screen is shown or the store is needed, the full opening. Without a look the full opening
    follows at once.

    `look()` and `first_page` are what the first window is built from; `store` is the opened store (asking for it
    lets the full opening go on, and waits for it: the StoreHandle the window holds); `wait()` waits for the full
    opening without hastening it (the database worker's first task: everything queued after it finds the store
    open); `opened` is the opening's outcome, a store or the StoreOpenError that the app answers with a prompt
    (a failed opening after the look is said once, by the answer to that first task: app._could_not_open)."""

    def __init__(self, data_dir: Path, passphrase: str | None):
        self.looked: Future[FirstLook | None] = Future()
        self.opened: Future[IncidentStore] = Future()
        self._go_on = threading.Event()
        self._cancelled = False
        self._data_dir, self._passphrase = data_dir, passphrase
        self.shown = False  # the first screen has been painted
        # Not a daemon: a migration under way is never cut short by the end of the process.
        self._thread = threading.Thread(target=self._run, name="intake-open")
        self._thread.start()

    def look(self) -> FirstLook | None:
        return self.looked.result()

    @property
    def first_page(self) -> Future[list[IncidentSummary]] | None:
        """The newest page of incidents, still being read just after the look (None without a look)."""
        look = self.look()
        return look.page if look is not None else None

    @property
    def store(self) -> IncidentStore:
        self._go_on.set()  # so nothing can wait for an opening that is itself waiting
        return self.opened.result()

    def wait(self) -> IncidentStore:
        return self.opened.result()

    def first_screen_shown(self) -> None:
        """The first window has been painted: the full opening goes on. Again: nothing."""
        self.shown = True
        self._go_on.set()

    def window_closed(self) -> None:
        """The app's window closed, maybe before it was painted (the full opening waits for that): let the opening
        go on, or the database worker, which waits for it, would keep the app's closing waiting for ever."""
        self._go_on.set()

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
            # The key first: its derivation leaves the interpreter lock free for the main thread's imports.
            key = existing_store_key(self._data_dir, self._passphrase)
            from ...storage.first_look import first_look

            first_look(self._data_dir, key, self.looked)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for it
            if not self.looked.done():
                self.looked.set_exception(exc)
            self.opened.set_exception(exc)
            return
        look = self.looked.result()
        if look is not None:
            self._go_on.wait()  # even the imports below are Python-heavy: they wait for the first screen
        if self._cancelled:
            self.opened.cancel()
            return
        try:
            from ...storage.opening import open_store

            self.opened.set_result(open_store(self._data_dir, passphrase=self._passphrase,
                                              key=look.key if look is not None else None))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for it
            self.opened.set_exception(exc)

