"""The supervisor's view of sync: the status bar, Sync now, and the conflicts screen with both versions."""

from __future__ import annotations

import pytest

from intake_app.domain.actor import Actor
from intake_app.sync import conflicts, state
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .conftest import a_draft_deleted_on_a_before_b_pulls_it, edited_on_both, restore_backup_without

ACTOR = Actor("Sgt. Maria Test", "2231")


@pytest.fixture
def window_for(qtbot, data_dir):
    from intake_app.ui.shell.main_window import MainWindow
    from tests.sync_tasks import SyncTaskRunner

    def make(store):
        w = MainWindow(store, SyncTaskRunner(), data_dir=data_dir)
        w.sync_controller.timer.stop()
        qtbot.addWidget(w)
        return w

    return make


def test_sync_now_sends_pending_changes_and_the_status_bar_says_so(make_device, window_for):
    store = make_device("a", district=9)
    store.save(make_incident(), ACTOR)
    window = window_for(store)
    assert "1 change(s) to send" in window.sync_controller.label.text()
    window.sync_controller.sync_now()
    text = window.sync_controller.label.text()
    assert "0 change(s) to send" in text and "Last sync: 20" in text


def test_an_unreachable_server_is_said_in_plain_words(make_device, window_for):
    store = make_device("a", district=9)
    store.save(make_incident(), ACTOR)
    state.write(store, server_url="http://127.0.0.1:9")
    window = window_for(store)
    window.show()  # automatic syncs run for an open window only
    window.sync_controller.sync_now(quiet=True)
    text = window.sync_controller.label.text()
    assert "1 change(s) to send" in text and "Cannot reach the server" in text


def test_the_conflicts_screen_shows_both_versions_and_keeps_mine(make_device, window_for, qtbot):
    a, b, original = edited_on_both(make_device, "Station A's account.", "Station B's account.")

    window = window_for(b)
    window.show()
    assert "1 conflict(s) to resolve" in window.sync_controller.label.text()
    screen = window.sync_controller.open_conflicts()
    assert "Station B's account." in screen.mine.toPlainText()
    assert "Station A's account." in screen.theirs.toPlainText()
    assert screen.differences.text() == "Different: narrative"
    window.grab().save("/tmp/sync_conflicts.png")
    screen.keep.click()
    assert conflicts.conflicts(b) == [] and screen.list.count() == 0
    assert sync_once(b).ok
    assert sync_once(a).ok and a.get(original.id).narrative == "Station B's account."


def test_a_conflict_with_a_deletion_says_so_and_taking_theirs_deletes_the_draft(make_device, window_for, qtbot):
    _a, b, draft = a_draft_deleted_on_a_before_b_pulls_it(make_device)
    mine = b.get(draft.id)
    mine.narrative = "Station B kept writing."
    b.save(mine, ACTOR)
    sync_once(b)

    window = window_for(b)
    window.show()
    screen = window.sync_controller.open_conflicts()
    assert "deleted on another device" in screen.list.item(0).text()
    assert screen.differences.text().startswith("Another device deleted this draft")
    assert "Station B kept writing." in screen.mine.toPlainText()
    window.grab().save("/tmp/sync_conflict_deleted.png")
    screen.take.click()
    qtbot.waitUntil(lambda: screen.list.count() == 0)
    assert b.find(draft.id) is None and conflicts.conflicts(b) == []


def test_after_the_server_was_restored_from_a_backup_the_status_bar_says_what_was_sent_again(make_device, window_for,
                                                                                           admin):
    store = make_device("a", district=9)
    inc = store.save(make_incident(), ACTOR)
    assert sync_once(store).ok
    inc.narrative = "Edited after the backup."
    store.save(inc, ACTOR)
    assert sync_once(store).ok
    restore_backup_without(admin, inc.id, newer_than=1)
    window = window_for(store)

    window.sync_controller.sync_now()

    assert "Server restored from backup: re-sent 1 records" in window.sync_controller.label.text()
