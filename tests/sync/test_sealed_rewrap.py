"""Readers added after a record was sealed and sent: the station re-wraps the envelopes already on the server
(the same envelope, recipients appended only), the server takes nothing else, and devices take a same-version
record from the feed only when it adds recipients and changes nothing else. Through the real server on
PostgreSQL."""

from __future__ import annotations

import base64
import dataclasses
import json

import httpx
import pytest

from intake_app.domain.interchange import from_dict, to_dict
from intake_app.domain.roles import REVIEWER
from intake_app.security import sealing
from intake_app.security.users import add_user, create_first_administrator, sign_in
from intake_app.storage.opening import open_store
from intake_app.sync import device, sealing_step
from intake_app.sync.apply_step import apply_remote
from intake_app.sync.engine import sync_once

from .sealed_server import enrollment_code
from .sealed_world import enter, new_markers, sealed_world, server_record


@pytest.fixture
def world(tmp_path, pg_url):
    yield from sealed_world(tmp_path)


@pytest.fixture
def second(world, tmp_path):
    """Another computer of district 9, enrolled after the station's records were sent, with a reviewer of its
    own (who had no key when those records were sealed)."""
    (tmp_path / "second").mkdir()
    store = open_store(tmp_path / "second")
    create_first_administrator(store, "1000", "Admin Two", "second station admin pass")
    add_user(store, sign_in(store, "1000", "second station admin pass"), "3300", "Lt. Later", REVIEWER,
             "later reviewer pass")
    device.enroll(store, world["server"].base, enrollment_code(world["url"], district=9))
    yield store, sign_in(store, "3300", "later reviewer pass")
    store.engine.dispose()


def _sent_and_synced(world) -> tuple[str, dict]:
    markers = new_markers()
    incident_id = enter(world["station"], world["people"], markers)
    assert sync_once(world["station"]).ok
    return incident_id, markers


def _rewrap(world, items: list[dict]) -> httpx.Response:
    return httpx.post(world["server"].base + "/rewraps", json={"items": items},
                      headers={"Authorization": f"Bearer {device.token(world['station'])}"})


def test_a_reviewer_added_on_another_computer_after_sync_opens_the_party_after_the_next_sync(world, second):
    incident_id, markers = _sent_and_synced(world)
    store, reviewer = second
    assert sync_once(store).ok  # its reviewer's key goes to the server; the record arrives sealed without it
    assert sealing_step.reveal(store, reviewer, store.get(incident_id))[1] == "sealed"

    station_run = sync_once(world["station"])  # learns the new key and re-wraps what it sealed
    assert station_run.ok and station_run.rewrapped == 1
    assert sync_once(store).ok

    shown, how = sealing_step.reveal(store, reviewer, store.get(incident_id))
    assert how == "opened" and shown.reporting_party.name == markers["name"]
    assert store.get(incident_id).version == 1  # the same version, only read by one more


def test_a_station_re_wraps_once_for_the_same_readers(world, second):
    _sent_and_synced(world)
    assert sync_once(second[0]).ok
    assert sync_once(world["station"]).rewrapped == 1

    assert sync_once(world["station"]).rewrapped == 0


def test_headquarters_takes_the_re_wrapped_record_and_its_privacy_officer_still_reads_it(world, second):
    incident_id, markers = _sent_and_synced(world)
    assert sync_once(world["hq"]).ok
    assert sync_once(second[0]).ok
    assert sync_once(world["station"]).rewrapped == 1

    assert sync_once(world["hq"]).ok

    held = world["hq"].get(incident_id)
    assert held.sealed == server_record(world, incident_id)["sealed"]
    shown, how = sealing_step.reveal(world["hq"], world["officer"], held)
    assert how == "opened" and shown.reporting_party.name == markers["name"]


def _rewrapped_by_hand(world, incident_id: str) -> dict:
    record = server_record(world, incident_id)
    new = sealing.add_recipients(incident_id, record["sealed"], sealing_step.station_key(world["station"]),
                                 [sealing.parse_public("11" * 32)])
    return {"incident_id": incident_id, "version": record["version"], "sealed": new}


def _flip(b64: str) -> str:
    raw = bytearray(base64.b64decode(b64))
    raw[0] ^= 1
    return base64.b64encode(bytes(raw)).decode()


def test_the_server_refuses_a_recipients_only_change_that_alters_the_ciphertext(world):
    incident_id, _ = _sent_and_synced(world)
    before = server_record(world, incident_id)
    item = _rewrapped_by_hand(world, incident_id)
    item["sealed"]["ciphertext"] = _flip(item["sealed"]["ciphertext"])

    answer = _rewrap(world, [item])

    assert answer.status_code == 422
    assert [p["path"] for p in answer.json()["detail"]] == ["items[0].sealed.ciphertext"]
    assert server_record(world, incident_id) == before  # nothing written


