"""A push goes in batches; each batch's answer is written on this device while the next batch is on its way
to the server. Whatever happens in between, every change reaches the server once and a refused one stays
queued here, as when the batches went one after the other."""

from __future__ import annotations

import time

import pytest

from intake_app.domain.actor import Actor
from intake_app.sync import state
from intake_app.sync.engine import sync_once
from intake_app.sync.ordered import Ordered

from ..factories import make_incident

ACTOR = Actor("Sgt. Maria Test", "2231")


def test_a_record_refused_in_a_middle_batch_stays_queued_and_every_other_goes_once(make_device, admin):
    station = make_device("station", district=9)
    saved = [station.save(make_incident(district=12 if n == 14 else 9), ACTOR) for n in range(25)]

    report = sync_once(station, batch=10)  # batches 1-10, 11-20 (with the refused one), 21-25

    assert report.pushed == 24 and not report.ok
    assert state.status(station).pending == 1
    on_server = {incident_id for (incident_id,) in admin.sql("SELECT incident_id FROM changes")}
    assert on_server == {inc.id for n, inc in enumerate(saved) if n != 14}
    assert admin.sql("SELECT count(*) FROM changes") == [(24,)]  # once each

    sync_once(station, batch=10)  # tried again: still refused, nothing sent twice
    assert state.status(station).pending == 1
    assert admin.sql("SELECT count(*) FROM changes") == [(24,)]


def test_a_later_change_of_a_refused_record_in_the_batch_read_ahead_stays_queued_behind_it(make_device, admin):
    # The third batch is read and sealed while the second is at the server; the second's answer refuses
    # incident 14, whose later edit (one the server would take) is in the third: that batch read ahead is
    # dropped and read again without it, so the edit never overtakes the version refused.
    station = make_device("station", district=9)
    saved = [station.save(make_incident(district=12 if n == 14 else 9), ACTOR) for n in range(25)]
    saved[14].district = 9
    station.save(saved[14], ACTOR)
    assert state.status(station).pending == 26

    report = sync_once(station, batch=10)  # batches 1-10, 11-20 (the refused one), 21-25 and its edit

    assert report.pushed == 24 and not report.ok
    assert state.status(station).pending == 2  # both versions of the refused incident, in order
    assert admin.sql("SELECT count(*) FROM changes WHERE incident_id = :i", i=saved[14].id) == [(0,)]
    on_server = {incident_id for (incident_id,) in admin.sql("SELECT incident_id FROM changes")}
    assert on_server == {inc.id for n, inc in enumerate(saved) if n != 14}
    assert admin.sql("SELECT count(*) FROM changes") == [(24,)]  # once each


def test_a_piece_of_handed_over_work_is_done_before_the_next_is_handed_over():
    from concurrent.futures import ThreadPoolExecutor

    ran = []

    def piece(n: int) -> None:
        time.sleep(0.01)
        ran.append(n)

    with ThreadPoolExecutor(max_workers=2) as pool:
        ordered = Ordered(pool)
        for n in range(5):
            ordered.then(piece, n)
            assert ran == list(range(n))  # every earlier piece has ended; this one may still run
        ordered.wait()
    assert ran == [0, 1, 2, 3, 4]


def test_an_error_in_handed_over_work_is_raised_at_the_next_hand_over():
    from concurrent.futures import ThreadPoolExecutor

    def fails() -> None:
        raise OSError("disk full")

    with ThreadPoolExecutor(max_workers=1) as pool:
        ordered = Ordered(pool)
        ordered.then(fails)
        with pytest.raises(OSError, match="disk full"):
            ordered.then(lambda: None)
