"""Reporting parties sealed end to end: a station enters a record with unique markers in every personal field
and syncs it through the real server on PostgreSQL. No marker is in the server's database dump, in its logs
or in any HTTP body on the wire; a headquarters privacy officer whose key the server published reads the
party, another headquarters user sees "sealed", and a station reviewer reads it offline."""

from __future__ import annotations

import json
import secrets
import subprocess

import httpx
import pytest

from intake_app.domain.enums import InjuredRole, InjurySeverity, YesNoUnknown
from intake_app.domain.records import Injury, Medical
from intake_app.domain.roles import REVIEWER
from intake_app.domain.sealed_fields import SEALED_FIELDS, SEALED_TEXT
from intake_app.security import sealing, user_keys
from intake_app.security.audit import entries_for
from intake_app.security.users import add_user, create_first_administrator, sign_in
from intake_app.storage.opening import open_store
from intake_app.sync import device, sealing_step
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from ..people import LT2_PASS, LT_PASS
from .conftest import PG
from .sealed_server import enrollment_code
from .sealed_world import enter, enter_open_party, new_markers, sealed_world


@pytest.fixture
def world(tmp_path, pg_url):
    yield from sealed_world(tmp_path)


def _digits(phone: str) -> str:
    return phone.split("x")[-1]


def _to_headquarters(world) -> None:
    """The station pushes what it entered, then headquarters pulls it, both through the recorded wire."""
    sync_once(world["station"], transport=world["wire"])
    sync_once(world["hq"], transport=world["wire"])


def _sent_to_headquarters(world, entering=enter) -> tuple[dict[str, str], str]:
    """A record entered at the station with new markers (by `enter`, its party confidential, unless told), then
    sent to headquarters: the markers and the incident's id."""
    markers = new_markers()
    incident_id = entering(world["station"], world["people"], markers)
    _to_headquarters(world)
    return markers, incident_id


def _first_pushed(world) -> dict:
    """The first incident the station pushed, as it went on the wire."""
    return [json.loads(b) for b in world["wire"].bodies if b.startswith(b'{"items"')][0]["items"][0]["incident"]


def _party_openings(world, incident_id: str, purpose: str) -> list[tuple[str, bool]]:
    """Each opening of the incident's sealed party audited at headquarters: who, and whether it was for `purpose`."""
    return [(e.actor_star, purpose in e.new_value) for e in entries_for(world["hq"], incident_id)
            if e.action == sealing_step.OPENED_ACTION]


def test_no_personal_field_reaches_the_server_database_its_logs_or_the_wire(world):
    markers = new_markers()
    enter(world["station"], world["people"], markers)
    assert sync_once(world["station"], transport=world["wire"]).pushed == 1
    assert sync_once(world["hq"], transport=world["wire"]).applied == 1
    world["server"].stop()
    dump = subprocess.run(["pg_dump", *PG, world["db"]], capture_output=True, check=True).stdout
    log = world["log"].read_bytes()
    wire = b"\n".join(world["wire"].bodies)
    assert b'"sealed"' in wire and b"intake.sealed/1" in dump  # the envelope went through and is stored
    for value in (*markers.values(), _digits(markers["phone"])):
        for where, text in (("database dump", dump), ("server log", log), ("wire", wire)):
            assert value.encode() not in text, f"{value} found in the {where}"
            assert json.dumps(value)[1:-1].encode() not in text


def test_a_headquarters_privacy_officer_reads_the_party_and_the_reading_is_audited(world):
    markers, incident_id = _sent_to_headquarters(world)
    pulled = world["hq"].get(incident_id)
    assert pulled.reporting_party.name == ""  # what headquarters holds: no clear identity
    shown, how = sealing_step.reveal(world["hq"], world["officer"], pulled)
    assert how == "opened"
    assert (shown.reporting_party.name, shown.reporting_party.phone, shown.reporting_party.address) == \
        (markers["name"], markers["phone"], markers["address"])
    assert _party_openings(world, incident_id, "view") == [("9100", True)]


def test_a_headquarters_user_without_a_key_sees_sealed(world):
    _markers, incident_id = _sent_to_headquarters(world)
    shown, how = sealing_step.reveal(world["hq"], world["clerk"], world["hq"].get(incident_id))
    assert how == "sealed"
    assert (shown.reporting_party.name, shown.reporting_party.phone) == (SEALED_TEXT, SEALED_TEXT)


