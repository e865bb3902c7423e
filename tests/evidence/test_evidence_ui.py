"""The supervisor's view of evidence integrity: hashing a file while the app stays usable, the preservation
alerts, and the incident's history."""

import os
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from intake_app.domain.enums import Preservation
from intake_app.domain.preservation import with_deadlines
from intake_app.security.hashing import hash_file
from intake_app.ui.common.tasks import TaskRunner
from intake_app.ui.evidence.hash_progress import HashProgress
from intake_app.ui.incidents.audit_history import HistoryTab
from intake_app.ui.wizard.footage_page import FootageDialog

from ..factories import make_incident


def _footage_dialog_and_video(qtbot, tmp_path, name: str, megabytes: int):
    """The footage dialog of a record's first item, with its own task runner, and a video file of that size."""
    video = tmp_path / name
    video.write_bytes(os.urandom(megabytes * 1024 * 1024))
    runner = TaskRunner()
    dialog = FootageDialog(make_incident().footage[0], 1, "America/Chicago", None, runner)
    qtbot.addWidget(dialog)
    return video, runner, dialog


def test_attaching_a_file_hashes_it_in_the_background_and_stores_the_hash(qtbot, tmp_path):
    video, runner, dialog = _footage_dialog_and_video(qtbot, tmp_path, "bodycam.mp4", 30)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    with qtbot.waitSignal(dialog.hashing.finished, timeout=20_000):
        dialog.file_path.setText(str(video))
        dialog.hashing.start(str(video))
        assert not ok.isEnabled()  # OK waits for the hash
    assert ok.isEnabled() and "MB/s" in dialog.hashing.status.text()
    stored = dialog.result_item()
    expected = hash_file(video)
    assert (stored.sha256, stored.file_size, stored.file_path) == (expected.sha256, expected.size, str(video))
    assert stored.hashed_at is not None and stored.file_mtime == expected.mtime
    runner.shutdown()


def test_cancelling_a_hash_stores_nothing(qtbot, tmp_path):
    video, runner, dialog = _footage_dialog_and_video(qtbot, tmp_path, "incar.mp4", 64)
    dialog.file_path.setText(str(video))
    with qtbot.waitSignal(dialog.hashing.cancelled, timeout=5_000):
        dialog.hashing.start(str(video))
        dialog.hashing.cancel_button.click()
    runner.shutdown()
    qtbot.wait(50)  # any late result from the worker would arrive now; it must be ignored
    assert dialog.hashing.result is None and "no hash stored" in dialog.hashing.status.text()
    assert dialog.result_item().sha256 == ""


def test_progress_shows_megabytes_and_throughput(qtbot):
    widget = HashProgress(TaskRunner())
    qtbot.addWidget(widget)
    widget._flag, widget._started = object(), 0.0  # a hash in flight
    widget._show_progress(3 * 1024**3, 6 * 1024**3)  # beyond a C int: a several-GB file
    assert widget.bar.value() == 500 and "of 6,442 MB" in widget.status.text()


def _footage_due(store, actor, days_ago):
    inc = make_incident()
    inc.footage[0].start = datetime.now(UTC) - timedelta(days=days_ago)
    inc.footage[0].end = inc.footage[0].start + timedelta(minutes=5)
    return store.save(with_deadlines(inc), actor)


def test_the_alerts_screen_lists_the_soonest_deadline_first_and_marks_preserved(window, store, actor, qtbot):
    later = _footage_due(store, actor, 10)
    sooner = _footage_due(store, actor, 85)
    screen = window.preservation_tab.built()
    screen.refresh()
    assert [a.incident_id for a in screen.model.rows] == [sooner.id, later.id]
    assert screen.model.index(0, 1).data() == "4 days" and screen.model.index(0, 2).data() == sooner.report_number
    screen.table.selectRow(0)
    screen.evidence_id.setText("EVD-2026-4242")
    qtbot.mouseClick(screen.preserved_button, Qt.MouseButton.LeftButton)
    assert [a.incident_id for a in screen.model.rows] == [later.id]
    assert store.get(sooner.id).footage[0].preservation_status == Preservation.PRESERVED
    assert store.get(sooner.id).footage[0].evidence_id == "EVD-2026-4242"


def test_marking_requested_keeps_the_item_listed_as_requested(window, store, actor, qtbot):
    _footage_due(store, actor, 30)
    screen = window.preservation_tab.built()
    screen.refresh()
    screen.table.selectRow(0)
    qtbot.mouseClick(screen.requested_button, Qt.MouseButton.LeftButton)
    assert screen.model.index(0, 6).data() == "Requested"


