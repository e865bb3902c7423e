"""The feed is pulled a page at a time, with the next page fetched and the page before committed on helper
threads. Whatever fails, the pages before it stay stored with the cursor after them, nothing of its page or
after it is stored, and the next sync brings the rest exactly once."""

from __future__ import annotations

import json
import time

import pytest

from intake_app.domain.actor import Actor
from intake_app.security.audit_verify import verify
from intake_app.sync import state
from intake_app.sync.engine import open_client, sync_once
from intake_app.sync.pull_step import pull_feed
from intake_app.sync.report import SyncReport

from ..factories import make_incident

ACTOR = Actor("Sgt. Maria Test", "2231")
PAGE = 5


@pytest.fixture
def twenty_five_on_the_server(make_device):
    station = make_device("station", district=9)
    saved = [station.save(make_incident(), ACTOR) for _ in range(25)]
    assert sync_once(station).ok
    return saved


def stored_ids(store) -> set[str]:
    return {summary.id for summary in store.list()}


def test_a_record_this_app_finds_invalid_is_set_aside_and_every_other_page_is_stored(make_device, admin,
                                                                                      twenty_five_on_the_server):
    saved = twenty_five_on_the_server
    damaged = saved[12]  # on the third page of five
    (seq, record_json), = admin.sql("SELECT seq, record_json FROM changes WHERE incident_id = :id", id=damaged.id)
    record = json.loads(record_json)
    admin.sql("UPDATE changes SET record_json = :bad WHERE seq = :seq RETURNING seq",
              bad=json.dumps(record | {"status": "lost"}), seq=seq)
    other = make_device("other", district=9)

    report = sync_once(other, page=PAGE)

    assert not report.ok and not report.error
    assert [r for r in report.rejected if ".incident.status" in r and "set aside" in r]
    assert stored_ids(other) == {inc.id for inc in saved} - {damaged.id}  # every other record, once
    assert other.count() == 24
    assert verify(other).ok


def test_a_failure_while_storing_a_page_keeps_the_pages_committed_before_it(make_device, twenty_five_on_the_server):
    saved = twenty_five_on_the_server
    other = make_device("other", district=9)
    broken = [True]

    def disk_trouble_on_the_third_page(_session, event) -> None:
        if broken[0] and event.after is not None and event.after.id == saved[11].id:
            raise OSError("disk I/O error")

    other.add_listener(disk_trouble_on_the_third_page)

    with open_client(other) as client, pytest.raises(OSError, match="disk I/O error"):
        pull_feed(other, client, SyncReport(), page=PAGE)

    assert stored_ids(other) == {inc.id for inc in saved[:10]}
    broken[0] = False
    assert sync_once(other, page=PAGE).ok
    assert stored_ids(other) == {inc.id for inc in saved}
    assert other.count() == 25
    assert verify(other).ok


def test_a_failure_is_reported_without_waiting_for_the_page_being_fetched_ahead(make_device,
                                                                                twenty_five_on_the_server):
    saved = twenty_five_on_the_server
    other = make_device("other", district=9)

    def disk_trouble_on_the_first_page(_session, event) -> None:
        if event.after is not None and event.after.id == saved[2].id:
            raise OSError("disk I/O error")

    other.add_listener(disk_trouble_on_the_first_page)
    with open_client(other) as client:
        fetch = client.changes

        def slow_network_after_the_first_page(since: int, limit: int):
            if since > 0:
                time.sleep(3)  # a server slow to answer, or a retry under way
            return fetch(since, limit)

        client.changes = slow_network_after_the_first_page
        started = time.monotonic()
        with pytest.raises(OSError, match="disk I/O error"):
            pull_feed(other, client, SyncReport(), page=PAGE)
        assert time.monotonic() - started < 2

    assert other.count() == 0 and state.read(other, state.CURSOR, "0") in ("", "0")
