"""`intake backup` writes a consistent encrypted copy of the store while the app keeps saving; `intake
restore` checks a backup (it opens with this store's key, its audit chain and every record's hash verify)
before it replaces anything, and keeps the store it replaces."""

from __future__ import annotations

import threading

import pytest

from intake_app.security.backup import BackupError, backup_to, check_backup, restore_from
from intake_app.storage import cipher
from intake_app.storage.database_key import database_key
from intake_app.storage.opening import open_store

from ..factories import make_incident


def test_a_backup_made_while_records_are_being_saved_is_whole_and_verifies(store, data_dir, actor, tmp_path):
    for _ in range(5):
        store.save(make_incident(), actor)
    stop = threading.Event()
    saved_meanwhile = []

    def keep_saving():
        while not stop.is_set() and len(saved_meanwhile) < 200:
            saved_meanwhile.append(store.save(make_incident(), actor).id)

    writer = threading.Thread(target=keep_saving)
    writer.start()
    try:
        while len(saved_meanwhile) < 3:
            stop.wait(0.01)
        backup_to(store, tmp_path / "copy.intake-backup")
    finally:
        stop.set()
        writer.join()

    key, _ = database_key(data_dir)
    check = check_backup(tmp_path / "copy.intake-backup", key, data_dir)
    assert 5 + 3 <= check.incidents <= 5 + len(saved_meanwhile)  # one moment's snapshot, audited to the last
    assert check.entries >= check.incidents  # every record has its audited creation


def test_a_backup_is_encrypted(store, actor, tmp_path):
    store.save(make_incident(), actor)
    backup_to(store, tmp_path / "copy.intake-backup")
    raw = (tmp_path / "copy.intake-backup").read_bytes()
    assert b"Test Reporter" not in raw and b"SQLite format 3" not in raw


def test_a_backup_never_overwrites_a_file(store, tmp_path):
    (tmp_path / "taken").write_text("someone's file")
    with pytest.raises(BackupError, match="exists already"):
        backup_to(store, tmp_path / "taken")
    assert (tmp_path / "taken").read_text() == "someone's file"


def test_restore_puts_the_backup_back_and_keeps_the_store_it_replaces(data_dir, actor, tmp_path):
    store = open_store(data_dir)
    kept_ids = [store.save(make_incident(), actor).id for _ in range(3)]
    backup_to(store, tmp_path / "copy.intake-backup")
    store.save(make_incident(), actor)  # after the backup: not in it
    store.engine.dispose()
    key, _ = database_key(data_dir)

    check, kept = restore_from(tmp_path / "copy.intake-backup", key, data_dir)

    assert check.incidents == 3 and kept is not None and kept.exists()
    store = open_store(data_dir)
    try:
        assert sorted(i.id for i in store.all()) == sorted(kept_ids)
    finally:
        store.engine.dispose()


def test_restore_refuses_a_backup_with_a_record_edited_behind_the_app(data_dir, actor, tmp_path):
    store = open_store(data_dir)
    store.save(make_incident(), actor)
    backup_to(store, tmp_path / "copy.intake-backup")
    store.save(make_incident(), actor)
    store.engine.dispose()
    key, _ = database_key(data_dir)
    tampered = cipher.connect(tmp_path / "copy.intake-backup", key)
    tampered.execute("UPDATE incidents SET record_json = replace(record_json, 'Michigan', 'Mishigan')")
    tampered.close()
    before = (data_dir / cipher.DB_FILE).stat().st_mtime_ns

    with pytest.raises(BackupError, match="does not verify"):
        restore_from(tmp_path / "copy.intake-backup", key, data_dir)

    assert (data_dir / cipher.DB_FILE).stat().st_mtime_ns == before
    store = open_store(data_dir)
    assert store.count() == 2  # nothing was replaced
    store.engine.dispose()


def test_restore_refuses_a_file_that_is_not_a_backup_of_this_store(data_dir, actor, tmp_path):
    store = open_store(data_dir)
    store.save(make_incident(), actor)
    store.engine.dispose()
    (tmp_path / "junk").write_bytes(b"\x00" * 8192)
    key, _ = database_key(data_dir)
    with pytest.raises(BackupError, match="does not open with this store's key"):
        restore_from(tmp_path / "junk", key, data_dir)