def test_the_history_tab_shows_who_changed_which_field_from_what_to_what(window, store, actor, qtbot):
    from tests.sync_tasks import SyncTaskRunner

    saved = store.save(make_incident(), actor)
    saved.agents[0].vehicle.plate = "ZZ 9999"
    store.save(saved, actor)
    tab = HistoryTab(store, SyncTaskRunner(), saved.id)
    qtbot.addWidget(tab)
    rows = [[tab.model.index(r, c).data() for c in range(7)] for r in range(tab.model.rowCount())]
    assert rows[0][2] == "Created" and rows[0][1] == f"{actor.name} #{actor.star}"
    plate = [r for r in rows if r[3] == "Agent 1, Vehicle plate"]  # numbered as the screens number it
    assert plate and plate[0][2] == "Changed" and plate[0][5] == "ZZ 9999" and plate[0][4] != ""


def test_the_incident_view_has_a_history_tab(window, store, actor):
    saved = store.save(make_incident(), actor)
    window.open_incident(saved.id)
    view = window.tabs.currentWidget()
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "History" in titles


def test_the_alerts_title_counts_every_waiting_item_and_show_more_lists_the_next_ones(window, store, actor, qtbot):
    for days_ago in (95, 60, 30):
        _footage_due(store, actor, days_ago)
    screen = window.preservation_tab.built()
    screen.page_size = 2
    screen.refresh()
    assert screen.model.rowCount() == 2 and screen.model.index(0, 1).data() == "5 days OVERDUE"
    assert screen.status.text() == ("Footage not yet confirmed preserved: 3, soonest deadline first; "
                                    "past the deadline: 1. Listed: the 2 soonest.")
    assert screen.more_button.isVisibleTo(screen)
    qtbot.mouseClick(screen.more_button, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 3 and not screen.more_button.isVisibleTo(screen)
    assert screen.status.text().endswith("past the deadline: 1.")


def test_marks_made_on_the_alerts_screen_show_in_the_incident_history_with_who_made_them(window, store, actor, qtbot):
    from tests.sync_tasks import SyncTaskRunner

    due = _footage_due(store, actor, 80)
    screen = window.preservation_tab.built()
    screen.refresh()
    screen.table.selectRow(0)
    qtbot.mouseClick(screen.requested_button, Qt.MouseButton.LeftButton)
    screen.table.selectRow(0)
    screen.evidence_id.setText("EVD-2026-4243")
    qtbot.mouseClick(screen.preserved_button, Qt.MouseButton.LeftButton)
    tab = HistoryTab(store, SyncTaskRunner(), due.id)
    qtbot.addWidget(tab)
    rows = [[tab.model.index(r, c).data() for c in range(7)] for r in range(tab.model.rowCount())]
    changes = [(r[1], r[3], r[5]) for r in rows if r[2] == "Changed"]
    who = f"{window.actor().name} #{window.actor().star}"
    # In words, numbered as the screens number footage (from 1).
    assert (who, "Footage 1, Preservation", "Requested") in changes
    assert (who, "Footage 1, Preservation", "Preserved") in changes
    assert (who, "Footage 1, Evidence ID", "EVD-2026-4243") in changes


def test_a_retention_set_in_settings_moves_the_listed_deadlines_at_once(window, store, actor, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    due = _footage_due(store, actor, 20)
    dialog = window.open_settings()
    assert dialog.retention.value() == 90
    dialog.retention.setValue(30)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert store.settings().retention_days == 30
    window.tabs.setCurrentWidget(window.preservation_tab)  # shown: built and read; no Refresh needed
    screen = window.preservation_tab.content
    qtbot.waitUntil(lambda: len(screen.model.rows) == 1)  # it reads the alerts as it is shown
    [alert] = screen.model.rows
    assert alert.deadline == due.footage[0].start + timedelta(days=30)
    assert screen.model.index(0, 1).data() == "9 days"


def test_the_alerts_screen_is_built_when_its_tab_is_first_shown(window, store, actor, qtbot):
    """The main window's first paint does not wait for a tab nobody has opened yet."""
    due = _footage_due(store, actor, 85)
    assert window.preservation_tab.content is None
    window.tabs.setCurrentWidget(window.preservation_tab)
    screen = window.preservation_tab.content
    assert screen is not None
    qtbot.waitUntil(lambda: [a.incident_id for a in screen.model.rows] == [due.id])  # read as it is shown
