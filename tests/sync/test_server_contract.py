"""The server's contract says what it accepts, and it accepts what it says (findings of schemathesis)."""

from __future__ import annotations

import uuid

import httpx
import pytest


@pytest.fixture
def device(server, admin):
    token = httpx.post(server.base + "/enroll", json={"code": admin.code(9)}).json()["token"]
    return httpx.Client(base_url=server.base, headers={"Authorization": f"Bearer {token}"}, timeout=30)


def _decision(**changes) -> dict:
    a, b = sorted([str(uuid.uuid4()), str(uuid.uuid4())])
    return {"idempotency_key": str(uuid.uuid4()), "incident_a": a, "incident_b": b, "kind": "agent",
            "decision": "confirmed", "actor_name": "Lt. Ana Review", "actor_star": "9001",
            "decided_at": "2026-11-02T20:30:00Z"} | changes


@pytest.mark.parametrize("when", [0, 1764000000, "1900-01-01T00:00:00Z", "2026-11-02T20:30:00"])
def test_a_link_decision_whose_time_is_a_number_or_outside_the_limits_is_refused(device, when):
    answer = device.post("/link-decisions", json={"items": [_decision(decided_at=when)]})
    assert answer.status_code == 422
    assert any(d["path"] == "items[0].decided_at" for d in answer.json()["detail"])


def test_a_link_decision_with_a_proper_time_is_taken(device):
    answer = device.post("/link-decisions", json={"items": [_decision()]})
    assert answer.status_code == 200, answer.text


def test_the_document_says_a_pushed_incident_must_name_its_id(device):
    schema = device.get("/openapi.json").json()["components"]["schemas"]["PushItem"]["properties"]["incident"]
    assert schema["required"] == ["id"] and "pattern" in schema["properties"]["id"]


def test_a_draft_deletion_without_an_id_is_refused_as_the_document_says(device):
    answer = device.post("/push", json={"items": [{"idempotency_key": str(uuid.uuid4()), "base_version": 1,
                                                   "action": "delete_draft", "incident": {}}]})
    assert answer.status_code == 422
    assert any(d["path"] == "items[0].incident" for d in answer.json()["detail"])


def test_the_allow_header_of_link_decisions_names_get_and_post(device):
    answer = device.put("/link-decisions", json={})
    assert answer.status_code == 405
    allowed = {m.strip() for m in answer.headers["allow"].split(",")}
    assert {"GET", "POST"} <= allowed
