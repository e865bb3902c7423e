"""Encrypted at rest, drafts included; the key is in the keyring or comes from a passphrase."""

import sqlite3

import keyring
import pytest
from keyring.backends import fail

from intake_app.storage.cipher import DB_FILE
from intake_app.storage.errors import StoreOpenError
from intake_app.storage.opening import open_store

from ..factories import make_incident
from .helpers import saved_and_read_back_after_reopening

MARKER = "Zq7-narrative-marker-that-must-not-leak"


def _all_bytes(folder):
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_the_database_files_show_no_narrative_text(data_dir, actor):
    store = open_store(data_dir)
    store.save(make_incident(narrative=MARKER), actor)
    store.autosave(make_incident(narrative=MARKER + "-draft"))
    # Read the files while the store is open too: the WAL holds recent pages.
    assert MARKER.encode() not in _all_bytes(data_dir)
    store.engine.dispose()
    assert MARKER.encode() not in _all_bytes(data_dir)


def test_plain_sqlite_cannot_read_the_file(store, data_dir, actor):
    store.save(make_incident(), actor)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(data_dir / DB_FILE).execute("select * from incidents").fetchall()


def test_the_key_is_kept_in_the_keyring_not_in_a_file(data_dir, memory_keyring):
    open_store(data_dir).engine.dispose()
    [(service, _name)] = memory_keyring.items
    key_hex = next(iter(memory_keyring.items.values()))
    assert service == "intake" and len(key_hex) == 64
    assert key_hex.encode() not in _all_bytes(data_dir)


def test_without_a_secure_keyring_the_store_refuses_to_start_and_writes_nothing(data_dir):
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(StoreOpenError) as err:
        open_store(data_dir)
    assert err.value.reason == "no_keyring"
    assert "INTAKE_PASSPHRASE" in str(err.value)
    assert list(data_dir.iterdir()) == []


def test_a_passphrase_works_without_a_keyring(data_dir, actor, monkeypatch):
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("INTAKE_PASSPHRASE", "a long station passphrase")
    saved, read_back = saved_and_read_back_after_reopening(data_dir, actor)
    assert read_back == saved


def test_a_wrong_passphrase_gets_nothing(data_dir, actor, monkeypatch):
    monkeypatch.setenv("INTAKE_PASSPHRASE", "a long station passphrase")
    open_store(data_dir).engine.dispose()
    monkeypatch.setenv("INTAKE_PASSPHRASE", "a wrong station passphrase")
    with pytest.raises(StoreOpenError) as err:
        open_store(data_dir)
    assert err.value.reason == "wrong_key"


def test_a_short_passphrase_is_refused(data_dir, monkeypatch):
    monkeypatch.setenv("INTAKE_PASSPHRASE", "short")
    with pytest.raises(StoreOpenError, match="at least 12"):
        open_store(data_dir)


def test_a_store_whose_key_is_not_in_this_keyring_is_left_alone(data_dir, memory_keyring):
    open_store(data_dir).engine.dispose()
    before = (data_dir / DB_FILE).read_bytes()
    memory_keyring.items.clear()
    with pytest.raises(StoreOpenError) as err:
        open_store(data_dir)
    assert err.value.reason == "key_missing"
    assert (data_dir / DB_FILE).read_bytes() == before
