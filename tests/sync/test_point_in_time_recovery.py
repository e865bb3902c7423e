"""Point-in-time recovery, as docs/SERVER.md says: a base backup and archived WAL bring back what a nightly dump
cannot, the records a station sent after the backup and then took with it (the station lost, no other device
had pulled them). A PostgreSQL cluster of the test's own (initdb, WAL archiving on), so the machine's server
is not reconfigured; the real `intake server`, real devices."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from intake_app.domain.actor import Actor
from intake_app.storage.opening import open_store
from intake_app.sync import device
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .backups import intake
from .conftest import ServerProcess, free_port

ACTOR = Actor("Sgt. Maria Test", "2231")


def _bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL's server programs are not installed (Debian: postgresql)")
    return found[-1].parent


class Cluster:
    """A PostgreSQL cluster in a folder of its own, on its own port, archiving its WAL into `wal/`."""

    def __init__(self, root: Path):
        self.root, self.port, self.bin = root, free_port(), _bin()
        self.data, self.wal, self.base = root / "data", root / "wal", root / "base"
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/intake"

    def run(self, program: str, *args: str) -> str:
        # PostgreSQL refuses to run as root: as its own user where the tests run as root (CI does).
        who = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run([*who, str(self.bin / program), *args], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{program}: {done.stderr}"
        return done.stdout

    def create(self) -> None:
        self.wal.mkdir()
        if os.geteuid() == 0:
            subprocess.run(["chown", "postgres:postgres", str(self.wal)], check=True)
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(f"port = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.root}'\nwal_level = replica\narchive_mode = on\n"
                       f"archive_command = 'test ! -f {self.wal}/%f && cp %p {self.wal}/%f'\n")

    def start(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "120", "start")

    def stop(self, mode: str = "fast") -> None:
        if (self.data / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def sql(self, statement: str, database: str = "intake") -> list:
        engine = create_engine(self.url.rsplit("/", 1)[0] + "/" + database, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                result = conn.execute(text(statement))
                return [tuple(row) for row in result] if result.returns_rows else []
        finally:
            engine.dispose()

    def base_backup(self) -> None:
        self.run("pg_basebackup", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-D", str(self.base),
                 "--checkpoint=fast")

    def archive_current_wal(self) -> None:
        """What is committed reaches the archive (as `archive_timeout` does in production), waited for."""
        [(segment,)] = self.sql("SELECT pg_walfile_name(pg_switch_wal())")
        deadline = time.monotonic() + 60
        while not (self.wal / segment).exists():
            assert time.monotonic() < deadline, f"WAL segment {segment} was not archived"
            time.sleep(0.2)

    def lose_and_recover(self) -> None:
        """The database's disk is lost; the base backup is put back and the archived WAL replayed to its end."""
        self.stop("immediate")
        shutil.rmtree(self.data)
        shutil.copytree(self.base, self.data)
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(f"restore_command = 'cp {self.wal}/%f %p'\n")
        (self.data / "recovery.signal").touch()
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "postgres:postgres", str(self.data)], check=True)
            self.data.chmod(0o700)
        self.start()
        deadline = time.monotonic() + 120
        while self.sql("SELECT pg_is_in_recovery()") != [(False,)]:
            assert time.monotonic() < deadline, "the recovery did not end"
            time.sleep(0.2)


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    # Not pytest's tmp_path: its folders are readable by this user only, and the cluster runs as postgres.
    root = Path(tempfile.mkdtemp(prefix="intake-pitr-"))
    root.chmod(0o755)
    if os.geteuid() == 0:
        subprocess.run(["chown", "postgres:postgres", str(root)], check=True)
    made = Cluster(root)
    made.create()
    made.start()
    made.sql("CREATE DATABASE intake", database="postgres")
    try:
        yield made
    finally:
        made.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


def enrolled(tmp_path: Path, name: str, server: ServerProcess, cluster: Cluster, *flags: str):
    (tmp_path / name).mkdir()
    store = open_store(tmp_path / name)
    code = intake("server", "create-enrollment", *flags, "--database-url", cluster.url).strip()
    device.enroll(store, server.base, code)
    return store


def test_a_base_backup_and_archived_wal_bring_back_what_a_lost_station_sent_after_the_backup(cluster, tmp_path):
    intake("server", "migrate", "--database-url", cluster.url)
    server = ServerProcess(cluster.url).start()
    try:
        lost = enrolled(tmp_path, "lost", server, cluster, "--district", "9")
        hq = enrolled(tmp_path, "hq", server, cluster, "--headquarters")
        before = [lost.save(make_incident(), ACTOR) for _ in range(2)]
        assert sync_once(lost).ok and sync_once(hq).ok
        cluster.base_backup()
        # After the backup the station sends three records, which no other device pulls; then it is lost.
        after = [lost.save(make_incident(), ACTOR) for _ in range(3)]
        assert sync_once(lost).ok
        lost.engine.dispose()
        cluster.archive_current_wal()
    finally:
        server.stop()

    cluster.lose_and_recover()
    said = intake("server", "restored", "--database-url", cluster.url)
    assert "restore epoch:" in said

    server = ServerProcess(cluster.url, server.port).start()  # the same address: the devices' setting stays
    try:
        report = sync_once(hq)
        again = sync_once(hq)
    finally:
        server.stop()
    assert report.ok, report.error
    assert again.ok, again.error
    made = sorted(i.id for i in [*before, *after])
    on_server = sorted(row[0] for row in cluster.sql("SELECT id FROM incidents"))
    feed = cluster.sql("SELECT incident_id, version FROM changes")
    # Nothing lost (the dump would have lost the three), each version once in the feed, each record once at
    # headquarters, which had pulled only the first two.
    assert on_server == made
    assert sorted(feed) == sorted((i, 1) for i in made)
    assert sorted(i.id for i in hq.all()) == made
    assert report.resent == 0 and report.conflicts == 0
    hq.engine.dispose()
