"""A sealed field given on a record held sealed (received from the server, its civilians' identity readable
only by its readers): sealing the new value alone would replace the envelope and lose the sealed party from
that version on. Past draft the validator refuses it, naming the field; a draft given one is held in the
queue on a computer that cannot open the envelope, and merged with what is sealed on the station that can.
Through the real server on PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest

from intake_app.domain.enums import InjuredRole, InjurySeverity, Status, YesNoUnknown
from intake_app.domain.problems import ValidationError
from intake_app.domain.records import Injury, Medical
from intake_app.security import sealing, user_keys
from intake_app.sync import sealing_step
from intake_app.sync.engine import sync_once

from .sealed_world import enter, new_markers, sealed_world, server_record


@pytest.fixture
def world(tmp_path, pg_url):
    yield from sealed_world(tmp_path)


def _injured(inc, description: str):
    return dataclasses.replace(inc, medical=Medical(anyone_injured=YesNoUnknown.YES), injuries=[
        Injury(role=InjuredRole.CIVILIAN, description=description, severity=InjurySeverity.MINOR)])


def _at_headquarters(world, *, status: Status = Status.DRAFT) -> tuple[str, dict]:
    markers = new_markers()
    incident_id = enter(world["station"], world["people"], markers)
    if status != Status.DRAFT:
        inc = world["station"].get(incident_id)
        party = dataclasses.replace(inc.reporting_party, phone="312-555-0199")  # the marker's is a draft's only
        world["station"].save(dataclasses.replace(inc, status=status, reporting_party=party), world["people"]["sgt"])
    assert sync_once(world["station"]).ok
    assert sync_once(world["hq"]).ok
    return incident_id, markers


def _officer_reads(world, incident_id: str):
    assert sync_once(world["hq"]).ok
    shown, how = sealing_step.reveal(world["hq"], world["officer"], world["hq"].get(incident_id))
    assert how == "opened"
    return shown


def test_headquarters_cannot_add_an_injury_description_to_a_sealed_record_in_review(world):
    incident_id, _ = _at_headquarters(world, status=Status.IN_REVIEW)
    held = world["hq"].get(incident_id)

    with pytest.raises(ValidationError) as refused:
        world["hq"].save(_injured(held, "cut on the left hand"), world["officer"])

    assert [p.path for p in refused.value.problems] == ["injuries[0].description"]
    assert "sealed" in str(refused.value)


def test_a_headquarters_draft_given_a_sealed_field_stays_queued_and_the_sealed_party_is_kept(world):
    incident_id, markers = _at_headquarters(world)
    world["hq"].save(_injured(world["hq"].get(incident_id), "cut on the left hand"), world["officer"])

    report = sync_once(world["hq"])

    assert not report.ok and report.pending == 1
    assert "injuries[0].description" in report.error
    on_server = server_record(world, incident_id)
    kept = sealing.open_values(on_server, on_server["sealed"], user_keys.private_keys(world["hq"], "9100"))
    assert kept["reporting_party.name"] == markers["name"]


def test_the_station_adds_a_description_to_its_draft_held_sealed_and_nothing_sealed_is_lost(world):
    incident_id, markers = _at_headquarters(world)
    hq_version = world["hq"].get(incident_id)
    world["hq"].save(dataclasses.replace(hq_version, narrative=hq_version.narrative + " Seen from a bus."),
                     world["officer"])
    assert sync_once(world["hq"]).ok
    assert sync_once(world["station"]).ok  # headquarters' version comes back sealed: the station holds it so
    station = world["station"]
    assert station.get(incident_id).reporting_party.name == ""

    station.save(_injured(station.get(incident_id), "burn on the right arm"), world["people"]["sgt"])
    assert sync_once(station).ok

    shown = _officer_reads(world, incident_id)
    assert shown.reporting_party.name == markers["name"]
    assert shown.injuries[0].description == "burn on the right arm"
