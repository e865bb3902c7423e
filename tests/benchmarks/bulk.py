"""Large stores for benchmarks, loaded quickly and the way the store writes them: batches of 5,000 go through
the store's own batch writers, the ones a pulled page of the change feed uses (`projection.insert_rows`: the
incident row, agents, footage, violations, the search index; `link_index.index_new`: identifiers, place and
time R*Tree), one `executemany` per table per batch (tests/benchmarks/test_bulk_loader.py compares the rows
with a store filled through import_incidents).

Not run: the change listeners' other work (audit entries, sync outbox). A bulk-loaded store is like one
whose records predate those features; the audit trail's one-time baseline runs at the next open.
The benchmarks that use it measure reading and searching, not loading.

`cached_store` keeps a built store in .benchmarks/ (git-ignored) under a key made from the storage, domain
and security sources and this loader, so later runs copy it instead of building it again.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from intake_app.domain.demo import demo_incidents
from intake_app.domain.records import Incident
from intake_app.storage.links.index import index_new
from intake_app.storage.opening import open_store
from intake_app.storage.projection import insert_rows
from intake_app.storage.repository import IncidentStore

BATCH = 5000
ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".benchmarks"
# Cached stores outlive the run's in-memory keyring: their key comes from a passphrase.
PASSPHRASE = "benchmark store passphrase"


@contextmanager
def private_keyring() -> Iterator[None]:
    """Module-scoped fixtures run outside the per-test in-memory keyring: give them their own."""
    import keyring

    from ..memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def _write_batch(store: IncidentStore, batch: list[Incident]) -> None:
    with store.transaction() as session:
        insert_rows(session, [(inc, None) for inc in batch])
        index_new(session.connection(), batch)


def load_incidents(store: IncidentStore, incidents: Iterable[Incident], *, batch_size: int = BATCH) -> int:
    """Writes finished records (ids, report numbers, versions and times set) in batches, one transaction
    each; returns how many."""
    batch: list[Incident] = []
    count = 0
    for inc in incidents:
        batch.append(inc)
        if len(batch) == batch_size:
            _write_batch(store, batch)
            count += len(batch)
            batch = []
    if batch:
        _write_batch(store, batch)
        count += len(batch)
    return count


def numbered_demo_incidents(count: int, *, tag: str = "BEN", seed: int = 0) -> Iterator[list[Incident]]:
    """Seeded demo incidents (every run makes the same ones) in batches, numbered D<district>-2026-<tag>-<n>,
    version 1, created when they occurred: as a station's synced records look."""
    made = 0
    while made < count:
        batch = demo_incidents(min(BATCH, count - made), seed=seed + made)
        for i, inc in enumerate(batch):
            inc.report_number = f"D{inc.district:03d}-2026-{tag}-{made + i:05d}"
            inc.version = 1
            inc.created_at = inc.updated_at = inc.occurred_at
        made += len(batch)  # before the caller may add to the batch
        yield batch


def load_demo_incidents(store: IncidentStore, count: int, *, tag: str = "BEN") -> None:
    """`count` demo incidents (seeded, so every run loads the same ones), numbered D<district>-2026-<tag>-<n>."""
    for batch in numbered_demo_incidents(count, tag=tag):
        load_incidents(store, batch)


def sources_key(name: str) -> str:
    """Changes when the code that decides what a store holds changes (schema, projection, indexes, audit)."""
    digest = hashlib.sha256(name.encode())
    for folder in ("intake_app/storage", "intake_app/domain", "intake_app/security"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            digest.update(path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:12]


def cached_store(name: str, build: Callable[[IncidentStore, Path], None]) -> Path:
    """The folder of a store built once by `build(store, folder)` (which may leave its own files beside it)
    and reused while the sources are unchanged. Opened once more after building, so the one-time work of a
    first open after a bulk load (the audit baseline) is done here, not in what a benchmark measures."""
    folder = CACHE / f"{name}-{sources_key(name)}"
    if (folder / "complete").exists():
        return folder
    for stale in CACHE.glob(f"{name}-*"):  # built from older sources: hundreds of MB each
        shutil.rmtree(stale)
    folder.mkdir(parents=True)
    store = open_store(folder, passphrase=PASSPHRASE)
    build(store, folder)
    store.engine.dispose()
    store = open_store(folder, passphrase=PASSPHRASE)
    with store.engine.connect() as conn:  # no big WAL left for a copy or a first launch to fold in
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()
    (folder / "complete").write_text("ok\n")
    return folder


def working_copy(folder: Path, target: Path) -> IncidentStore:
    """A copy of a cached store for a benchmark that writes to it (the cached one stays as built)."""
    shutil.copytree(folder, target, ignore=shutil.ignore_patterns("complete"))
    return open_store(target, passphrase=PASSPHRASE)
