"""Garbage collection held off while a batch of records is parsed, checked and stored: a pulled page of the
change feed on a station (sync/pull_step.py), a pushed batch on the server (server/api/routes/sync.py).

A batch is up to 1,000 records, each a few hundred small objects that live until the batch is stored. Python's
collector counts those allocations and walks the growing heap again and again meanwhile, although none of it is
garbage yet and the records hold no reference cycles. Measured: about a quarter of a 10,000-record pull; on the
server's own work for a 1,000-record batch (from_dict, the validator, canonical JSON) 234 ms with collection on,
204 ms held off. Collection resumes after the batch; whatever cycles a batch leaves are collected then.

(The desktop app's start is not held: it saved 0.5 ms of a 150-175 ms start; ui/shell/startup.py.)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Batches are handled on several threads at once (the server's requests, a station's pull helpers): the pause
# is counted, so it ends when the last batch under way ends, and collection comes back only if it was on
# before the first began.
_lock = threading.Lock()
_holders = 0
_was_enabled = True


@contextmanager
def collection_paused() -> Iterator[None]:
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
