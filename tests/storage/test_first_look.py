"""Start-up speed: the app shows its window from a first look at the store, read with the database
driver alone, while the store is opened in full behind it. What the look shows must be exactly what the
store shows, and any store the look cannot read as it stands is left to the full opening."""

from __future__ import annotations

from concurrent.futures import Future
from datetime import timedelta

from intake_app.domain.enums import Status
from intake_app.domain.settings import StationSettings
from intake_app.domain.workflow import transition
from intake_app.security.users import create_first_administrator
from intake_app.storage import cipher
from intake_app.storage.first_look import PAGE_SIZE
from intake_app.storage.first_look import first_look as look_with_key
from intake_app.storage.opening import open_store
from intake_app.ui.shell.startup import existing_store_key
from tests.factories import make_incident
from tests.station_settings import set_up_station

PASSPHRASE = "first look test passphrase"


def first_look(data_dir, passphrase=None):
    """As the app's opening thread takes it: the key first, then the look (its page read just after)."""
    looked = Future()
    look_with_key(data_dir, existing_store_key(data_dir, passphrase), looked)
    return looked.result(timeout=0)  # set before first_look returned


def varied_incidents(store, actor, count: int) -> None:
    """Numbered and demo records, a draft without a time or a district, a draft the reviewer returned, and equal
    times (the tie-break)."""
    first = make_incident()
    for n in range(count):
        incident = make_incident(occurred_at=first.occurred_at)
        incident.is_demo = n % 7 == 0
        store.save(incident, actor)
    draft = make_incident()
    draft.occurred_at, draft.district = None, None
    store.save(draft, actor)
    # The newest, so it is on the first page whatever the ids' tie-break puts last.
    in_review = transition(make_incident(occurred_at=first.occurred_at + timedelta(hours=1)), Status.IN_REVIEW, actor)
    store.save(transition(in_review, Status.DRAFT, actor, comment="Add the beat"), actor)


def test_the_first_page_is_the_one_the_store_lists(store, data_dir, actor):
    varied_incidents(store, actor, PAGE_SIZE + 5)
    look = first_look(data_dir)
    assert look is not None
    assert len(look.page.result()) == PAGE_SIZE
    assert look.page.result() == store.list()
    assert [row.returned for row in store.list()].count(True) == 1  # the page holds the returned draft too


def test_the_look_reads_the_station_settings_and_whether_anyone_can_sign_in(store, data_dir):
    settings = StationSettings(district=9, supervisor_name="Sgt. Look", supervisor_star="4410", language="es")
    set_up_station(store, settings)
    assert first_look(data_dir).settings == settings
    assert first_look(data_dir).has_users is False
    create_first_administrator(store, "1001", "Lt. Admin", "a long enough passphrase")
    assert first_look(data_dir).has_users is True


def test_an_empty_store_gives_an_empty_page_and_default_settings(store, data_dir):
    look = first_look(data_dir)
    assert look.page.result() == [] and look.settings == StationSettings()


def test_a_folder_without_a_store_is_left_to_the_full_opening(data_dir):
    assert first_look(data_dir) is None
    assert not (data_dir / cipher.DB_FILE).exists()  # the look creates nothing


def test_a_wrong_passphrase_is_left_to_the_full_opening_which_says_so(data_dir):
    open_store(data_dir, passphrase=PASSPHRASE).engine.dispose()
    assert first_look(data_dir, "not the passphrase at all") is None
    assert first_look(data_dir, PASSPHRASE) is not None


def test_a_store_that_needs_migrating_is_left_to_the_full_opening(store, data_dir):
    with store.engine.connect() as conn:  # as if other migration scripts had last upgraded it
        conn.exec_driver_sql("PRAGMA user_version = 7")
        conn.commit()
    assert first_look(data_dir) is None
    store.engine.dispose()
    open_store(data_dir).engine.dispose()  # the full opening brings it up to date again
    assert first_look(data_dir) is not None
