"""A real PostgreSQL database per test session and a real server process (uvicorn) on a free loopback port."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine

from intake_app.domain.actor import Actor
from intake_app.server import crud
from intake_app.server.db import make_engine, session_factory
from intake_app.server.migrate import upgrade
from intake_app.server.settings import ServerSettings
from intake_app.storage.opening import open_store
from intake_app.sync import device
from intake_app.sync.engine import sync_once

from ..factories import make_incident

PG = ["-h", "127.0.0.1", "-U", "postgres"]
ROOT = Path(__file__).resolve().parents[2]


def _pg_running() -> bool:
    return subprocess.run(["pg_isready", *PG[:2]], capture_output=True).returncode == 0


@contextmanager
def migrated_database() -> Iterator[str]:
    """A new database on the real PostgreSQL, migrated to the server's heads; dropped afterwards."""
    if not _pg_running():
        version = os.listdir("/etc/postgresql")[0]
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True)
    name = f"intake_test_{secrets.token_hex(4)}"
    subprocess.run(["createdb", *PG, name], check=True)
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    engine = make_engine(ServerSettings(database_url=url))
    upgrade(engine)
    engine.dispose()
    try:
        yield url
    finally:
        subprocess.run(["dropdb", "--force", *PG, name], check=True)


@pytest.fixture(scope="session")
def pg_url():
    """The session's server database, shared by the tests' server process and devices."""
    with migrated_database() as url:
        yield url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    """`intake server`; `workers`: that many processes on the port; `log`: a file for the access log (standard
    output); `env`: more environment variables (INTAKE_SERVER_* settings)."""

    def __init__(self, url: str, port: int | None = None, *, workers: int = 1, log: Path | None = None,
                 env: dict[str, str] | None = None):
        self.db_url, self.port = url, port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.workers, self.log, self.env = workers, log, env or {}

    def start(self) -> ServerProcess:
        out = self.log.open("ab") if self.log else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "intake_app", "server", "--database-url", self.db_url, "--port", str(self.port),
             "--workers", str(self.workers)],
            cwd=ROOT, stdout=out, stderr=subprocess.DEVNULL, env={**os.environ, **self.env})
        if self.log:
            out.close()
        deadline = time.monotonic() + 30 + 10 * self.workers
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.base + "/health", timeout=1).status_code == 200 and self._all_workers_up():
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def _all_workers_up(self) -> bool:
        """Each worker process a child of the server's (read from /proc: no extra tool)."""
        if self.workers == 1:
            return True
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        if children.exists() and len(children.read_text().split()) < self.workers:
            return False
        # A worker process exists before it accepts connections (it is still importing, slowly on a busy
        # machine): with the access log at hand, wait until every worker has answered a request.
        return self.log is None or len(self._pids_that_answered()) >= self.workers

    def _pids_that_answered(self) -> set[int]:
        lines = self.log.read_text(errors="replace").splitlines() if self.log.exists() else []
        return {json.loads(line)["pid"] for line in lines if line.startswith("{") and '"pid"' in line}

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


@pytest.fixture(scope="session")
def server(pg_url):
    proc = ServerProcess(pg_url).start()
    yield proc
    proc.stop()


@pytest.fixture(scope="session")
def admin(pg_url):
    """The administrator's side: enrollment codes and revocation, straight on the server's database."""
    engine = create_engine(pg_url)
    sessions = session_factory(engine)

    class Admin:
        def code(self, district: int | None = None, headquarters: bool = False) -> str:
            with sessions.begin() as s:
                return crud.create_enrollment(s, district=district, headquarters=headquarters)

        def revoke(self, device_id: int) -> None:
            with sessions.begin() as s:
                crud.revoke_device(s, device_id=device_id)

        def sql(self, statement: str, **params):
            from sqlalchemy import text

            with sessions.begin() as s:
                return s.execute(text(statement), params).all()

        def sql_do(self, statement: str) -> None:
            from sqlalchemy import text

            with sessions.begin() as s:
                s.execute(text(statement))

    yield Admin()
    engine.dispose()


@pytest.fixture
def make_device(tmp_path, server, admin):
    """An enrolled desktop store: make_device("a", district=9) or make_device("hq", headquarters=True).
    Each test starts with no records on the server (devices from earlier tests stay enrolled)."""
    admin.sql_do("TRUNCATE incidents, changes, pushes, conflicts, audit_heads, link_decisions")
    opened = []

    def make(name: str, *, district: int | None = None, headquarters: bool = False, url: str | None = None):
        path = tmp_path / name
        path.mkdir()
        store = open_store(path)
        opened.append(store)
        device.enroll(store, url or server.base, admin.code(district, headquarters))
        return store

    yield make
    for store in opened:
        store.engine.dispose()


SERGEANT = Actor("Sgt. Maria Test", "2231")


def one_record_on_two_stations(make_device):
    """Stations a and b of district 9; a saves a draft and both sync, so each holds it. Returns (a, b, draft)."""
    a = make_device("a", district=9)
    b = make_device("b", district=9)
    draft = a.save(make_incident(), SERGEANT)
    assert sync_once(a).ok and sync_once(b).ok
    assert b.find(draft.id) is not None
    return a, b, draft


def a_draft_deleted_on_a_before_b_pulls_it(make_device):
    """Two stations of district 9 hold a draft; A deletes it and the server acknowledges the deletion, which B
    has not pulled yet: (A, B, the draft)."""
    a, b, draft = one_record_on_two_stations(make_device)
    a.delete_draft(draft.id, SERGEANT)
    assert sync_once(a).ok
    return a, b, draft


def edited_on_both(make_device, words_a: str, words_b: str):
    """One record on two stations, then edited on each (A's narrative, B's) and synced again, A first: B holds
    a conflict, its own words kept. Returns (a, b, the record as first saved)."""
    a, b, original = one_record_on_two_stations(make_device)
    for store, words in ((a, words_a), (b, words_b)):
        inc = store.get(original.id)
        inc.narrative = words
        store.save(inc, SERGEANT)
    sync_once(a)
    sync_once(b)
    return a, b, original


def restore_backup_without(admin, incident_id: str, *, newer_than: int) -> str:
    """The server as restored from a backup taken when it held `incident_id` up to version `newer_than`; then the
    new epoch, numbered from the next feed number on (as `intake server restored`). Returns the epoch."""
    admin.sql("DELETE FROM changes WHERE incident_id = :i AND version > :v RETURNING seq", i=incident_id, v=newer_than)
    admin.sql("DELETE FROM pushes WHERE incident_id = :i AND CAST(result_json AS json)->>'outcome' = 'applied' "
              "AND CAST(CAST(result_json AS json)->>'version' AS int) > :v RETURNING 1", i=incident_id, v=newer_than)
    admin.sql("UPDATE incidents SET version = c.version, record_json = c.record_json, last_seq = c.seq FROM changes c "
              "WHERE incidents.id = :i AND c.incident_id = :i AND c.version = :v RETURNING 1", i=incident_id,
              v=newer_than)
    [(epoch,)] = admin.sql("UPDATE server_epoch SET epoch = md5(random()::text), "
                           "since_seq = (SELECT last_value FROM changes_seq_seq) + 1 RETURNING epoch")
    return epoch
