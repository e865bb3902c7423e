"""The lieutenant's review queue reads as an inbox: who submitted what and when, felony or not, how long it has
waited, how many wait (on the tab); the record is read beside the buttons; nothing acts on a row that is not
visibly selected; approving is signing, with the passphrase typed again and what is attested shown."""

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QItemSelectionModel

from intake_app.domain.enums import Status
from intake_app.ui.review.review_queue import age_text

from .test_review_story import LT_PASS, signed_in_window, submitted_by_sergeant


def queue_of_lieutenant(qtbot, store, data_dir):
    window = signed_in_window(qtbot, store, data_dir, "3100", LT_PASS)
    return window, window.review_queue


def row_texts(queue, row):
    return [queue.items.item(row, c).text() for c in range(queue.items.columnCount())]


def test_the_inbox_says_who_submitted_when_felony_and_waiting_time_and_the_tab_counts(qtbot, store, data_dir):
    summary = submitted_by_sergeant(qtbot, store, data_dir)
    window, queue = queue_of_lieutenant(qtbot, store, data_dir)
    texts = row_texts(queue, 0)
    assert texts[0] == summary.report_number and texts[1] == "In review"
    assert texts[2] == "Sgt. Maria Test" and texts[3] != "" and texts[4] == "0 min"
    assert texts[5] in ("Felony", "No")
    assert window.tabs.tabText(window.tabs.indexOf(queue)) == "Review &queue (1)"


def test_waiting_time_is_said_in_the_largest_whole_unit():
    now = datetime(2026, 12, 6, 12, tzinfo=UTC)
    assert [age_text(now - timedelta(minutes=m), now) for m in (5, 90, 60 * 50)] == ["5 min", "1 h", "2 d"]


def test_the_selected_record_is_read_beside_the_buttons(qtbot, store, data_dir):
    submitted_by_sergeant(qtbot, store, data_dir)
    _window, queue = queue_of_lieutenant(qtbot, store, data_dir)
    assert queue.summary.toPlainText() == ""
    queue.items.selectRow(0)
    assert "Two masked agents detained a man" in queue.summary.toPlainText()


def test_approve_and_return_do_nothing_on_a_current_row_that_is_not_selected(qtbot, store, data_dir):
    summary = submitted_by_sergeant(qtbot, store, data_dir)
    _window, queue = queue_of_lieutenant(qtbot, store, data_dir)
    queue.items.selectionModel().setCurrentIndex(queue.items.model().index(0, 0),
                                                 QItemSelectionModel.SelectionFlag.NoUpdate)
    assert queue.items.currentRow() == 0 and queue.selected_id() is None
    assert not queue.approve_button.isEnabled() and not queue.return_button.isEnabled()
    assert queue.approve() is None
    assert store.get(summary.id).status == Status.IN_REVIEW


def test_approving_shows_what_is_attested_and_needs_the_passphrase_again(qtbot, store, data_dir):
    summary = submitted_by_sergeant(qtbot, store, data_dir)
    _window, queue = queue_of_lieutenant(qtbot, store, data_dir)
    queue.items.selectRow(0)
    dialog = queue.approve()
    attested = dialog.attested.toPlainText()
    assert "Lt. Ray Review, star 3100" in attested and "Sgt. Maria Test, star 2231" in attested
    assert "Footage 1 (Body-worn camera BWC-1001): " in attested
    qtbot.keyClicks(dialog.passphrase, "not my passphrase")
    dialog.sign()
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    assert dialog.isVisible() and "Wrong" in dialog.message.text()
    assert store.get(summary.id).status == Status.IN_REVIEW
    qtbot.keyClicks(dialog.passphrase, LT_PASS)
    dialog.sign()
    qtbot.waitUntil(lambda: not dialog.checking, timeout=5000)
    assert store.get(summary.id).status == Status.APPROVED
    assert f"{summary.report_number} is now Approved." == queue.message.text()
