"""Signing in: scrypt hashes, a wrong passphrase gets nothing, failed attempts slow the next try down."""

from datetime import UTC, datetime, timedelta

import pytest

from intake_app.domain.actor import Actor
from intake_app.domain.enums import Status
from intake_app.security.users import (
    SignInError,
    SignInLocked,
    check_passphrase,
    create_first_administrator,
    has_users,
    list_users,
    sign_in,
)
from intake_app.storage.opening import open_store
from tests.factories import make_incident

from .conftest import SGT_PASS


def test_a_fresh_station_has_no_users_and_creates_its_first_administrator_once(store):
    assert not has_users(store)
    create_first_administrator(store, "1000", "Admin Alvarez", "long enough passphrase")
    assert [u.role for u in list_users(store)] == ["administrator"]
    with pytest.raises(PermissionError):
        create_first_administrator(store, "1001", "Someone Else", "another long passphrase")


def test_the_right_passphrase_signs_in_with_the_role_from_the_users_table(store, people):
    actor = sign_in(store, "2231", SGT_PASS)
    assert (actor.name, actor.star, actor.role) == ("Sgt. Maria Test", "2231", "supervisor")


def test_a_wrong_passphrase_gets_nothing(store, people):
    with pytest.raises(SignInError) as err:
        sign_in(store, "2231", "not the passphrase")
    assert "Sgt" not in str(err.value) and "supervisor" not in str(err.value)


def test_an_unknown_star_gets_the_same_answer_as_a_wrong_passphrase(store, people):
    with pytest.raises(SignInError) as unknown:
        sign_in(store, "9999", SGT_PASS)
    with pytest.raises(SignInError) as wrong:
        sign_in(store, "3100", "wrong wrong wrong")
    assert str(unknown.value) == str(wrong.value)


def test_after_three_failures_even_the_right_passphrase_waits_and_the_delay_doubles(store, people):
    t0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    for _ in range(2):
        with pytest.raises(SignInError):
            check_passphrase(store, "2231", "bad guess 123", now=t0)
    with pytest.raises(SignInLocked) as third:
        check_passphrase(store, "2231", "bad guess 123", now=t0)
    assert third.value.seconds == 30
    with pytest.raises(SignInLocked):
        check_passphrase(store, "2231", SGT_PASS, now=t0 + timedelta(seconds=10))
    with pytest.raises(SignInLocked) as fourth:
        check_passphrase(store, "2231", "bad guess 123", now=t0 + timedelta(seconds=31))
    assert fourth.value.seconds == 60
    assert check_passphrase(store, "2231", SGT_PASS, now=t0 + timedelta(seconds=92)).star == "2231"


def test_the_delay_survives_closing_and_reopening_the_store(data_dir, store, people):
    t0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    for _ in range(3):
        with pytest.raises(SignInError):
            check_passphrase(store, "2231", "bad guess 123", now=t0)
    store.engine.dispose()
    reopened = open_store(data_dir)
    try:
        with pytest.raises(SignInLocked):
            check_passphrase(reopened, "2231", SGT_PASS, now=t0 + timedelta(seconds=5))
    finally:
        reopened.engine.dispose()


def test_an_actor_built_by_hand_with_a_reviewers_star_has_no_rights(store, people):
    saved = store.save(make_incident(), people["sgt"])
    store.change_status(saved.id, Status.IN_REVIEW, people["sgt"])
    forged = Actor("Lt. Ana Second", "3200", "reviewer")  # a real reviewer, but not signed in here
    with pytest.raises(PermissionError):
        store.change_status(saved.id, Status.APPROVED, forged)
    assert store.get(saved.id).status == Status.IN_REVIEW
