"""At headquarters, a record received with its reporting party sealed: a privacy officer whose key it was
sealed to sees the party in the incident view (and the reading is audited); another user sees "sealed";
neither can edit the copy shown over the record."""

from datetime import UTC, datetime

import pytest

from intake_app.domain.interchange import from_dict, to_dict
from intake_app.domain.roles import REVIEWER
from intake_app.security import sealing, user_keys
from intake_app.security.audit import entries_for
from intake_app.security.users import add_user, create_first_administrator, sign_in
from intake_app.sync.apply_step import apply_remote
from intake_app.sync.sealing_step import OPENED_ACTION

from ..factories import make_incident
from .test_review_story import signed_in_window

OFFICER, CLERK = ("3100", "privacy officer passphrase"), ("3200", "headquarters clerk phrase")


@pytest.fixture
def received(store):
    create_first_administrator(store, "1000", "Admin Alvarez", "admin correct horse")
    admin = sign_in(store, "1000", "admin correct horse")
    add_user(store, admin, OFFICER[0], "Privacy Officer", REVIEWER, OFFICER[1])
    add_user(store, admin, CLERK[0], "HQ Clerk", REVIEWER, CLERK[1])
    sign_in(store, *OFFICER)  # makes the officer's key pair, which headquarters publishes
    inc = make_incident()
    inc.version, inc.created_at, inc.updated_at = 1, datetime.now(UTC), datetime.now(UTC)
    sealed = sealing.seal_record(to_dict(inc), [sealing.parse_public(user_keys.public_key(store, OFFICER[0]))])
    apply_remote(store, [from_dict(sealed)])
    return inc.id


def test_a_privacy_officer_sees_the_sealed_party_and_the_reading_is_audited(qtbot, store, data_dir, received):
    window = signed_in_window(qtbot, store, data_dir, *OFFICER)
    window.open_incident(received)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is not None and hasattr(window.tabs.currentWidget(), "summary"))
    view = window.tabs.currentWidget()
    assert "Test Reporter" in view.summary.toPlainText()
    assert not view.edit_button.isEnabled()
    assert [e.actor_star for e in entries_for(store, received) if e.action == OPENED_ACTION] == [OFFICER[0]]
    assert store.get(received).reporting_party.name == ""  # the store keeps it sealed


def test_a_user_without_a_key_sees_sealed(qtbot, store, data_dir, received):
    window = signed_in_window(qtbot, store, data_dir, *CLERK)
    window.open_incident(received)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is not None and hasattr(window.tabs.currentWidget(), "summary"))
    view = window.tabs.currentWidget()
    shown = view.summary.toPlainText()
    assert "Test Reporter" not in shown and "312-555-0100" not in shown
    assert "sealed" in shown
    assert not view.edit_button.isEnabled()
    assert not [e for e in entries_for(store, received) if e.action == OPENED_ACTION]
