"""Only enrolled, unrevoked devices get in, and each sees only its own district."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import httpx

from intake_app.domain.actor import Actor
from intake_app.domain.enums import Status
from intake_app.domain.interchange import to_dict
from intake_app.sync import device, state
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from ..sealed_records import sealed

ACTOR = Actor("Sgt. Maria Test", "2231")


def push_body(inc, base_version=0):
    inc.version = base_version + 1
    inc.created_at = inc.updated_at = datetime.now(UTC)
    return {"items": [{"idempotency_key": str(uuid.uuid4()), "base_version": base_version,
                       "incident": sealed(json.loads(json.dumps(to_dict(inc), default=str)))}]}


def bearer(store):
    return {"Authorization": f"Bearer {device.token(store)}"}


def test_a_revoked_device_is_refused_and_keeps_its_changes(make_device, admin):
    store = make_device("a", district=9)
    store.save(make_incident(), ACTOR)
    admin.revoke(int(state.read(store, state.DEVICE_ID)))
    report = sync_once(store)
    assert "refused this device (HTTP 401)" in report.error
    assert state.status(store).pending == 1


def test_a_tampered_token_is_refused(make_device, server):
    store = make_device("a", district=9)
    token = device.token(store)
    tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    answer = httpx.get(server.base + "/changes", headers={"Authorization": f"Bearer {tampered}"})
    assert answer.status_code == 401
    assert "changes" not in answer.json()


def test_pushing_another_districts_record_is_forbidden_and_writes_nothing(make_device, server, admin):
    two = make_device("two", district=2)
    inc = make_incident()  # district 9
    answer = httpx.post(server.base + "/push", json=push_body(inc), headers=bearer(two))
    assert answer.status_code == 403
    assert admin.sql("SELECT id FROM incidents WHERE id = :i", i=inc.id) == []


def test_reading_another_district_is_forbidden_and_shows_nothing(make_device, server):
    nine = make_device("nine", district=9)
    nine.save(make_incident(narrative="Only district nine may read this."), ACTOR)
    sync_once(nine)
    two = make_device("two", district=2)
    answer = httpx.get(server.base + "/changes", params={"district": 9}, headers=bearer(two))
    assert answer.status_code == 403
    assert "district nine" not in answer.text


def test_an_enrollment_code_works_once(server, admin, tmp_path):
    code = admin.code(9)
    first = httpx.post(server.base + "/enroll", json={"code": code})
    second = httpx.post(server.base + "/enroll", json={"code": code})
    assert first.status_code == 200 and len(first.json()["token"]) >= 43
    assert second.status_code == 403 and "token" not in second.text


def test_the_server_keeps_only_hashes_of_tokens_and_codes(make_device, admin):
    store = make_device("a", district=9)
    token = device.token(store)
    stored = admin.sql("SELECT token_hash FROM devices")
    assert all(token not in row.token_hash for row in stored)
    assert admin.sql("SELECT count(*) AS n FROM devices WHERE token_hash = encode(sha256(convert_to(:t, 'UTF8')), 'hex')",
                     t=token)[0].n == 1


def test_an_invalid_record_gets_422_naming_the_field(make_device, server):
    store = make_device("a", district=9)
    inc = make_incident(status=Status.IN_REVIEW)
    inc.agents[0].vehicle.plate_state = "ZZ"
    body = push_body(inc)
    body["items"][0]["incident"]["beat"] = "12"
    answer = httpx.post(server.base + "/push", json=body, headers=bearer(store))
    assert answer.status_code == 422
    paths = [p["path"] for p in answer.json()["detail"]]
    assert any(p.startswith("items[0].incident.beat") for p in paths), paths


def test_a_malformed_request_gets_422_with_the_path_never_500(make_device, server):
    store = make_device("a", district=9)
    answer = httpx.post(server.base + "/push", json={"items": [{"idempotency_key": "x", "base_version": -1}]},
                        headers=bearer(store))
    assert answer.status_code == 422
    paths = {p["path"] for p in answer.json()["detail"]}
    assert {"items[0].idempotency_key", "items[0].base_version", "items[0].incident"} <= paths


def test_headquarters_can_page_through_one_district(make_device, server):
    nine = make_device("nine", district=9)
    two = make_device("two", district=2)
    hq = make_device("hq", headquarters=True)
    made = {nine.save(make_incident(), ACTOR).id for _ in range(3)}
    two.save(make_incident(district=2, beat="0211"), ACTOR)
    sync_once(nine)
    sync_once(two)
    seen, cursor, more = [], 0, True
    while more:
        page = httpx.get(server.base + "/changes", params={"district": 9, "since": cursor, "limit": 2},
                         headers=bearer(hq)).json()
        seen += [c["incident"]["id"] for c in page["changes"]]
        cursor, more = page["next_cursor"], page["more"]
    assert set(seen) == made
