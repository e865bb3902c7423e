"""Empty screens say what to do: an empty store points to New incident; a search that finds nothing says so; an
empty Conflicts screen says there are none."""

from PySide6.QtWidgets import QLabel

from intake_app.ui.sync.conflicts_screen import ConflictsScreen
from tests.sync_tasks import SyncTaskRunner

from ..factories import make_incident


def test_an_empty_store_points_to_new_incident(qtbot, window):
    window.incidents.refresh()
    assert "New incident (Ctrl+N)" in window.incidents.message.text()


def test_a_search_that_finds_nothing_says_no_incident_matches(qtbot, window, station, actor):
    station.save(make_incident(), actor)
    qtbot.keyClicks(window.incidents.search, "nothing like this")
    qtbot.waitUntil(lambda: window.incidents.message.text() == "No incident matches.", timeout=3000)


def test_an_empty_conflicts_screen_says_there_are_none(qtbot, station, actor):
    screen = ConflictsScreen(station, SyncTaskRunner(), lambda: actor)
    qtbot.addWidget(screen)
    assert any("There are no conflicts" in label.text() for label in screen.findChildren(QLabel))
