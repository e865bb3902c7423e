"""Garbage collection held off while a pushed batch is parsed, checked and stored (api/routes/sync.py).

A batch is up to 1,000 records, each a few hundred small objects that live until the batch is stored, none of
it garbage yet: the collector walks them again and again meanwhile. Measured on the server's own work for a
1,000-record batch (from_dict, the validator, canonical JSON): 234 ms with collection on, 204 ms held off; in
tests/benchmarks/test_sync_benchmark.py's push of 10,000 records, 10.8 s against 11.1 s (medians of three runs,
each run's spread about a second). Requests are handled on several threads at once: collection comes back when
the last batch under way ends, and only if it was on before the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_batches = 0  # under way
_was_enabled = True


@contextmanager
def collection_held_off() -> Iterator[None]:
    global _batches, _was_enabled
    with _lock:
        if _batches == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _batches += 1
    try:
        yield
    finally:
        with _lock:
            _batches -= 1
            if _batches == 0 and _was_enabled:
                gc.enable()
