"""Station administration in the app: a new user's passphrase is typed twice, an administrator resets a forgotten
passphrase, and the idle-lock time is the station's (in the store, audited), not one OS user's setting."""

import pytest

from intake_app.security.session import Session
from intake_app.security.station import idle_lock_minutes, set_idle_lock_minutes
from intake_app.security.users import SignInError, sign_in
from intake_app.ui.security.security_feature import install_signed_in
from intake_app.ui.security.users_dialog import UsersDialog
from intake_app.ui.shell.main_window import MainWindow
from tests.sync_tasks import SyncTaskRunner

from ..people import add_people
from ..security.test_user_audit import station_entries


@pytest.fixture
def dialog(qtbot, store):
    people = add_people(store)
    d = UsersDialog(store, people["admin"], runner=SyncTaskRunner())
    qtbot.addWidget(d)
    return d


def test_a_new_users_passphrase_must_be_typed_twice_alike(qtbot, dialog, store):
    qtbot.keyClicks(dialog.star, "2400")
    qtbot.keyClicks(dialog.name, "Sgt. Other Shift")
    qtbot.keyClicks(dialog.passphrase, "other shift passphrase")
    qtbot.keyClicks(dialog.repeat, "other shift passfrase")
    dialog.add()
    assert "differ" in dialog.message.text() and dialog.star.text() == "2400"
    with pytest.raises(SignInError):
        sign_in(store, "2400", "other shift passphrase")
    qtbot.keyClicks(dialog.repeat, "other shift passphrase")
    dialog.add()
    assert sign_in(store, "2400", "other shift passphrase").name == "Sgt. Other Shift"


def test_an_administrator_resets_a_forgotten_passphrase_and_it_is_audited(qtbot, dialog, store):
    row = next(i for i, u in enumerate(dialog._all) if u.star == "3100")
    dialog.users.setCurrentRow(row)
    qtbot.keyClicks(dialog.passphrase, "a brand new lieutenant phrase")
    qtbot.keyClicks(dialog.repeat, "a brand new lieutenant phrase")
    dialog.reset_passphrase()
    assert "New passphrase set for Lt. Ray Review" in dialog.message.text()
    assert sign_in(store, "3100", "a brand new lieutenant phrase").star == "3100"
    assert ("user_passphrase_reset", "1000", "star 3100") in station_entries(store)


def test_the_idle_lock_time_is_kept_in_the_store_audited_and_used_by_the_next_window(qtbot, dialog, store, data_dir):
    dialog.idle.setValue(5)
    assert idle_lock_minutes(store) == 5
    assert any(action == "station_settings" and "5 min" in detail for action, _star, detail in station_entries(store))
    window = MainWindow(store, SyncTaskRunner(), data_dir=data_dir,
                        session=Session(sign_in(store, "2231", "sergeant battery staple")))
    qtbot.addWidget(window)
    lock = install_signed_in(window)
    assert lock.timer.interval() == 5 * 60_000


def test_only_an_administrator_sets_the_idle_lock_time(store):
    people = add_people(store)
    with pytest.raises(PermissionError):
        set_idle_lock_minutes(store, people["sgt"], 1)
    assert idle_lock_minutes(store) == 10
