"""A headless station or a script enrolls with a passphrase store (INTAKE_PASSPHRASE) and no desktop keyring:
the device token and the audit signing key then live in the encrypted store. A keyring store keeps them in
the keyring, as before."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from intake_app.cli import main
from intake_app.domain.interchange import dumps
from intake_app.security import audit_keys
from intake_app.storage.opening import open_store
from intake_app.sync import device, state

from ..factories import make_incident


def forget_cached_keys() -> None:
    """The audit keys this process remembers per store: the tests swap keyrings between stores."""
    audit_keys._cache.clear()
    audit_keys._signers.clear()


PASSPHRASE = "a headless station passphrase"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def no_desktop_keyring(monkeypatch):
    """What a server-room PC or a script's session has: keyring's fail backend."""
    keyring.set_keyring(fail.Keyring())
    forget_cached_keys()
    yield
    forget_cached_keys()


def test_a_passphrase_store_enrolls_and_syncs_without_a_keyring(tmp_path, capsys, server, admin, monkeypatch,
                                                                  no_desktop_keyring):
    monkeypatch.setenv("INTAKE_PASSPHRASE", PASSPHRASE)
    station = tmp_path / "station"
    records = tmp_path / "records.json"
    records.write_text(dumps([make_incident(), make_incident()]), encoding="utf-8")  # district 9
    assert run(capsys, "--data-dir", str(station), "import", str(records))[0] == 0
    code, out, err = run(capsys, "--data-dir", str(station), "enroll", server.base, "--code", admin.code(9))
    assert code == 0, err
    assert "enrolled as device" in out
    code, out, err = run(capsys, "--data-dir", str(station), "sync")
    assert code == 0, err
    assert "sent 2" in out
    store = open_store(station)
    try:
        assert state.read(store, device.TOKEN_IN_STORE) == device.token(store)
    finally:
        store.engine.dispose()


def test_a_keyring_store_keeps_its_token_and_audit_key_in_the_keyring(tmp_path, capsys, server, admin,
                                                                       memory_keyring):
    station = tmp_path / "station"
    code, _out, err = run(capsys, "--data-dir", str(station), "enroll", server.base, "--code", admin.code(9))
    assert code == 0, err
    names = {user for (_service, user) in memory_keyring.items}
    assert any(name.startswith("sync-token-") for name in names)
    assert any(name.startswith("audit-signing-key-") for name in names)
    store = open_store(station)
    try:
        assert state.read(store, device.TOKEN_IN_STORE) == ""
    finally:
        store.engine.dispose()


def test_a_passphrase_store_keeps_them_out_of_a_keyring_that_is_there(tmp_path, capsys, server, admin,
                                                                     memory_keyring, monkeypatch):
    """The same place whatever the machine has: a passphrase store never writes to the keyring."""
    monkeypatch.setenv("INTAKE_PASSPHRASE", PASSPHRASE)
    forget_cached_keys()
    code, _out, err = run(capsys, "--data-dir", str(tmp_path / "s"), "enroll", server.base, "--code", admin.code(9))
    assert code == 0, err
    assert memory_keyring.items == {}


def test_a_passphrase_store_enrolled_before_moves_its_token_from_the_keyring_into_the_store(tmp_path, monkeypatch,
                                                                                            memory_keyring):
    monkeypatch.setenv("INTAKE_PASSPHRASE", PASSPHRASE)
    (tmp_path / "s").mkdir()
    store = open_store(tmp_path / "s")
    try:
        name = f"sync-token-{state.installation_id(store)}"
        memory_keyring.set_password("intake", name, "token-from-before")  # where the earlier version put it
        assert device.token(store) == "token-from-before"
        assert state.read(store, device.TOKEN_IN_STORE) == "token-from-before"
        assert memory_keyring.get_password("intake", name) is None
    finally:
        store.engine.dispose()


def test_a_passphrase_store_keeps_signing_with_the_audit_key_an_earlier_version_put_in_the_keyring(
        tmp_path, monkeypatch, memory_keyring):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    monkeypatch.setenv("INTAKE_PASSPHRASE", PASSPHRASE)
    (tmp_path / "s").mkdir()
    store = open_store(tmp_path / "s")
    try:
        with store.transaction() as session:
            installation = audit_keys.installation_id(session)
        before = Ed25519PrivateKey.generate()
        memory_keyring.set_password("intake", f"audit-signing-key-{installation}", before.private_bytes_raw().hex())
        forget_cached_keys()
        assert device.audit_key(store).private_bytes_raw() == before.private_bytes_raw()
    finally:
        store.engine.dispose()
        forget_cached_keys()
