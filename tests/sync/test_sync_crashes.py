"""A client or the server killed in the middle of a push: after a restart every record arrives exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import keyring
import pytest

from intake_app.domain.actor import Actor
from intake_app.storage.opening import open_store
from intake_app.sync import device, state
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .conftest import ROOT, ServerProcess, free_port
from .file_keyring import FileKeyring

ACTOR = Actor("Sgt. Maria Test", "2231")
RECORDS = 240


def wait_until(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def exactly_once_on_server(admin, made_ids):
    rows = admin.sql("SELECT incident_id, count(*) AS n FROM changes WHERE incident_id = ANY(:ids) GROUP BY incident_id",
                     ids=list(made_ids))
    assert len(rows) == len(made_ids)
    assert {r.n for r in rows} == {1}
    assert admin.sql("SELECT count(*) AS n FROM incidents WHERE id = ANY(:ids)", ids=list(made_ids))[0].n == len(made_ids)


def pushed_so_far(admin, made_ids) -> int:
    return admin.sql("SELECT count(*) AS n FROM pushes WHERE incident_id = ANY(:ids)", ids=list(made_ids))[0].n


@pytest.fixture
def station_in_a_file_keyring(tmp_path, monkeypatch, server, admin):
    """A station store whose key and token a child process can read too."""
    monkeypatch.setenv("INTAKE_PASSPHRASE", "correct horse battery staple")
    ring = tmp_path / "keyring.json"
    monkeypatch.setenv("INTAKE_TEST_KEYRING_FILE", str(ring))
    keyring.set_keyring(FileKeyring(str(ring)))
    data = tmp_path / "station"
    data.mkdir()
    store = open_store(data)
    device.enroll(store, server.base, admin.code(9))
    made = {store.save(make_incident(), ACTOR).id for _ in range(RECORDS)}
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.sync.file_keyring.FileKeyring",
           "INTAKE_TEST_KEYRING_FILE": str(ring), "INTAKE_PASSPHRASE": "correct horse battery staple"}
    yield store, data, made, env
    store.engine.dispose()


def test_client_killed_mid_push_then_synced_again(station_in_a_file_keyring, admin):
    store, data, made, env = station_in_a_file_keyring
    command = [sys.executable, "-m", "intake_app", "--data-dir", str(data), "sync", "--batch", "1"]
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert wait_until(lambda: pushed_so_far(admin, made) >= 20)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert pushed_so_far(admin, made) < RECORDS  # really killed in the middle

    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    exactly_once_on_server(admin, made)
    assert state.status(store).pending == 0


def test_server_killed_mid_request_then_restarted(station_in_a_file_keyring, admin, pg_url):
    store, _data, made, _env = station_in_a_file_keyring
    own = ServerProcess(pg_url, port=free_port()).start()
    state.write(store, server_url=own.base)
    killer = threading.Thread(target=lambda: wait_until(lambda: pushed_so_far(admin, made) >= 20) and own.kill())
    killer.start()
    report = sync_once(store, batch=1, attempts=2, backoff=0.01, timeout=5)
    killer.join()
    assert not report.ok and report.pending > 0
    assert "Cannot reach the server" in report.error or "broke off" in report.error

    own.start()
    try:
        report = sync_once(store, batch=5)
    finally:
        own.stop()
    assert report.ok, report.error
    exactly_once_on_server(admin, made)
