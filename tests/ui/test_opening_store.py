"""Start-up speed: the store is opened on a thread of its own (intake_app/ui/shell/startup.py). After the first
look it waits until the app's first screen is painted or until the store is asked for, whichever comes first;
meanwhile the window and what it builds before its first paint hold the opening (a StoreHandle) and ask for the
store only on the database worker, behind the worker's first task, which waits for the opening."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, wait

import pytest
import shiboken6

from intake_app.domain.actor import Actor
from intake_app.domain.roles import REVIEWER
from intake_app.security.session import Session
from intake_app.storage.errors import StoreOpenError
from intake_app.storage.opening import open_store
from intake_app.ui.common.tasks import TaskRunner
from intake_app.ui.security.security_feature import install_signed_in
from intake_app.ui.shell.main_window import MainWindow
from intake_app.ui.shell.startup import OpeningStore, OpenStore, store_handle
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
    opening = OpeningStore(stored, PASSPHRASE)
    try:
        assert len(opening.looked.result(timeout=WAIT).page.result(timeout=WAIT)) == 3
        assert not opening.opened.done()
        opening.first_screen_shown()
        assert opening.opened.result(timeout=WAIT).count() == 3
    finally:
        opening.close()


def test_using_the_store_lets_the_opening_go_on(stored):
    opening = OpeningStore(stored, PASSPHRASE)
    try:
        opening.looked.result(timeout=WAIT)
        assert opening.store.count() == 3  # the first screen was never shown: asking itself lets it go on
    finally:
        opening.close()


def test_a_store_already_open_is_its_own_handles_store(store):
    handle = store_handle(store)
    assert isinstance(handle, OpenStore) and handle.store is store
    assert store_handle(handle) is handle  # a handle is kept as it is, not wrapped again


def test_the_window_is_built_and_shown_before_the_store_is_open_and_counts_once_it_is(qtbot, stored, actor):
    """Everything the first window builds before its paint (the list, the features, the idle lock, a
    reviewer's queue) asks for the store on the database worker only: the window is built and shown without
    the opening going on (asking for the store on the GUI thread would have let it go on, and waited for it).
    Once the first screen is shown, the worker's tasks, queued behind its wait, find the store open."""
    opening = OpeningStore(stored, PASSPHRASE)
    runner = TaskRunner()
    window = None
    try:
        look = opening.look()
        assert look is not None
        runner.run(opening.wait)  # the app's first task (ui/shell/app.py)
        reviewer = Actor("Lt. Reviewer", "1002", REVIEWER)
        window = MainWindow(opening, runner, data_dir=stored, settings=look.settings, first_page=opening.first_page,
                            session=Session(reviewer))
        install_signed_in(window)
        painted: list[bool] = []
        window.when_on_screen(lambda: painted.append(True))
        window.show()
        window.offer_autosaves()
        qtbot.waitUntil(lambda: bool(painted), timeout=WAIT * 1000)  # what waits for the paint has run too
        assert window.incidents.model.rowCount() == 3  # the first look's page
        assert window.count_label.text() == ""  # asked of the worker, which waits for the opening
        qtbot.wait(200)
        assert not opening.opened.done()  # nobody asked for the store on the GUI thread
        opening.first_screen_shown()
        qtbot.waitUntil(lambda: "3" in window.count_label.text(), timeout=WAIT * 1000)
        assert window.store is opening.opened.result()
    finally:
        if window is not None:
            window.close()
        runner.shutdown(wait=True)
        if window is not None:
            shiboken6.delete(window)  # as the app's close_down: its idle lock stops with it
        opening.close()


def test_closing_before_anyone_used_the_store_skips_the_full_opening(stored):
    opening = OpeningStore(stored, PASSPHRASE)
    opening.looked.result(timeout=WAIT)
    opening.close()
    assert opening.opened.cancelled()


def test_without_a_look_the_store_is_opened_in_full_at_once(data_dir):
    opening = OpeningStore(data_dir, None)  # a new store: created, its key in the (test's) keyring
    try:
        assert opening.looked.result(timeout=WAIT) is None
        assert opening.opened.result(timeout=WAIT).count() == 0
    finally:
        opening.close()


def test_a_wrong_passphrase_comes_back_as_the_full_openings_error(stored):
    opening = OpeningStore(stored, "not the passphrase at all")
    try:
        assert opening.looked.result(timeout=WAIT) is None
        with pytest.raises(StoreOpenError) as raised:
            opening.opened.result(timeout=WAIT)
        assert raised.value.reason == StoreOpenError.WRONG_KEY
    finally:
        opening.close()


def test_the_first_page_is_the_looks_page(stored):
    opening = OpeningStore(stored, PASSPHRASE)
    try:
        assert len(opening.first_page.result(timeout=WAIT)) == 3
    finally:
        opening.close()


def test_waiting_does_not_hasten_the_full_opening(stored):
    """The database worker's first task waits for the opening; it must not open the store before the paint."""
    opening = OpeningStore(stored, PASSPHRASE)
    try:
        with ThreadPoolExecutor(max_workers=1) as worker:
            waited = worker.submit(opening.wait)
            assert wait([waited], timeout=0.5).not_done  # still waiting for the first screen
            opening.first_screen_shown()
            assert waited.result(timeout=WAIT).count() == 3
    finally:
        opening.close()


def test_a_full_opening_that_fails_behind_the_shown_window_is_said_once(qtbot, stored, monkeypatch):
    """The window's tasks queued behind the first one (its count, the offer of autosaves, the features') meet
    the same error: only the first task's answer tells the person (the app's _could_not_open); the others
    are logged, and the GUI thread never raised it (a stand-in would have raised it on any attribute)."""
    from intake_app.storage import opening as full_opening

    def failing_open(*_args, **_kwargs):
        raise StoreOpenError("The disk could not be read.", "damaged")

    monkeypatch.setattr(full_opening, "open_store", failing_open)
    opening = OpeningStore(stored, PASSPHRASE)
    runner = TaskRunner()
    told: list[BaseException] = []
    window = None
    try:
        look = opening.look()
        assert look is not None
        runner.run(opening.wait, on_error=told.append)
        window = MainWindow(opening, runner, data_dir=stored, settings=look.settings, first_page=opening.first_page,
                            session=Session(Actor("Sgt. Maria Test", "2231")))
        window.when_on_screen(opening.first_screen_shown)  # as the app does
        install_signed_in(window)
        window.show()
        window.offer_autosaves()
        qtbot.waitUntil(lambda: bool(told) and not runner.busy, timeout=WAIT * 1000)
        assert [str(exc) for exc in told] == ["The disk could not be read."]
        assert window.count_label.text() == ""  # its task failed too, logged, not said again
        assert window.incidents.model.rowCount() == 3  # the first look's page stays as it was shown
    finally:
        if window is not None:
            window.close()
        runner.shutdown(wait=True)
        if window is not None:
            shiboken6.delete(window)
        opening.close()
