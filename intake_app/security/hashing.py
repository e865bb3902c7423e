"""SHA-256 of footage files, streamed in large blocks so memory stays flat for files of many GB.

hashlib releases the GIL on large updates, so the GUI stays responsive while a file hashes on a worker thread
(and several files would hash in parallel on several cores: tests/benchmarks/test_hashing_benchmark.py measures
it). A cancelled hash returns nothing: callers store a result only when one comes back.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# 4 MiB: large enough that per-call overhead vanishes, small enough for smooth progress and fast cancel.
BLOCK_SIZE = 4 * 1024 * 1024

Progress = Callable[[int, int], None]  # (bytes done, total bytes)


class HashCancelled(Exception):
    """The user cancelled: no result exists, nothing is to be stored."""


@dataclass(frozen=True)
class FileHash:
    path: str
    sha256: str
    size: int
    mtime: datetime  # UTC aware
    hashed_at: datetime  # UTC aware


class CancelFlag:
    """Set from any thread; the hashing loop checks it between blocks."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


def hash_file(path: str | os.PathLike, *, progress: Progress | None = None,
              cancel: CancelFlag | None = None, block_size: int = BLOCK_SIZE) -> FileHash:
    """Hash one file. Raises HashCancelled if `cancel` is set, OSError if the file cannot be read."""
    p = Path(path)
    digest = hashlib.sha256()
    buffer = bytearray(block_size)
    view = memoryview(buffer)
    with open(p, "rb", buffering=0) as f:
        stat = os.fstat(f.fileno())
        total, done = stat.st_size, 0
        if progress:
            progress(0, total)
        while True:
            if cancel is not None and cancel.cancelled:
                raise HashCancelled(str(p))
            n = f.readinto(buffer)
            if not n:
                break
            digest.update(view[:n])
            done += n
            if progress:
                progress(done, total)
    return FileHash(
        path=str(p),
        sha256=digest.hexdigest(),
        size=done,
        mtime=datetime.fromtimestamp(stat.st_mtime, UTC),
        hashed_at=datetime.now(UTC),
    )
