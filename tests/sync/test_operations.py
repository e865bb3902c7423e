"""Operating the server: liveness and readiness, Prometheus metrics added up over several processes, and a
structured access log that never carries a record's personal data."""

from __future__ import annotations

import json
import re
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from intake_app.domain import geography
from intake_app.domain.actor import Actor
from intake_app.domain.enums import Agency
from intake_app.domain.records import Agent, ReportingParty
from intake_app.server.app import create_app
from intake_app.server.settings import ServerSettings
from intake_app.sync import device, state
from intake_app.sync.engine import sync_once

from ..factories import make_incident
from .conftest import ServerProcess, free_port

ACTOR = Actor("Sgt. Maria Test", "2231")


@pytest.fixture(scope="module")
def two_processes(pg_url, tmp_path_factory):
    """`intake server --workers 2`, the feed metrics read afresh at every scrape, its access log in a file."""
    log = tmp_path_factory.mktemp("ops") / "access.log"
    proc = ServerProcess(pg_url, workers=2, log=log, env={"INTAKE_SERVER_METRICS_CACHE_SECONDS": "0"}).start()
    yield proc
    proc.stop()


def sample(text: str, name: str, **labels) -> float | None:
    """One sample's value from the Prometheus text format."""
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            found = dict(re.findall(r'(\w+)="([^"]*)"', line.split("}")[0])) if "{" in line else {}
            if all(found.get(k) == str(v) for k, v in labels.items()):
                return float(line.rsplit(" ", 1)[1])
    return None


def test_a_live_server_on_a_reachable_database_is_live_and_ready(two_processes):
    assert httpx.get(two_processes.base + "/health/live").json() == {"status": "ok"}
    assert httpx.get(two_processes.base + "/health/ready").json() == {"status": "ok"}


def test_a_server_whose_database_is_away_is_alive_but_not_ready():
    away = ServerSettings(database_url=f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/gone")
    with TestClient(create_app(away)) as client:
        assert client.get("/health/live").status_code == 200
        answer = client.get("/health/ready")
        assert answer.status_code == 503 and answer.json() == {"status": "database unavailable"}
        assert client.get("/metrics").status_code == 200  # the request metrics still answer


def test_a_server_has_read_the_police_beats_before_it_answers_anything(monkeypatch):
    # Read at the first push instead, they cost each process's first answer about half a second, after the
    # process had said it was ready.
    monkeypatch.setattr(geography, "_default", None)  # as in a process just started
    create_app(ServerSettings(database_url=f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/gone"))
    assert geography._default is not None


def test_request_counts_are_added_up_over_every_process(two_processes):
    before = sample(httpx.get(two_processes.base + "/metrics").text, "intake_http_requests_total",
                    method="GET", route="/health/live", status="200") or 0
    for _ in range(30):  # separate connections: the kernel hands them to either process
        assert httpx.get(two_processes.base + "/health/live").status_code == 200
    text = httpx.get(two_processes.base + "/metrics").text
    assert sample(text, "intake_http_requests_total", method="GET", route="/health/live", status="200") == before + 30
    assert sample(text, "intake_http_request_seconds_count", method="GET", route="/health/live") >= 30
    lines = [json.loads(line) for line in two_processes.log.read_text().splitlines() if line.startswith("{")]
    assert len({r["pid"] for r in lines if r["route"] == "/health/live"}) == 2


def test_pending_changes_and_feed_lag_by_device(two_processes, make_device):
    station = make_device("station", district=9, url=two_processes.base)
    hq = make_device("hq", headquarters=True, url=two_processes.base)
    for _ in range(3):
        station.save(make_incident(), ACTOR)
    assert sync_once(station).ok
    hq_id = state.read(hq, state.DEVICE_ID)
    with httpx.Client(base_url=two_processes.base, headers={"Authorization": f"Bearer {device.token(hq)}"}) as http:
        http.get("/changes", params={"since": 0, "limit": 1})  # headquarters was sent the first page of one
    text = httpx.get(two_processes.base + "/metrics").text
    assert sample(text, "intake_feed_pending_changes", device=hq_id, district="headquarters") == 2
    assert sample(text, "intake_feed_lag_seconds", device=hq_id) > 0
    assert sample(text, "intake_feed_head_seq") >= 3

    assert sync_once(hq).ok  # caught up
    text = httpx.get(two_processes.base + "/metrics").text
    assert sample(text, "intake_feed_pending_changes", device=hq_id) == 0
    assert sample(text, "intake_feed_lag_seconds", device=hq_id) == 0
    assert "Reporter" not in text and "Sgt." not in text  # devices by number, never by name or content


def test_the_access_log_never_carries_a_records_personal_data(two_processes, make_device):
    station = make_device("private", district=9, url=two_processes.base)
    hq = make_device("hq-private", headquarters=True, url=two_processes.base)
    inc = make_incident()
    inc.reporting_party = ReportingParty(name="Xiomara Quetzalli-Brandt", phone="773-555-0199",
                                         address="4417 W Zzyzx Rd Apt 3", consent_to_contact=True)
    inc.narrative = "Agent Orvelle Pemberton-Kask pushed Ms. Quetzalli-Brandt against the wall."
    inc.agents = [Agent(name="Orvelle Pemberton-Kask", badge="ERO-99871", agency=Agency.ICE_ERO)]
    inc.violations[0].agent_ids = [inc.agents[0].id]
    saved = station.save(inc, ACTOR)
    logged = len(two_processes.log.read_text().splitlines())
    assert sync_once(station).ok and sync_once(hq).ok
    # And a refused one: a record this server's validator rejects (422), which names the field, not its value.
    with httpx.Client(base_url=two_processes.base, headers={"Authorization": f"Bearer {device.token(station)}"}) as http:
        bad = http.post("/push", json={"items": [{"idempotency_key": "00000000-0000-4000-8000-000000000001",
                                                  "base_version": 0, "incident": {"narrative": inc.narrative}}]})
    assert bad.status_code == 422

    # A request's line is written once its answer has gone out, so the last one may lag the answer a moment.
    deadline = time.monotonic() + 10
    while True:
        lines = two_processes.log.read_text().splitlines()[logged:]
        records = [json.loads(line) for line in lines]  # every line is one JSON object
        if 422 in {r["status"] for r in records} or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert {"/push", "/changes"} <= {r["route"] for r in records}
    assert {422, 200} <= {r["status"] for r in records}
    assert set(records[0]) == {"at", "pid", "method", "route", "status", "ms", "bytes_in", "bytes_out", "device"}
    text = "\n".join(lines)
    for personal in ("Xiomara", "Quetzalli", "773-555-0199", "7735550199", "Zzyzx", "Orvelle", "Pemberton",
                     "ERO-99871", saved.report_number, device.token(station), device.token(hq)):
        assert personal not in text
