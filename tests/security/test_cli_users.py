"""`intake users`: an administrator manages the station's users from a terminal. The core decides who may
(a signed-in administrator), hashes passphrases and rate-limits sign-ins; passphrases never come as arguments."""

import json

import pytest

from intake_app.cli import main
from intake_app.security.users import SignInError, find_user, list_users, sign_in
from intake_app.storage.opening import open_store

ADMIN_PASS = "admin correct horse"
SGT_PASS = "sergeant battery staple"


@pytest.fixture
def as_admin(monkeypatch):
    """The administrator's own passphrase comes from the environment, as in a script."""
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", ADMIN_PASS)


def new_passphrase(monkeypatch, value):
    monkeypatch.setenv("INTAKE_NEW_USER_PASSPHRASE", value)


def looked_up(data_dir, call):
    store = open_store(data_dir)
    try:
        return call(store)
    finally:
        store.engine.dispose()


@pytest.fixture
def station(intake, monkeypatch, data_dir):
    """A station whose first administrator (star 1000) was created with `intake users add`."""
    new_passphrase(monkeypatch, ADMIN_PASS)
    code, out, err = intake("users", "add", "--star", "1000", "--name", "Admin Alvarez", "--role", "administrator")
    assert code == 0, err
    assert "created the administrator Admin Alvarez (star 1000)" in out
    monkeypatch.delenv("INTAKE_NEW_USER_PASSPHRASE")
    return data_dir


def test_the_first_user_of_a_fresh_station_becomes_its_administrator(station):
    [admin] = looked_up(station, list_users)
    assert (admin.star, admin.role, admin.active) == ("1000", "administrator", True)
    assert looked_up(station, lambda s: sign_in(s, "1000", ADMIN_PASS)).role == "administrator"


def test_the_first_user_must_be_an_administrator(intake, monkeypatch, data_dir):
    new_passphrase(monkeypatch, SGT_PASS)
    code, _out, err = intake("users", "add", "--star", "2231", "--name", "Sgt. Maria Test", "--role", "supervisor")
    assert code == 2 and "--role" in err and "administrator" in err
    assert looked_up(data_dir, list_users) == []


def test_an_administrator_adds_a_supervisor_who_can_then_sign_in(station, intake, monkeypatch, as_admin):
    new_passphrase(monkeypatch, SGT_PASS)
    code, out, _err = intake("users", "add", "--as", "1000", "--star", "2231", "--name", "Sgt. Maria Test",
                             "--role", "supervisor")
    assert code == 0 and "added Sgt. Maria Test (star 2231) as supervisor" in out
    assert looked_up(station, lambda s: sign_in(s, "2231", SGT_PASS)).role == "supervisor"


def test_the_list_shows_star_name_role_and_whether_active(station, intake, monkeypatch, as_admin):
    new_passphrase(monkeypatch, SGT_PASS)
    intake("users", "add", "--as", "1000", "--star", "2231", "--name", "Sgt. Maria Test", "--role", "supervisor")
    intake("users", "disable", "--as", "1000", "2231")
    code, out, _err = intake("users", "list", "--as", "1000", "--json")
    assert code == 0
    assert json.loads(out) == [
        {"star": "1000", "name": "Admin Alvarez", "role": "administrator", "active": True},
        {"star": "2231", "name": "Sgt. Maria Test", "role": "supervisor", "active": False},
    ]
    code, out, _err = intake("users", "list", "--as", "1000")
    assert "2231" in out and "disabled" in out and "Sgt. Maria Test" in out


def test_a_wrong_administrator_passphrase_gets_nothing_and_changes_nothing(station, intake, monkeypatch):
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", "not the passphrase")
    new_passphrase(monkeypatch, SGT_PASS)
    code, out, err = intake("users", "add", "--as", "1000", "--star", "2231", "--name", "Sgt. Maria Test",
                            "--role", "supervisor")
    assert code == 2 and "Wrong star number or passphrase" in err
    assert out == ""
    assert looked_up(station, lambda s: find_user(s, "2231")) is None
    code, out, err = intake("users", "list", "--as", "1000")
    assert code == 2 and "Admin Alvarez" not in out


def test_repeated_wrong_passphrases_are_slowed_down_as_in_the_app(station, intake, monkeypatch):
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", "not the passphrase")
    errors = [intake("users", "list", "--as", "1000")[2] for _ in range(3)]
    assert all("Wrong star number or passphrase" in e for e in errors[:2])
    assert "Try again in 30 seconds" in errors[2]
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", ADMIN_PASS)  # even the right one waits now
    code, _out, err = intake("users", "list", "--as", "1000")
    assert code == 2 and "Too many failed sign-ins" in err


def test_a_supervisor_cannot_manage_users(station, intake, monkeypatch, as_admin):
    new_passphrase(monkeypatch, SGT_PASS)
    intake("users", "add", "--as", "1000", "--star", "2231", "--name", "Sgt. Maria Test", "--role", "supervisor")
    monkeypatch.setenv("INTAKE_USER_PASSPHRASE", SGT_PASS)
    new_passphrase(monkeypatch, "a passphrase for a friend")
    code, _out, err = intake("users", "add", "--as", "2231", "--star", "2400", "--name", "Sgt. Friend",
                             "--role", "reviewer")
    assert code == 2 and "only an administrator" in err
    assert looked_up(station, lambda s: find_user(s, "2400")) is None
    code, _out, err = intake("users", "reset-passphrase", "--as", "2231", "1000")
    assert code == 2
    assert looked_up(station, lambda s: sign_in(s, "1000", ADMIN_PASS)).star == "1000"