def test_the_server_refuses_a_re_wrap_that_changes_an_existing_recipient(world):
    incident_id, _ = _sent_and_synced(world)
    item = _rewrapped_by_hand(world, incident_id)
    item["sealed"]["recipients"][0]["wrapped"] = _flip(item["sealed"]["recipients"][0]["wrapped"])

    answer = _rewrap(world, [item])

    assert answer.status_code == 422
    assert [p["path"] for p in answer.json()["detail"]] == ["items[0].sealed.recipients[0]"]


def test_the_server_refuses_a_re_wrap_that_drops_a_recipient(world):
    incident_id, _ = _sent_and_synced(world)
    item = _rewrapped_by_hand(world, incident_id)
    item["sealed"]["recipients"] = item["sealed"]["recipients"][1:]

    answer = _rewrap(world, [item])

    assert answer.status_code == 422
    assert "items[0].sealed.recipients[0]" in [p["path"] for p in answer.json()["detail"]]


def test_a_re_wrap_of_an_older_version_is_stale_and_writes_nothing(world):
    incident_id, _ = _sent_and_synced(world)
    item = _rewrapped_by_hand(world, incident_id)
    item["version"] += 1

    answer = _rewrap(world, [item])

    assert answer.status_code == 200
    assert [r["outcome"] for r in answer.json()["results"]] == ["stale"]


def test_a_re_wrap_of_another_districts_record_is_forbidden(world, tmp_path):
    incident_id, _ = _sent_and_synced(world)
    (tmp_path / "other").mkdir()
    other = open_store(tmp_path / "other")
    try:
        device.enroll(other, world["server"].base, enrollment_code(world["url"], district=4))
        answer = httpx.post(world["server"].base + "/rewraps", json={"items": [_rewrapped_by_hand(world, incident_id)]},
                            headers={"Authorization": f"Bearer {device.token(other)}"})
        assert answer.status_code == 403
    finally:
        other.engine.dispose()


def _held_sealed(world, incident_id: str):
    assert sync_once(world["hq"]).ok
    return world["hq"].get(incident_id)


def test_a_device_takes_a_same_version_record_that_only_adds_a_recipient(world):
    incident_id, _ = _sent_and_synced(world)
    held = _held_sealed(world, incident_id)
    rewrapped = from_dict({**to_dict(held), "sealed": _rewrapped_by_hand(world, incident_id)["sealed"]})

    apply_remote(world["hq"], [rewrapped])

    assert len(world["hq"].get(incident_id).sealed["recipients"]) == len(held.sealed["recipients"]) + 1


def test_a_device_ignores_a_same_version_record_whose_ciphertext_changed(world):
    incident_id, _ = _sent_and_synced(world)
    held = _held_sealed(world, incident_id)
    altered = _rewrapped_by_hand(world, incident_id)["sealed"]
    altered["ciphertext"] = _flip(altered["ciphertext"])

    apply_remote(world["hq"], [from_dict({**to_dict(held), "sealed": altered})])

    assert world["hq"].get(incident_id).sealed == held.sealed


def test_a_device_ignores_a_same_version_record_that_changes_more_than_its_recipients(world):
    incident_id, _ = _sent_and_synced(world)
    held = _held_sealed(world, incident_id)
    changed = {**to_dict(held), "sealed": _rewrapped_by_hand(world, incident_id)["sealed"],
               "narrative": "rewritten at the same version"}

    apply_remote(world["hq"], [from_dict(changed)])

    assert world["hq"].get(incident_id).narrative == held.narrative
    assert world["hq"].get(incident_id).sealed == held.sealed


def test_what_the_station_re_wrapped_comes_back_as_the_envelope_the_server_holds(world, second):
    incident_id, _ = _sent_and_synced(world)
    assert sync_once(second[0]).ok
    assert sync_once(world["station"]).rewrapped == 1
    from intake_app.storage.sealing_tables import ServerEnvelopeRow

    with world["station"].reading() as session:
        kept = json.loads(session.get(ServerEnvelopeRow, incident_id).envelope_json)
    assert kept == server_record(world, incident_id)["sealed"]


def test_an_edit_made_before_the_re_wrap_arrived_keeps_the_new_readers(world, second):
    incident_id, markers = _sent_and_synced(world)
    assert sync_once(world["hq"]).ok  # headquarters holds version 1 sealed, before the re-wrap
    store, reviewer = second
    assert sync_once(store).ok
    assert sync_once(world["station"]).rewrapped == 1
    held = world["hq"].get(incident_id)
    world["hq"].save(dataclasses.replace(held, narrative=held.narrative + " Seen from a bus."), world["officer"])

    assert sync_once(world["hq"]).ok  # version 2, carrying version 1's envelope without the new wrap
    assert sync_once(store).ok

    shown, how = sealing_step.reveal(store, reviewer, store.get(incident_id))
    assert store.get(incident_id).version == 2
    assert how == "opened" and shown.reporting_party.name == markers["name"]
    assert world["hq"].get(incident_id).sealed == server_record(world, incident_id)["sealed"]