def test_a_station_reviewer_reads_the_party_offline(world):
    markers = new_markers()
    incident_id = enter(world["station"], world["people"], markers)
    sync_once(world["station"], transport=world["wire"])
    world["server"].stop()  # offline from here on
    station = world["station"]
    reviewer = sign_in(station, "3100", LT_PASS)
    assert station.get(incident_id).reporting_party.name == markers["name"]  # kept here in clear, as entered
    sent = _first_pushed(world)
    opened = sealing.opened_record(sent, sent["sealed"], user_keys.private_keys(station, reviewer.star))
    assert opened["reporting_party"]["name"] == markers["name"]
    assert opened["reporting_party"]["address"] == markers["address"]


def test_every_declared_sealed_field_is_emptied_in_what_is_sent(world):
    markers = new_markers()
    enter(world["station"], world["people"], markers)
    sync_once(world["station"], transport=world["wire"])
    sent = _first_pushed(world)
    assert sorted(sent["sealed"]["fields"]) == sorted(p for p in SEALED_FIELDS if p.startswith("reporting_party."))
    assert sent["reporting_party"]["name"] == "" and sent["reporting_party"]["phone"] == ""


def _enter_injured(station, people, description: str) -> str:
    inc = make_incident(medical=Medical(anyone_injured=YesNoUnknown.YES),
                        injuries=[Injury(role=InjuredRole.CIVILIAN, description=description,
                                         severity=InjurySeverity.MINOR)])
    return station.save(inc, people["sgt"]).id


def test_an_injury_description_never_reaches_the_server_database_in_clear(world):
    marker = f"Markinjury{secrets.token_hex(4).upper()} cut on the left hand, sells tamales at 26th"
    _enter_injured(world["station"], world["people"], marker)
    assert sync_once(world["station"], transport=world["wire"]).pushed == 1
    assert sync_once(world["hq"], transport=world["wire"]).applied == 1
    world["server"].stop()
    dump = subprocess.run(["pg_dump", *PG, world["db"]], capture_output=True, check=True).stdout
    wire = b"\n".join(world["wire"].bodies)
    assert b"injuries[0].description" in dump  # the envelope names the field it holds
    for where, text in (("database dump", dump), ("wire", wire), ("server log", world["log"].read_bytes())):
        assert marker.split()[0].encode() not in text, f"the injury's description found in the {where}"


def test_a_privacy_officer_reads_the_sealed_injury_and_a_clerk_sees_sealed(world):
    marker = f"Markinjury{secrets.token_hex(4).upper()} burn on the right arm"
    incident_id = _enter_injured(world["station"], world["people"], marker)
    _to_headquarters(world)
    pulled = world["hq"].get(incident_id)
    assert pulled.injuries[0].description == ""  # headquarters holds it sealed only
    opened, how = sealing_step.reveal(world["hq"], world["officer"], pulled)
    assert how == "opened" and opened.injuries[0].description == marker
    hidden, how = sealing_step.reveal(world["hq"], world["clerk"], pulled)
    assert how == "sealed" and hidden.injuries[0].description == SEALED_TEXT


def test_the_server_refuses_a_record_with_the_party_in_clear(world):
    from intake_app.domain.interchange import to_dict

    inc = make_incident()
    inc.version, inc.created_at, inc.updated_at = 1, inc.occurred_at, inc.occurred_at
    token = device.token(world["station"])
    answer = httpx.post(world["server"].base + "/push", headers={"Authorization": f"Bearer {token}"},
                        json={"items": [{"idempotency_key": "6a1f1c7e-5d6e-4a55-9d1a-2b6d8f1e9c01",
                                         "base_version": 0, "incident": to_dict(inc)}]})
    assert answer.status_code == 422
    paths = {p["path"] for p in answer.json()["detail"]}
    assert "items[0].incident.reporting_party.name" in paths
    assert b"Test Reporter" not in answer.content


