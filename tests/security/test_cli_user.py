"""The CLI acts as a signed-in user once the station has users (INTAKE_USER + INTAKE_USER_PASSPHRASE);
a fresh store works without users as before."""

from intake_app.cli import main
from intake_app.domain.interchange import dumps
from intake_app.domain.roles import REVIEWER, SUPERVISOR
from intake_app.security.users import add_user, create_first_administrator, sign_in
from intake_app.storage.opening import open_store
from tests.factories import make_incident


def station_with_users(data_dir):
    store = open_store(data_dir)
    create_first_administrator(store, "1000", "Admin Alvarez", "admin correct horse")
    admin = sign_in(store, "1000", "admin correct horse")
    add_user(store, admin, "2231", "Sgt. Maria Test", SUPERVISOR, "sergeant battery staple")
    add_user(store, admin, "3100", "Lt. Ray Review", REVIEWER, "lieutenant blue river")
    store.engine.dispose()


def test_a_fresh_store_imports_without_users(data_dir, tmp_path, capsys):
    f = tmp_path / "one.json"
    f.write_text(dumps(make_incident()))
    assert main(["--data-dir", str(data_dir), "import", str(f)]) == 0


def test_with_users_the_cli_needs_a_star_and_the_right_passphrase(data_dir, tmp_path, capsys, monkeypatch):
    station_with_users(data_dir)
    f = tmp_path / "one.json"
    f.write_text(dumps(make_incident()))
    args = ["--data-dir", str(data_dir), "import", str(f)]
    assert main(args) == 2
    assert "INTAKE_USER" in capsys.readouterr().err
    monkeypatch.setenv("INTAKE_USER", "2231")
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", "not the passphrase")
    assert main(args) == 2
    assert "Wrong star number or passphrase" in capsys.readouterr().err
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", "sergeant battery staple")
    assert main(args) == 0
    store = open_store(data_dir)
    try:
        assert store.count() == 1
    finally:
        store.engine.dispose()
