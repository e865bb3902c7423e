"""The desktop app's hold on a store's folder: while the app runs it keeps a shared lock on `app.lock` in the
data folder (an advisory lock of the operating system, released by it when the process ends, even by a
crash, so a stale file never blocks). `intake restore` must replace the store while nothing has it open: it
takes the same lock exclusively, without waiting, and refuses if an app holds it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LOCK_FILE = "app.lock"

if sys.platform == "win32":  # pragma: no cover - tested on Linux; Windows has no shared lock: an exclusive byte
    # lock, so a second window of the app opens the store without one (for_app's None) and restore still refuses
    import msvcrt

    def _take(fd: int, *, shared: bool) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _drop(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _take(fd: int, *, shared: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _drop(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class StoreInUse(Exception):
    """The desktop app has this store open."""


class AppLock:
    """A lock on the store's folder, held until release() (or the end of the process)."""

    def __init__(self, fd: int | None):
        self._fd = fd

    @classmethod
    def _open(cls, data_dir: Path) -> int:
        return os.open(Path(data_dir) / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)

    @classmethod
    def for_app(cls, data_dir: Path) -> AppLock | None:
        """The running app's shared hold (several windows of the app may share a store). None if it cannot
        be taken now (a restore is replacing the store this instant): the app opens the store as before."""
        fd = cls._open(data_dir)
        if not _take(fd, shared=True):
            os.close(fd)
            return None
        return cls(fd)

    @classmethod
    def exclusive(cls, data_dir: Path) -> AppLock:
        """The hold of a command that replaces the store; StoreInUse if the app has it open."""
        if not Path(data_dir).is_dir():
            return cls(None)  # no folder, no store: nothing can have it open
        fd = cls._open(data_dir)
        if not _take(fd, shared=False):
            os.close(fd)
            raise StoreInUse("the Intake app is running on these records (it holds "
                             f"{Path(data_dir) / LOCK_FILE}); close the app on this computer first, then restore")
        return cls(fd)

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                _drop(fd)
            finally:
                os.close(fd)

    def __enter__(self) -> AppLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