def test_without_a_star_the_command_says_how_to_give_one(station, intake, as_admin):
    code, _out, err = intake("users", "list")
    assert code == 2 and "--as" in err and "INTAKE_USER" in err


def test_bad_values_exit_2_naming_the_field_and_add_nothing(station, intake, monkeypatch, as_admin):
    new_passphrase(monkeypatch, SGT_PASS)
    code, _out, err = intake("users", "add", "--as", "1000", "--star", "22x1", "--name", "Sgt. Maria Test",
                             "--role", "supervisor")
    assert code == 2 and "star:" in err
    code, _out, err = intake("users", "add", "--as", "1000", "--star", "2231", "--name", "  ", "--role", "supervisor")
    assert code == 2 and "name:" in err
    new_passphrase(monkeypatch, "short")
    code, _out, err = intake("users", "add", "--as", "1000", "--star", "2231", "--name", "Sgt. Maria Test",
                             "--role", "supervisor")
    assert code == 2 and "passphrase: at least 10 characters" in err
    new_passphrase(monkeypatch, SGT_PASS)
    code, _out, err = intake("users", "add", "--as", "1000", "--star", "1000", "--name", "Someone Else",
                             "--role", "reviewer")
    assert code == 2 and "star: a user with star 1000 exists already" in err
    assert [u.star for u in looked_up(station, list_users)] == ["1000"]


def test_a_role_outside_the_three_is_refused_by_name(station, intake, capsys, as_admin):
    with pytest.raises(SystemExit) as stop:
        main(["--data-dir", str(station), "users", "add", "--as", "1000", "--star", "2231", "--name", "X Y",
              "--role", "chief"])
    assert stop.value.code == 2 and "--role" in capsys.readouterr().err


def test_a_passphrase_is_never_accepted_as_an_argument(station, capsys, as_admin):
    with pytest.raises(SystemExit) as stop:
        main(["--data-dir", str(station), "users", "reset-passphrase", "--as", "1000", "1000",
              "--passphrase", "visible in the process list"])
    assert stop.value.code == 2


def test_a_disabled_user_cannot_sign_in_until_enabled_again(station, intake, monkeypatch, as_admin):
    new_passphrase(monkeypatch, SGT_PASS)
    intake("users", "add", "--as", "1000", "--star", "2231", "--name", "Sgt. Maria Test", "--role", "supervisor")
    code, out, _err = intake("users", "disable", "--as", "1000", "2231")
    assert code == 0 and "disabled star 2231" in out
    with pytest.raises(SignInError):
        looked_up(station, lambda s: sign_in(s, "2231", SGT_PASS))
    assert intake("users", "enable", "--as", "1000", "2231")[0] == 0
    assert looked_up(station, lambda s: sign_in(s, "2231", SGT_PASS)).star == "2231"


def test_an_administrator_cannot_disable_themselves_or_an_unknown_star(station, intake, as_admin):
    code, _out, err = intake("users", "disable", "--as", "1000", "1000")
    assert code == 2 and "cannot deactivate yourself" in err
    code, _out, err = intake("users", "disable", "--as", "1000", "9999")
    assert code == 2 and "No user with star 9999" in err


def test_reset_passphrase_typed_twice_replaces_the_old_one(station, intake, monkeypatch, as_admin):
    typed = iter(["a brand new passphrase", "a brand new passphrase"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    code, out, _err = intake("users", "reset-passphrase", "--as", "1000", "1000")
    assert code == 0 and "new passphrase set for star 1000" in out
    assert looked_up(station, lambda s: sign_in(s, "1000", "a brand new passphrase")).star == "1000"
    with pytest.raises(SignInError):
        looked_up(station, lambda s: sign_in(s, "1000", ADMIN_PASS))


def test_two_different_typed_passphrases_change_nothing(station, intake, monkeypatch, as_admin):
    typed = iter(["a brand new passphrase", "a brand new passphrasf"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    code, _out, err = intake("users", "reset-passphrase", "--as", "1000", "1000")
    assert code == 2 and "differ" in err
    assert looked_up(station, lambda s: sign_in(s, "1000", ADMIN_PASS)).star == "1000"


def test_the_administrators_passphrase_is_asked_for_when_not_in_the_environment(station, intake, monkeypatch):
    prompts = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": prompts.append(prompt) or ADMIN_PASS)
    code, out, _err = intake("users", "list", "--as", "1000")
    assert code == 0 and "Admin Alvarez" in out
    assert prompts == ["Passphrase for star 1000: "]


def test_with_nobody_to_type_the_command_names_the_variable_to_set(station, intake, monkeypatch):
    def closed(prompt=""):
        raise EOFError

    monkeypatch.setattr("getpass.getpass", closed)
    code, _out, err = intake("users", "list", "--as", "1000")
    assert code == 2 and "INTAKE_USER_PASSPHRASE" in err
