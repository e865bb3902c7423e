"""Start-up speed: the store is opened on a thread of its own. After the first look it waits until
the app says go on (its first screen is painted) or until the store is used, whichever comes first; the app
works with a stand-in for the store meanwhile, which must behave as the store itself."""

from __future__ import annotations

import pytest

from intake_app.security import users
from intake_app.storage.background_opening import BackgroundOpening, PendingStore
from intake_app.storage.errors import StoreOpenError
from intake_app.storage.opening import open_store
from tests.factories import make_incident

PASSPHRASE = "background opening passphrase"
WAIT = 30  # seconds: far more than an opening takes; a hang fails the test instead of blocking the run


@pytest.fixture
def stored(data_dir, actor):
    store = open_store(data_dir, passphrase=PASSPHRASE)
    for _ in range(3):
        store.save(make_incident(), actor)
    store.engine.dispose()
    return data_dir


def test_after_the_look_the_full_opening_waits_for_the_first_screen(stored):
    opening = BackgroundOpening(stored, PASSPHRASE)
    try:
        assert len(opening.looked.result(timeout=WAIT).page.result(timeout=WAIT)) == 3
        assert not opening.opened.done()
        opening.go_on()
        assert opening.opened.result(timeout=WAIT).count() == 3
    finally:
        opening.close()


def test_using_the_store_lets_the_opening_go_on(stored):
    opening = BackgroundOpening(stored, PASSPHRASE)
    try:
        opening.looked.result(timeout=WAIT)
        assert PendingStore(opening).count() == 3  # nobody called go_on(): the use itself does
    finally:
        opening.close()


def test_a_stand_in_and_the_store_share_who_signed_in(stored):
    opening = BackgroundOpening(stored, PASSPHRASE)
    try:
        pending = PendingStore(opening)
        users.create_first_administrator(pending, "1001", "Lt. Admin", "a long enough passphrase")
        users.sign_in(pending, "1001", "a long enough passphrase")
        assert users.is_signed_in(opening.opened.result(), "1001")
    finally:
        opening.close()


def test_closing_before_anyone_used_the_store_skips_the_full_opening(stored):
    opening = BackgroundOpening(stored, PASSPHRASE)
    opening.looked.result(timeout=WAIT)
    opening.close()
    assert opening.opened.cancelled()


def test_without_a_look_the_store_is_opened_in_full_at_once(data_dir):
    opening = BackgroundOpening(data_dir, None)  # a new store: created, its key in the (test's) keyring
    try:
        assert opening.looked.result(timeout=WAIT) is None
        assert opening.opened.result(timeout=WAIT).count() == 0
    finally:
        opening.close()


def test_a_wrong_passphrase_comes_back_as_the_full_openings_error(stored):
    opening = BackgroundOpening(stored, "not the passphrase at all")
    try:
        assert opening.looked.result(timeout=WAIT) is None
        with pytest.raises(StoreOpenError) as raised:
            opening.opened.result(timeout=WAIT)
        assert raised.value.reason == StoreOpenError.WRONG_KEY
    finally:
        opening.close()
