"""What goes over the wire is what the server's OpenAPI document says: every request a device sends in a sync
and every answer it gets, checked against the document the server serves (JSON Schema, draft 2020-12)."""

from __future__ import annotations

import json

import httpx
import pytest
from jsonschema import Draft202012Validator

from intake_app.domain.actor import Actor
from intake_app.sync import state
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .fault_proxy import FaultProxy

ACTOR = Actor("Sgt. Maria Lopez", "4471")


@pytest.fixture(scope="module")
def document(server) -> dict:
    return httpx.get(server.base + "/openapi.json", timeout=30).json()


def _validator(document: dict, ref: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": ref, "components": document["components"]})


def _schema_of(document: dict, method: str, path: str, part: str) -> str | None:
    """The $ref of a route's JSON request body (`part` "request") or 200 answer ("answer"); None: not JSON."""
    operation = document["paths"].get(path, {}).get(method.lower())
    if operation is None:
        return None
    if part == "request":
        body = operation.get("requestBody", {}).get("content", {}).get("application/json")
    else:
        body = operation["responses"].get("200", {}).get("content", {}).get("application/json")
    schema = (body or {}).get("schema", {})
    return schema.get("$ref")


@pytest.fixture
def a_synced_station_on_the_wire(make_device, server):
    """A station saves two incidents and syncs through a proxy that keeps every request and answer."""
    seen: list[tuple[str, str, bytes, int, bytes]] = []

    def keep(request, answer):
        seen.append((request.method, request.path.split("?")[0], request.body, answer.status, answer.body))
        return None

    station = make_device("a", district=9)
    for _ in range(2):
        station.save(make_incident(), ACTOR)
    with FaultProxy(server.base) as proxy:
        proxy.fault = keep
        state.write(station, **{state.SERVER_URL: proxy.base})
        report = sync_once(station)
        state.write(station, **{state.SERVER_URL: server.base})
    assert report.ok, report.error
    return seen


def test_every_answer_of_a_sync_is_what_the_document_declares(a_synced_station_on_the_wire, document):
    checked = set()
    for method, path, _body, status, answer in a_synced_station_on_the_wire:
        ref = _schema_of(document, method, path, "answer")
        if status != 200 or ref is None:
            continue
        errors = sorted(_validator(document, ref).iter_errors(json.loads(answer)), key=str)
        assert not errors, f"{method} {path}: {errors[0].message} at {list(errors[0].absolute_path)}"
        checked.add(path)
    assert {"/push", "/changes", "/epoch"} <= checked


def test_the_change_feed_carries_each_stored_record_whole(a_synced_station_on_the_wire):
    pages = [json.loads(answer) for method, path, _b, status, answer in a_synced_station_on_the_wire
             if path == "/changes" and status == 200]
    incidents = [change["incident"] for page in pages for change in page["changes"]]
    assert len(incidents) == 2
    assert all(isinstance(i["id"], str) and i["version"] == 1 and i["district"] == 9 for i in incidents)


def test_every_request_of_a_sync_is_what_the_document_declares(a_synced_station_on_the_wire, document):
    checked = set()
    for method, path, body, _status, _answer in a_synced_station_on_the_wire:
        ref = _schema_of(document, method, path, "request")
        if ref is None or not body:
            continue
        errors = sorted(_validator(document, ref).iter_errors(json.loads(body)), key=str)
        assert not errors, f"{method} {path}: {errors[0].message} at {list(errors[0].absolute_path)}"
        checked.add(path)
    assert "/push" in checked
