"""The store opened on a thread of its own while the app imports Qt and builds its window (start-up).

This module is imported before anything else of the app's start, so it imports little itself. The thread first
derives the key, beside the main thread's imports (hashlib's scrypt leaves the interpreter lock free), then
imports what the first look needs (first_look.py) and takes it.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cipher import DB_FILE
from .database_key import DatabaseKeyError, database_key

if TYPE_CHECKING:
    from .first_look import FirstLook
    from .repository import IncidentStore


def existing_store_key(data_dir: Path, passphrase: str | None = None) -> bytes | None:
    """The key of the store in `data_dir`; None when there is no store yet or its key cannot be had here (no
    keyring, a passphrase to ask for...): the full opening then meets the problem and says what it is."""
    if not (data_dir / DB_FILE).exists():
        return None
    try:
        return database_key(data_dir, passphrase)[0]
    except DatabaseKeyError:
        return None


class BackgroundOpening:
    """The store being opened on a thread of its own, started before the app imports Qt: first the look
    (the key's derivation, then a few reads), then, once `go_on()` is called or the store is needed, the full
    opening. Without a first look the full opening follows at once, and its outcome (a store, or the
    StoreOpenError that the app answers with a prompt) is `opened`."""

    def __init__(self, data_dir: Path, passphrase: str | None):
        self.looked: Future[FirstLook | None] = Future()
        self.opened: Future[IncidentStore] = Future()
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

    def store(self) -> IncidentStore:
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
            # The key first: its derivation leaves the interpreter lock free for the main thread's imports.
            key = existing_store_key(self._data_dir, self._passphrase)
            from .first_look import first_look

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

    def __getattr__(self, name: str) -> Any:
        return getattr(self._opening.store(), name)

    def __setattr__(self, name: str, value: object) -> None:
        setattr(self._opening.store(), name, value)
