"""A station whose RD number pattern is looser than the shipped one syncs a record with a seven-digit RD number;
the server stores it (and flags the number). Another device of the district pulls it like any other record: a
number this device's pattern would refuse is no reason to set the record aside and lose it here."""

from __future__ import annotations

import dataclasses

from intake_app.domain.actor import Actor
from intake_app.sync.engine import sync_once
from tests.station_settings import set_up_station

from ..order_story import refused_credentials_story

ACTOR = Actor("Sgt. Maria Test", "2231")


def test_a_pulled_record_whose_rd_number_this_device_would_refuse_is_stored(make_device):
    station = make_device("station", district=10)
    set_up_station(station, dataclasses.replace(station.settings(), rd_number_pattern=r"^[A-Z]{2}\d{6,7}$"))
    story = refused_credentials_story()
    story.cpd_rd_number = "JK1234567"
    saved = station.save(story, ACTOR)
    assert sync_once(station).ok
    other = make_device("other", district=10)  # the shipped pattern: two letters and six digits

    report = sync_once(other)

    assert report.ok and report.rejected == []
    assert other.get(saved.id).cpd_rd_number == "JK1234567"
