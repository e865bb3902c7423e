"""No lost station: a station enrolled with a server that publishes the headquarters recovery key wraps its
store's key to it; when the passphrase is forgotten (or the keyring lost), headquarters' recovery key, or
enough of its Shamir shares, opens the store again with a new key, and every record is still there."""

from __future__ import annotations

import json

import pytest

from intake_app.cli import main
from intake_app.security import recovery
from intake_app.storage.errors import StoreOpenError
from intake_app.storage.opening import open_store
from intake_app.sync import device

from ..factories import make_incident
from .sealed_server import LoggedServer, drop_database, enrollment_code, own_database

OLD = "the passphrase we forgot"
NEW = "a brand new passphrase"


@pytest.fixture
def headquarters(tmp_path, capsys):
    """The recovery key made with `intake recovery-key create` (five shares, any three open it), and a
    server that publishes its public half."""
    keys = tmp_path / "recovery-key"
    assert main(["recovery-key", "create", "--out", str(keys), "--shares", "5", "--threshold", "3"]) == 0
    capsys.readouterr()
    public = (keys / "recovery-public.txt").read_text().strip()
    name, url = own_database()
    server = LoggedServer(url, tmp_path / "server.log", {"INTAKE_SERVER_RECOVERY_PUBLIC_KEY": public}).start()
    yield {"keys": keys, "server": server, "url": url}
    server.stop()
    drop_database(name)


def _station(tmp_path, headquarters, monkeypatch, *, passphrase: str | None = OLD):
    folder = tmp_path / "station"
    folder.mkdir()
    if passphrase:
        monkeypatch.setenv("INTAKE_PASSPHRASE", passphrase)
    store = open_store(folder)
    device.enroll(store, headquarters["server"].base, enrollment_code(headquarters["url"], district=9))
    saved = [store.save(make_incident(), _actor()) for _ in range(3)]
    store.engine.dispose()
    monkeypatch.delenv("INTAKE_PASSPHRASE", raising=False)
    return folder, saved


def _actor():
    from intake_app.domain.actor import Actor

    return Actor("Sgt. Maria Test", "2231")


def _shares(headquarters, tmp_path, *numbers) -> str:
    path = tmp_path / "three-shares.txt"
    path.write_text("\n".join((headquarters["keys"] / f"recovery-share-{n}.txt").read_text().strip() for n in numbers))
    return str(path)


def test_enrolling_wraps_the_store_key_to_the_published_recovery_key(tmp_path, headquarters, monkeypatch):
    folder, _ = _station(tmp_path, headquarters, monkeypatch)
    wrapped = json.loads((folder / recovery.RECOVERY_FILE).read_text())
    assert wrapped["format"] == recovery.FORMAT and set(wrapped) >= {"kid", "epk", "nonce", "wrapped"}
    assert OLD not in (folder / recovery.RECOVERY_FILE).read_text()


def test_a_forgotten_passphrase_is_recovered_with_three_shares_and_nothing_is_lost(tmp_path, headquarters,
                                                                                  monkeypatch, capsys):
    folder, saved = _station(tmp_path, headquarters, monkeypatch)
    monkeypatch.setenv("INTAKE_NEW_PASSPHRASE", NEW)

    code = main(["--data-dir", str(folder), "recover", "--key-file", _shares(headquarters, tmp_path, 1, 3, 5)])

    assert code == 0, capsys.readouterr().err
    monkeypatch.setenv("INTAKE_PASSPHRASE", NEW)
    assert main(["--data-dir", str(folder), "verify"]) == 0
    store = open_store(folder)
    try:
        assert sorted(i.id for i in store.all()) == sorted(i.id for i in saved)
        assert [store.get(i.id).narrative for i in saved] == [i.narrative for i in saved]
    finally:
        store.engine.dispose()
    with pytest.raises(StoreOpenError):
        open_store(folder, passphrase=OLD)


def test_two_shares_are_not_enough_and_change_nothing(tmp_path, headquarters, monkeypatch, capsys):
    folder, saved = _station(tmp_path, headquarters, monkeypatch)
    monkeypatch.setenv("INTAKE_NEW_PASSPHRASE", NEW)

    code = main(["--data-dir", str(folder), "recover", "--key-file", _shares(headquarters, tmp_path, 2, 4)])

    assert code == 2
    assert "shares" in capsys.readouterr().err
    store = open_store(folder, passphrase=OLD)  # still the old key
    assert store.count() == len(saved)
    store.engine.dispose()


def test_another_recovery_key_does_not_open_the_station(tmp_path, headquarters, monkeypatch, capsys):
    folder, _ = _station(tmp_path, headquarters, monkeypatch)
    other = tmp_path / "other.txt"
    other.write_text(recovery.create_recovery_key().private_hex)
    monkeypatch.setenv("INTAKE_NEW_PASSPHRASE", NEW)

    assert main(["--data-dir", str(folder), "recover", "--key-file", str(other)]) == 2
    assert "not the recovery key" in capsys.readouterr().err
    open_store(folder, passphrase=OLD).engine.dispose()


def test_a_lost_keyring_is_recovered_into_a_new_keyring_key(tmp_path, headquarters, monkeypatch):
    folder, saved = _station(tmp_path, headquarters, monkeypatch, passphrase=None)
    from intake_app.storage.database_key import read_store_info
    from intake_app.storage.secrets import delete_secret

    delete_secret(read_store_info(folder).keyring_name)  # the keyring is lost
    with pytest.raises(StoreOpenError):
        open_store(folder)
    private = tmp_path / "private.txt"
    private.write_text("\n".join((headquarters["keys"] / f"recovery-share-{n}.txt").read_text() for n in (1, 2, 3)))

    assert main(["--data-dir", str(folder), "recover", "--key-file", str(private)]) == 0

    store = open_store(folder)
    try:
        assert store.count() == len(saved)
    finally:
        store.engine.dispose()
    assert main(["--data-dir", str(folder), "verify"]) == 0

