"""Across devices, a record holding a time from the clock-change hours is the same bytes everywhere: the
device that wrote it, the server, and a device that received it."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from intake_app.domain.actor import Actor
from intake_app.domain.interchange import canonical_json
from intake_app.sync.engine import sync_once

from ..factories import CHICAGO, make_footage, make_incident

ACTOR = Actor("Sgt. Maria Test", "2231")


def test_a_record_from_the_skipped_hour_is_the_same_bytes_on_both_devices_and_the_server(make_device, admin):
    first, second = make_device("first", district=9), make_device("second", district=9)
    typed = datetime.combine(date(2026, 3, 8), time(2, 20), CHICAGO)  # as the wizard built it before
    record = make_incident(occurred_at=typed)
    record.footage = [make_footage(datetime.combine(date(2026, 3, 8), time(1, 50), CHICAGO))]
    record.footage[0].end = record.footage[0].start + timedelta(minutes=15)
    saved = first.save(record, ACTOR)

    assert sync_once(first).ok
    assert sync_once(second).ok

    here, there = canonical_json(first.get(saved.id)), canonical_json(second.get(saved.id))
    [(on_server,)] = admin.sql("SELECT record_json FROM incidents WHERE id = :i", i=saved.id)
    assert on_server.encode("utf-8") == there  # the server and the device that received it: the same bytes
    # The writing device keeps the reporting party in clear; the others hold it sealed. All else is the same.
    mine, theirs = json.loads(here), json.loads(there)
    assert {k for k in set(mine) | set(theirs) if mine.get(k) != theirs.get(k)} == {"reporting_party", "sealed"}
    assert mine["occurred_at"] == theirs["occurred_at"] == "2026-03-08T03:20:00-05:00"
    assert mine["footage"] == theirs["footage"]
