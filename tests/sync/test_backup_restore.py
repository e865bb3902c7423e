"""The server's database backed up with pg_dump and restored with pg_restore as docs/SERVER.md says; devices then
sync on with nothing lost, nothing twice, and no change of the restored feed skipped."""

from __future__ import annotations

import secrets
import subprocess
import sys

from intake_app.domain.actor import Actor
from intake_app.sync import state
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .conftest import PG, ROOT, ServerProcess

ACTOR = Actor("Sgt. Maria Test", "2231")


def intake(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "intake_app", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def move_to(url: str, *stores) -> None:
    for store in stores:
        state.write(store, **{state.SERVER_URL: url})


def ids(store) -> list[str]:
    return sorted(inc.id for inc in store.all())


def ours(found, mine: set[str]) -> list[str]:
    return sorted(i for i in found if i in mine)


def test_after_a_restore_from_pg_dump_devices_sync_on_without_loss_duplicates_or_skips(make_device, pg_url, tmp_path):
    a = make_device("a", district=9)
    b = make_device("b", district=9)
    hq = make_device("hq", headquarters=True)
    before = [a.save(make_incident(), ACTOR) for _ in range(3)]
    for store in (a, b, hq):
        assert sync_once(store).ok

    # The nightly backup (docs/SERVER.md: "Backup and restore").
    database = pg_url.rsplit("/", 1)[1]
    dump = tmp_path / "intake.dump"
    subprocess.run(["pg_dump", *PG, "--format=custom", f"--file={dump}", database], check=True)

    # Work after the backup: headquarters pulls it, so its cursor is past what the backup holds.
    after_backup = [a.save(make_incident(), ACTOR) for _ in range(2)]
    assert sync_once(a).ok and sync_once(hq).ok

    # The database is lost; restored from the backup into a new one, then the feed's numbers moved on.
    restored = f"intake_restored_{secrets.token_hex(4)}"
    subprocess.run(["createdb", *PG, restored], check=True)
    subprocess.run(["pg_restore", *PG, "--no-owner", f"--dbname={restored}", str(dump)], check=True)
    restored_url = pg_url.rsplit("/", 1)[0] + "/" + restored
    intake("server", "migrate", "--database-url", restored_url)
    assert "changes: new numbers start after" in intake("server", "after-restore", "--database-url", restored_url)
    server = ServerProcess(restored_url).start()
    try:
        move_to(server.base, a, b, hq)
        new_b = [b.save(make_incident(), ACTOR) for _ in range(2)]
        new_a = a.save(make_incident(), ACTOR)
        for store in (b, a, hq, b):
            report = sync_once(store)
            assert report.ok, report.error

        everything = sorted(i.id for i in [*before, *after_backup, *new_b, new_a])
        # Headquarters' cursor was past the backup's feed: the changes made after the restore still reach it.
        # (The server is shared with the session's other tests: only this story's records are counted, each once.)
        mine = set(everything)
        assert ours(ids(hq), mine) == everything
        assert ours(ids(a), mine) == everything
        assert ours(ids(b), mine) == sorted(i.id for i in [*before, *new_b, new_a])
        with ServerSql(restored_url) as sql:
            on_server = sql.all("SELECT id FROM incidents ORDER BY id")
            in_feed = sql.all("SELECT incident_id FROM changes")
            flagged = sql.all("SELECT id FROM devices WHERE audit_flagged")
        # Devices enrolled by the session's earlier tests stay on the shared server (some flagged on purpose).
        my_devices = {int(state.read(store, state.DEVICE_ID)) for store in (a, b, hq)}
        # On the server: what the backup held and everything since, each once. (What was acknowledged between
        # the backup and the loss is on the devices that made and pulled it; WAL archiving keeps it too.)
        assert ours(on_server, mine) == sorted(i.id for i in [*before, *new_b, new_a])
        assert len(in_feed) == len(set(in_feed))
        # The audit heads reported after the backup were lost with it: no device is taken for a cut chain.
        assert [d for d in flagged if d in my_devices] == []
        assert len(my_devices) == 3
    finally:
        server.stop()
        subprocess.run(["dropdb", "--force", *PG, restored], check=True)


class ServerSql:
    def __init__(self, url: str):
        from sqlalchemy import create_engine

        self.engine = create_engine(url)

    def __enter__(self) -> ServerSql:
        return self

    def __exit__(self, *exc) -> None:
        self.engine.dispose()

    def all(self, statement: str) -> list:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(text(statement))]
