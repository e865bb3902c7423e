"""A supervisor closes an incident's tab (or a change elsewhere replaces it) while the database worker is still
busy, e.g. with a sync pull: the answers meant for the closed view arrive later and are dropped, never a crash
dialog."""

import threading

import pytest
import shiboken6

from intake_app.ui.common.tasks import TaskRunner
from intake_app.ui.incidents.audit_history import HistoryTab

from ..factories import make_incident


def hold_worker(runner, release: threading.Event) -> None:
    runner.run(lambda: release.wait(10))


@pytest.fixture
def busy_runner(qapp):
    """The app's own task runner, its database worker held busy until the test lets it go."""
    runner, release = TaskRunner(), threading.Event()
    hold_worker(runner, release)
    yield runner, release
    release.set()
    runner.shutdown()


def test_the_history_read_for_a_closed_tab_is_dropped(qtbot, store, actor, busy_runner):
    runner, release = busy_runner
    saved = store.save(make_incident(), actor)
    tab = HistoryTab(store, runner, saved.id)  # its read waits behind the busy worker
    shiboken6.delete(tab)  # the tab is closed before the history is read
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)  # answered, with no error in the event loop



def test_the_links_read_for_a_closed_tab_is_dropped(qtbot, store, actor, busy_runner):
    from intake_app.ui.links.links_tab import LinksTab

    runner, release = busy_runner
    saved = store.save(make_incident(), actor)
    tab = LinksTab(store, runner, saved.id, lambda: actor)  # its read of the links waits behind the busy worker
    shiboken6.delete(tab)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)  # answered, with no error in the event loop