def test_the_intake_commands_back_up_and_restore(intake, store, actor, tmp_path):
    store.save(make_incident(), actor)
    code, out, _ = intake("backup", "--out", str(tmp_path / "b.intake-backup"))
    assert code == 0 and "backup written" in out
    store.engine.dispose()
    code, out, err = intake("restore", str(tmp_path / "b.intake-backup"))
    assert code == 0, err
    assert "restored 1 incident(s)" in out and "all verified" in out
    code, _, err = intake("backup", "--out", str(tmp_path / "b.intake-backup"))
    assert code == 2 and "exists already" in err


WRITER = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from intake_app.domain.actor import Actor
from intake_app.storage.opening import open_store
from tests.factories import make_incident
folder = Path(sys.argv[1])
store = open_store(folder, passphrase="backup test passphrase")
n = 0
while not (folder / "stop").exists() and n < 2000:
    store.save(make_incident(), Actor("Sgt. Maria Test", "2231"))
    n += 1
    (folder / "saved").write_text(str(n))
store.engine.dispose()
"""


def test_a_backup_taken_while_another_process_keeps_saving_verifies(data_dir, tmp_path):
    import subprocess
    import sys
    import time
    from pathlib import Path

    store = open_store(data_dir, passphrase="backup test passphrase")  # made here, in passphrase mode
    root = Path(__file__).resolve().parents[2]
    app = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), str(root)])
    try:
        deadline = time.monotonic() + 60
        while not (data_dir / "saved").exists() or int((data_dir / "saved").read_text() or 0) < 5:
            assert time.monotonic() < deadline and app.poll() is None, "the other process did not start saving"
            time.sleep(0.05)
        backup_to(store, tmp_path / "live.intake-backup")
    finally:
        (data_dir / "stop").write_text("")
        app.wait(60)
    key, _ = database_key(data_dir, "backup test passphrase")
    check = check_backup(tmp_path / "live.intake-backup", key, data_dir)
    assert check.incidents >= 5
    assert store.count() >= check.incidents  # the other process went on saving after the snapshot
    store.engine.dispose()


PASSPHRASE = "restore while running passphrase"


def _app_running_on(data_dir, tmp_path):
    """The real desktop app (offscreen) started on the store, returned once it holds the store's folder."""
    import os
    import subprocess
    import sys
    import time
    from pathlib import Path

    from intake_app.storage.app_lock import AppLock, StoreInUse

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "INTAKE_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen",
           "INTAKE_CONFIG_DIR": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state")}
    app = subprocess.Popen([sys.executable, "-m", "intake_app", "--data-dir", str(data_dir)], cwd=root, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            AppLock.exclusive(data_dir).release()
        except StoreInUse:
            return app
        assert app.poll() is None, "the app ended before it held the store"
        time.sleep(0.1)
    app.kill()
    raise AssertionError("the app never held the store's folder")


def _store_with_a_backup(data_dir, tmp_path, actor):
    s = open_store(data_dir, passphrase=PASSPHRASE)
    s.save(make_incident(), actor)
    backup_to(s, tmp_path / "b.intake-backup")
    s.engine.dispose()
    return tmp_path / "b.intake-backup"


def test_restore_refuses_while_the_app_runs_on_the_store_and_writes_nothing(intake, data_dir, actor, tmp_path,
                                                                           monkeypatch):
    backup = _store_with_a_backup(data_dir, tmp_path, actor)
    monkeypatch.setenv("INTAKE_PASSPHRASE", PASSPHRASE)
    app = _app_running_on(data_dir, tmp_path)
    try:
        store_file = (data_dir / "intake.db").stat().st_ino
        code, out, err = intake("restore", str(backup))
        after = {p.name for p in data_dir.iterdir()}
        replaced = (data_dir / "intake.db").stat().st_ino != store_file
    finally:
        app.terminate()
        app.wait(30)
    assert code == 2
    assert "the Intake app is running on these records" in err and "close the app" in err
    assert "restored" not in out
    assert not replaced
    assert not [n for n in after if "restor" in n]  # no copy coming in, no store kept aside


def test_restore_goes_ahead_once_the_app_has_ended(intake, data_dir, actor, tmp_path, monkeypatch):
    backup = _store_with_a_backup(data_dir, tmp_path, actor)
    monkeypatch.setenv("INTAKE_PASSPHRASE", PASSPHRASE)
    app = _app_running_on(data_dir, tmp_path)
    app.terminate()
    app.wait(30)
    code, out, err = intake("restore", str(backup))
    assert code == 0, err
    assert "restored 1 incident(s)" in out