def test_the_server_lists_who_read_which_party_and_when_without_seeing_it(world):
    markers, incident_id = _sent_to_headquarters(world)
    sealing_step.reveal(world["hq"], world["officer"], world["hq"].get(incident_id))

    assert sync_once(world["hq"], transport=world["wire"]).ok
    assert sync_once(world["hq"], transport=world["wire"]).ok  # sent once, not again

    answer = httpx.get(world["server"].base + "/party-reads", params={"incident_id": incident_id},
                       headers={"Authorization": f"Bearer {device.token(world['hq'])}"})
    assert answer.status_code == 200
    reads = answer.json()["reads"]
    assert [(r["incident_id"], r["actor_star"], r["actor_name"], r["purpose"]) for r in reads] == \
        [(incident_id, "9100", "Privacy Officer", "view")]
    assert markers["name"] not in answer.text
    station_asks = httpx.get(world["server"].base + "/party-reads",
                             headers={"Authorization": f"Bearer {device.token(world['station'])}"})
    assert station_asks.status_code == 403


def test_a_reviewer_on_another_computer_of_the_district_reads_the_party(world, tmp_path):
    (tmp_path / "second").mkdir()
    second = open_store(tmp_path / "second")
    try:
        create_first_administrator(second, "1000", "Admin Two", "second station admin pass")
        admin = sign_in(second, "1000", "second station admin pass")
        add_user(second, admin, "3300", "Lt. Other Computer", REVIEWER, "other computer reviewer")
        reviewer = sign_in(second, "3300", "other computer reviewer")
        device.enroll(second, world["server"].base, enrollment_code(world["url"], district=9))
        assert sync_once(second).ok  # its reviewer's public key is on the server now
        markers = new_markers()
        incident_id = enter(world["station"], world["people"], markers)

        assert sync_once(world["station"]).ok  # learns the district's keys, then seals to them too
        assert sync_once(second).ok

        shown, how = sealing_step.reveal(second, reviewer, second.get(incident_id))
        assert how == "opened" and shown.reporting_party.name == markers["name"]
    finally:
        second.engine.dispose()


def test_a_record_this_station_sealed_comes_back_sealed_and_its_reviewer_still_reads_it(world):
    markers = new_markers()
    incident_id = enter(world["station"], world["people"], markers)
    sync_once(world["station"], transport=world["wire"])
    sent = _first_pushed(world)
    from intake_app.domain.interchange import from_dict
    from intake_app.sync.apply_step import apply_remote

    station = world["station"]
    returned = from_dict(sent)
    returned.version += 1  # the server's newer version, as another computer of the district would make it
    apply_remote(station, [returned])
    assert station.get(incident_id).reporting_party.name == ""
    reviewer = sign_in(station, "3200", LT2_PASS)  # a reviewer who had no key when it was sealed
    shown, how = sealing_step.reveal(station, reviewer, station.get(incident_id))
    assert how == "opened" and shown.reporting_party.name == markers["name"]


def _packet_text(store, reader, incident_id: str) -> str:
    from intake_app.reports.packet import build_packet
    from intake_app.reports.packet_source import packet_input

    from ..reports.helpers import page_texts

    data = packet_input(store, incident_id)
    data.opened_party = sealing_step.party_for_packet(store, reader, data.incident)
    return " ".join(" ".join(page_texts(build_packet(data))).split())


def test_a_privacy_officers_packet_prints_the_sealed_party_and_the_printing_is_audited(world):
    markers, incident_id = _sent_to_headquarters(world, enter_open_party)

    text = _packet_text(world["hq"], world["officer"], incident_id)

    assert markers["name"] in text and markers["address"] in text
    assert _party_openings(world, incident_id, "packet") == [("9100", True)]


def test_a_packet_made_by_a_user_without_a_key_says_the_party_is_sealed(world):
    markers, incident_id = _sent_to_headquarters(world, enter_open_party)

    text = _packet_text(world["hq"], world["clerk"], incident_id)

    assert "Reporting party Sealed: the reporting party's identity is held only by its readers" in text
    assert markers["name"] not in text and markers["address"] not in text


def test_a_confidential_party_stays_withheld_on_the_privacy_officers_packet(world):
    markers, incident_id = _sent_to_headquarters(world)  # confidential

    text = _packet_text(world["hq"], world["officer"], incident_id)

    assert "Withheld: the reporting party's identity is confidential" in text
    assert markers["name"] not in text
